import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RuleTester, type InvalidTestCase, type ValidTestCase } from '@typescript-eslint/rule-tester';
import * as vitest from 'vitest';
import { analyze } from '../../src/analyzer.js';
import type { Finding } from '../../src/core/finding.js';
import ssot from '../../src/index.js';
import { resetSessions } from '../../src/eslint/session.js';

RuleTester.afterAll = vitest.afterAll;
RuleTester.describe = vitest.describe;
RuleTester.it = vitest.it;
RuleTester.itOnly = vitest.it.only;

const repoRoot = path.resolve(import.meta.dirname, '../..');
vitest.beforeAll(() => resetSessions());

const ruleTester = new RuleTester({
  languageOptions: {
    parser: ssot.configs.recommended.languageOptions!.parser as never,
    parserOptions: { projectService: true, tsconfigRootDir: repoRoot },
  },
  settings: { ssot: { cache: false } },
});

type Options = [Record<string, unknown>];
const messageIds = {
  'no-duplicate-helpers': 'duplicateHelper',
  'no-unserializable-log-args': 'unserializableLogArg',
  'no-unhandled-message-types': 'unhandledMessageType',
} as const;

/** Applies one suggestion to the file's text, as ESLint does. */
function applySuggestion(text: string, s: NonNullable<Finding['suggestions']>[number]): string {
  const lines = text.split('\n');
  const offset = (line: number, column: number) => lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
  return text.slice(0, offset(s.range.line, s.range.column)) + s.text + text.slice(offset(s.range.endLine, s.range.endColumn));
}

/**
 * Test cases for one rule on the files of a fixture project, each file linted under its own name: the expected
 * errors are the CLI's findings (same rule, line, column, end, message, suggestions).
 */
async function casesFor(projectDir: string, rule: keyof typeof messageIds) {
  const { findings } = await analyze({ cwd: repoRoot, paths: [projectDir], cache: false, jobs: 1, rules: [`ssot/${rule}`] });
  const files = [...new Set((await analyze({ cwd: repoRoot, paths: [projectDir], cache: false, jobs: 1, rules: [] })).findings.map((f) => f.file))];
  const sources = new Set([...files, ...findings.map((f) => f.file)]);
  const valid: ValidTestCase<Options>[] = [];
  const invalid: InvalidTestCase<string, Options>[] = [];
  for (const file of [...sources].sort()) {
    // Relative to tsconfigRootDir, which RuleTester then uses as ESLint's cwd, like the CLI's cwd here.
    const filename = file;
    const code = readFileSync(path.join(repoRoot, file), 'utf8');
    const own = findings.filter((f) => f.file === file);
    if (!own.length) {
      valid.push({ code, filename, name: `${file} has no ${rule} findings` });
      continue;
    }
    invalid.push({
      code,
      filename,
      name: `${file}: ${own.length} finding(s)`,
      errors: own.map((f) => ({
        messageId: messageIds[rule],
        data: { message: f.message },
        line: f.range.line,
        column: f.range.column,
        endLine: f.range.endLine,
        endColumn: f.range.endColumn,
        suggestions: (f.suggestions ?? []).map((s) => ({ messageId: 'suggestion', data: { message: s.message }, output: applySuggestion(code, s) })),
      })),
    });
  }
  return { valid, invalid };
}

for (const [rule, messageId] of Object.entries(messageIds) as [keyof typeof messageIds, string][]) {
  const incident = await casesFor('fixtures/incident', rule);
  vitest.expect(incident.invalid.length, `${rule} reports in fixtures/incident`).toBeGreaterThan(0);
  vitest.describe('fixtures/incident', () => ruleTester.run(rule, ssot.rules[rule] as never, incident));
  void messageId;
}

// JavaScript that no tsconfig includes: the type-aware rule still runs (types from a Program built like the
// CLI's), and no rule throws for lack of parserServices.program.
const untyped = await casesFor('fixtures/eslint-sample', 'no-unserializable-log-args');
vitest.expect(untyped.invalid).toHaveLength(1);
vitest.describe('JavaScript outside any tsconfig', () => ruleTester.run('no-unserializable-log-args', ssot.rules["no-unserializable-log-args"] as never, untyped));

// ESLint options override ssot.config.json: `ignore` given in ESLint silences the rule in those files.
vitest.describe('rule options override ssot.config.json', () => ruleTester.run("no-unserializable-log-args", ssot.rules["no-unserializable-log-args"] as never, {
  valid: [
    {
      name: 'ignore from the ESLint options',
      filename: 'fixtures/eslint-sample/src/untyped.js',
      code: readFileSync(path.join(repoRoot, 'fixtures/eslint-sample/src/untyped.js'), 'utf8'),
      options: [{ ignore: ['src/untyped.js'] }],
    },
  ],
  invalid: [],
}),
);
