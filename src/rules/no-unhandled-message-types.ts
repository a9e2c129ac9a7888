import { noUnhandledMessageTypes } from '../checks/no-unhandled-message-types/index.js';
import { ruleFromCheck } from './create-rule.js';

export default ruleFromCheck({ check: noUnhandledMessageTypes as never, type: 'problem', messageId: 'unhandledMessageType' });
