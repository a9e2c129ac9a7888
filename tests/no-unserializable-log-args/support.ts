import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../src/analyzer.js';
import type { Finding } from '../../src/core/finding.js';

export const fixturesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');

/** Runs only this rule on a fixture project. */
export async function findings(fixture: string): Promise<Finding[]> {
  const result = await analyze({
    cwd: path.join(fixturesDir, fixture),
    rules: ['ssot/no-unserializable-log-args'],
    cache: false,
  });
  if (result.diagnostics.length > 0) throw new Error(JSON.stringify(result.diagnostics));
  return result.findings;
}

/** One line per finding: `file:line:column severity message`. */
export async function findingLines(fixture: string): Promise<string[]> {
  return (await findings(fixture)).map(
    (finding) => `${finding.file}:${finding.range.line}:${finding.range.column} ${finding.severity} ${finding.message}`,
  );
}
