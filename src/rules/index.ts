import noDuplicateHelpers from './no-duplicate-helpers.js';
import noUnhandledMessageTypes from './no-unhandled-message-types.js';
import noUnserializableLogArgs from './no-unserializable-log-args.js';

/** The plugin's rules, by name without the `ssot/` prefix (the order of the check registry). */
export const rules = {
  'no-duplicate-helpers': noDuplicateHelpers,
  'no-unserializable-log-args': noUnserializableLogArgs,
  'no-unhandled-message-types': noUnhandledMessageTypes,
};
