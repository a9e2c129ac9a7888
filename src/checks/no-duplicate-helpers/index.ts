import type { Check } from '../types.js';

// Placeholder until the check is implemented: extracts nothing, reports nothing.
export const noDuplicateHelpers: Check<null, Record<string, never>> = {
  name: 'no-duplicate-helpers',
  description: 'TODO',
  usesTypes: false,
  factsVersion: 0,
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  defaultOptions: {},
  extract: () => null,
  run: () => [],
};
