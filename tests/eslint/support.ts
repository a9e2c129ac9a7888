import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { analyze } from '../../src/analyzer.js';
import * as typescriptParser from '@typescript-eslint/parser';
import * as astroParser from 'astro-eslint-parser';
import * as svelteParser from 'svelte-eslint-parser';
import * as vueParser from 'vue-eslint-parser';
import ssot from '../../src/index.js';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const incident = path.join(repoRoot, 'fixtures/incident');

/** fixtures/incident and every fixtures/<group>/<case> folder: the projects both front ends must agree on. */
export function fixtureProjects(): string[] {
  const fixtures = path.join(repoRoot, 'fixtures');
  const cases = readdirSync(fixtures)
    .filter((group) => !['incident', 'eslint-sample'].includes(group) && statSync(path.join(fixtures, group)).isDirectory())
    .flatMap((group) =>
      readdirSync(path.join(fixtures, group))
        .map((name) => path.join(fixtures, group, name))
        .filter((dir) => statSync(dir).isDirectory()),
    );
  return [incident, ...cases.sort()];
}

/** One finding as both front ends can state it. */
export type Row = string;

export function row(ruleId: string, file: string, line: number, column: number, endLine: number, endColumn: number, message: string): Row {
  return `${ruleId} ${file}:${line}:${column}-${endLine}:${endColumn} ${message}`;
}

export async function cliRows(cwd: string, paths?: string[]): Promise<Row[]> {
  const { findings } = await analyze({ cwd, paths, cache: false, jobs: 1 });
  return findings.map((f) => row(f.ruleId, f.file, f.range.line, f.range.column, f.range.endLine, f.range.endColumn, f.message));
}

export function eslintFor(cwd: string, extra: Linter.Config[] = []): ESLint {
  return new ESLint({
    cwd,
    overrideConfigFile: true,
    // Generated fixture files carry `/* eslint-disable */`, which ESLint would report as unused: not a finding.
    overrideConfig: [
      ssot.configs.recommended as Linter.Config,
      ...componentConfigs(),
      { settings: { ssot: { cache: false } }, linterOptions: { reportUnusedDisableDirectives: 'off' } },
      ...extra,
    ],
  });
}

/** Vue, Svelte and Astro components, linted as the README shows: their own parser, TypeScript's for the scripts. */
function componentConfigs(): Linter.Config[] {
  const rules = ssot.configs.recommended.rules as Linter.RulesRecord;
  const plugins = { ssot: ssot as unknown as ESLint.Plugin };
  return [
    { files: ['**/*.vue'], languageOptions: { parser: vueParser, parserOptions: { parser: typescriptParser } }, plugins, rules },
    { files: ['**/*.svelte'], languageOptions: { parser: svelteParser, parserOptions: { parser: typescriptParser } }, plugins, rules },
    { files: ['**/*.astro'], languageOptions: { parser: astroParser, parserOptions: { parser: typescriptParser } }, plugins, rules },
  ];
}

export function eslintRows(cwd: string, results: ESLint.LintResult[]): Row[] {
  const rows: Row[] = [];
  for (const result of results) {
    const file = path.relative(cwd, result.filePath).split(path.sep).join('/');
    for (const m of result.messages) {
      if (m.fatal) throw new Error(`${file}: ${m.message}`);
      rows.push(row(m.ruleId ?? '', file, m.line, m.column, m.endLine ?? m.line, m.endColumn ?? m.column, m.message));
    }
  }
  return rows.sort();
}
