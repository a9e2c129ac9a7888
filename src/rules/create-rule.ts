import { ESLintUtils, type TSESLint } from '@typescript-eslint/utils';
import type { Check } from '../checks/types.js';
import { ruleOptionsSchema } from '../config/schema.js';
import type { Range } from '../core/finding.js';
import { findingsForFile } from '../eslint/session.js';
import { readSettings } from '../eslint/settings.js';
import { ruleDocsUrl } from '../core/docs-url.js';

export interface SsotRuleDocs {
  /** Turned on by `configs.recommended`. */
  recommended: boolean;
  /** The rule asks the type checker (via `parserServices.program`); without types it does what it can. */
  requiresTypeChecking: boolean;
}

export const createRule = ESLintUtils.RuleCreator<SsotRuleDocs>(ruleDocsUrl);

export type RuleOptions = [Record<string, unknown>];

/**
 * The rule's options schema: the check's own (as in ssot.config.json) without `default` keywords, because
 * ESLint validates options with `useDefaults` and would write the defaults into the options: the session could
 * then no longer tell an option the user set (which overrides ssot.config.json) from a default (which must not).
 */
export function eslintOptionsSchema(check: Check<unknown, unknown>): TSESLint.RuleMetaData<string, SsotRuleDocs>['schema'] {
  return [withoutDefaults(ruleOptionsSchema(check)) as never];
}

function withoutDefaults(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutDefaults);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key]) => key !== 'default')
      .map(([key, value]) =>
        key === 'properties' && value && typeof value === 'object'
          ? [key, Object.fromEntries(Object.entries(value).map(([name, property]) => [name, withoutDefaults(property)]))]
          : [key, withoutDefaults(value)],
      ),
  );
}

export interface AdapterSpec {
  check: Check<unknown, unknown>;
  type: 'problem' | 'suggestion';
  /** The message id of this rule's findings; the text is the check's message, identical to the CLI's. */
  messageId: string;
}

/** An ESLint rule that reports, in the linted file, the findings of one check run over the whole project. */
export function ruleFromCheck({ check, type, messageId }: AdapterSpec) {
  return createRule<RuleOptions, string>({
    name: check.name,
    meta: {
      type,
      docs: { description: check.description, recommended: true, requiresTypeChecking: check.usesTypes },
      hasSuggestions: true,
      messages: { [messageId]: '{{ message }}', suggestion: '{{ message }}' },
      schema: eslintOptionsSchema(check),
      // Empty on purpose: an option not given falls back to ssot.config.json, then to the check's default.
      defaultOptions: [{}],
    },
    create(context) {
      // A code block extracted by a processor (e.g. from Markdown) is not a project file.
      if (context.physicalFilename !== context.filename) return {};
      const { sourceCode } = context;
      return {
        Program() {
          const findings = findingsForFile({
            check,
            cwd: context.cwd,
            filename: context.physicalFilename,
            text: sourceCode.text,
            hasBOM: (sourceCode as { hasBOM?: boolean }).hasBOM === true,
            settings: readSettings(context.settings),
            ruleOptions: context.options[0],
            program: (sourceCode.parserServices?.program ?? undefined) as never,
          });
          const indexOf = (line: number, column: number) => sourceCode.getIndexFromLoc({ line, column: column - 1 });
          const span = (range: Range): [number, number] => [indexOf(range.line, range.column), indexOf(range.endLine, range.endColumn)];
          for (const finding of findings) {
            const { line, column, endLine, endColumn } = finding.range;
            context.report({
              loc: { start: { line, column: column - 1 }, end: { line: endLine, column: endColumn - 1 } },
              messageId,
              data: { message: finding.message },
              suggest: (finding.suggestions ?? []).map((suggestion) => ({
                messageId: 'suggestion',
                data: { message: suggestion.message },
                fix: (fixer) => fixer.replaceTextRange(span(suggestion.range), suggestion.text),
              })),
            });
          }
        },
      };
    },
  });
}
