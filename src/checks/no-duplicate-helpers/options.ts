import type { OptionsSchema } from '../types.js';

export interface DuplicateHelpersOptions {
  /** Near-miss copies: minimum similarity (0-1, by statements weighted by size) when the names differ. */
  similarity: number;
  /** Near-miss copies: minimum similarity when the names match (`_safe_state` ~ `safeState`). */
  similarityWithSameName: number;
  /** Helpers with fewer tokens in their body are ignored. */
  minTokens: number;
  /** Near-miss matching needs at least this many statements in each copy. */
  minStatements: number;
  /** Helper name -> file of the copy to keep, overriding the automatic choice of the canonical copy. */
  canonical: Record<string, string>;
  /** Also analyze tests, benchmarks, examples and migrations (see {@link isTestFile}). */
  includeTestsAndExamples: boolean;
}

export const defaultOptions: DuplicateHelpersOptions = {
  similarity: 0.85,
  similarityWithSameName: 0.7,
  minTokens: 12,
  minStatements: 3,
  canonical: {},
  includeTestsAndExamples: false,
};

export const optionsSchema: OptionsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    similarity: {
      type: 'number',
      minimum: 0.5,
      maximum: 1,
      description: 'Minimum similarity (0.5-1) for a near-miss copy whose name differs. Default 0.85.',
    },
    similarityWithSameName: {
      type: 'number',
      minimum: 0.5,
      maximum: 1,
      description: 'Minimum similarity (0.5-1) for a near-miss copy with the same normalized name. Default 0.7.',
    },
    minTokens: {
      type: 'integer',
      minimum: 1,
      description: 'Helpers whose body has fewer syntax tokens are ignored. Default 12.',
    },
    minStatements: {
      type: 'integer',
      minimum: 2,
      description: 'Near-miss copies need at least this many statements. Default 3.',
    },
    canonical: {
      type: 'object',
      additionalProperties: { type: 'string' },
      description: 'Helper name -> project-relative file of the copy to keep (overrides the automatic choice).',
    },
    includeTestsAndExamples: {
      type: 'boolean',
      description:
        'Also analyze tests, benchmarks, examples and migrations (*.test.*, *.spec.*, *.eval.*, *.stories.*, __tests__/, test/, tests/, bench/, examples/, playground/, templates/, migrations/, versioned alterations/*, __testfixtures__/, test-utils/, test-utils.*...). Default false.',
    },
  },
};
