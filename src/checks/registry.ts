import { noDuplicateHelpers } from './no-duplicate-helpers/index.js';
import { noUnhandledMessageTypes } from './no-unhandled-message-types/index.js';
import { noUnserializableLogArgs } from './no-unserializable-log-args/index.js';
import type { Check } from './types.js';

/** Every check of the analyzer, in a fixed order. */
export const checks: readonly Check<any, any>[] = [noDuplicateHelpers, noUnserializableLogArgs, noUnhandledMessageTypes];

export function findCheck(name: string): Check<any, any> | undefined {
  return checks.find((check) => check.name === name);
}
