import { noUnserializableLogArgs } from '../checks/no-unserializable-log-args/index.js';
import { ruleFromCheck } from './create-rule.js';

export default ruleFromCheck({ check: noUnserializableLogArgs as never, type: 'problem', messageId: 'unserializableLogArg' });
