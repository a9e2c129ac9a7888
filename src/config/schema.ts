import { checks } from '../checks/registry.js';
import { ruleIdOf, type Check } from '../checks/types.js';

const severitySchema = { enum: ['error', 'warn', 'off'] };

/** Options every rule accepts on top of its own: gitignore-style patterns of files it skips. */
const commonRuleOptionsSchema = {
  ignore: {
    type: 'array',
    items: { type: 'string' },
    description: 'Gitignore-style patterns, relative to the config file, of files this rule does not report in.',
  },
} as const;

export function ruleOptionsSchema(check: Check<unknown, unknown>): Record<string, unknown> {
  const own = check.optionsSchema as { properties?: Record<string, unknown> };
  return {
    ...own,
    type: 'object',
    additionalProperties: false,
    properties: { ...own.properties, ...commonRuleOptionsSchema },
  };
}

function ruleEntrySchema(check: Check<unknown, unknown>): Record<string, unknown> {
  return {
    description: check.description,
    oneOf: [
      severitySchema,
      { type: 'array', prefixItems: [severitySchema, ruleOptionsSchema(check)], items: false, minItems: 1 },
      // Options alone: the rule is on and each finding keeps its own severity.
      ruleOptionsSchema(check),
    ],
  };
}

/** The JSON schema of `ssot.config.json` and `package.json#ssot`; `schema.json` is this, written out. */
export function configSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'eslint-plugin-ssot configuration',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      ignore: {
        type: 'array',
        items: { type: 'string' },
        description: 'Gitignore-style patterns, relative to the config file, of files not to analyze at all.',
      },
      maxFileSize: {
        type: 'integer',
        minimum: 1,
        description: 'Files larger than this many bytes are skipped with a diagnostic (default 2 MiB).',
      },
      rules: {
        type: 'object',
        additionalProperties: false,
        properties: Object.fromEntries(checks.map((check) => [ruleIdOf(check), ruleEntrySchema(check)])),
      },
    },
  };
}
