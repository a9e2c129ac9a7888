import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ts } from 'ts-morph';
import { analyze } from '../../src/analyzer.js';
import { noDuplicateHelpers } from '../../src/checks/no-duplicate-helpers/index.js';
import type { HelperFacts } from '../../src/checks/no-duplicate-helpers/facts.js';
import { defaultOptions, type DuplicateHelpersOptions } from '../../src/checks/no-duplicate-helpers/options.js';
import type { FindingDraft } from '../../src/core/finding.js';
import type { TypeScriptApi } from '../../src/core/location.js';

export const fixturesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');

/** Runs only this rule on a fixture project; one line per finding: `file:line:column severity message`. */
export async function findingLines(fixture: string): Promise<string[]> {
  const result = await analyze({ cwd: path.join(fixturesDir, fixture), rules: ['ssot/no-duplicate-helpers'], cache: false });
  if (result.diagnostics.length > 0) throw new Error(JSON.stringify(result.diagnostics));
  return result.findings.map((finding) => `${finding.file}:${finding.range.line}:${finding.range.column} ${finding.severity} ${finding.message}`);
}

export async function findings(fixture: string) {
  const result = await analyze({ cwd: path.join(fixturesDir, fixture), rules: ['ssot/no-duplicate-helpers'], cache: false });
  return result.findings;
}

/** Facts of one in-memory file (the extractor exactly as the analyzer calls it). */
export function factsOf(file: string, text: string, options: Partial<DuplicateHelpersOptions> = {}): HelperFacts {
  const kind = /\.tsx$/.test(file) ? ts.ScriptKind.TSX : /\.[cm]?ts$/.test(file) ? ts.ScriptKind.TS : /\.jsx$/.test(file) ? ts.ScriptKind.JSX : ts.ScriptKind.JS;
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  return noDuplicateHelpers.extract({
    ts: ts as unknown as TypeScriptApi,
    sourceFile: sourceFile as never,
    file,
    options: { ...defaultOptions, ...options },
    relativePath: (absolute) => absolute,
  });
}

/** The one helper of a snippet. */
export function unitOf(text: string, file = 'a.ts') {
  const units = factsOf(file, text).units;
  if (units.length !== 1) throw new Error(`expected one helper, got ${units.map((unit) => unit.name).join(', ') || 'none'}`);
  return units[0]!;
}

/** Runs extract + run over in-memory files. */
export function runOn(files: Record<string, string>, options: Partial<DuplicateHelpersOptions> = {}): FindingDraft[] {
  const entries = Object.keys(files)
    .sort()
    .map((file) => ({ file, facts: factsOf(file, files[file]!, options) }));
  return noDuplicateHelpers.run({ files: entries }, { ...defaultOptions, ...options });
}
