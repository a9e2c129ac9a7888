import { noDuplicateHelpers } from '../checks/no-duplicate-helpers/index.js';
import { ruleFromCheck } from './create-rule.js';

export default ruleFromCheck({ check: noDuplicateHelpers as never, type: 'suggestion', messageId: 'duplicateHelper' });
