import type { Check } from '../types.js';

// Placeholder until the check is implemented: extracts nothing, reports nothing.
export const noUnserializableLogArgs: Check<null, Record<string, never>> = {
  name: 'no-unserializable-log-args',
  description: 'TODO',
  usesTypes: true,
  factsVersion: 0,
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  defaultOptions: {},
  extract: () => null,
  run: () => [],
};
