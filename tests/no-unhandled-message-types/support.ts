import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../src/analyzer.js';

export const fixturesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');

/** Runs only this rule on a fixture project; one line per finding: `file:line:column severity message`. */
export async function findingLines(fixture: string): Promise<string[]> {
  return (await fixtureFindings(fixture)).map((finding) => `${finding.file}:${finding.range.line}:${finding.range.column} ${finding.severity} ${finding.message}`);
}

/** The related locations of each finding, one line each: `message: file:line:column`. */
export async function relatedLines(fixture: string): Promise<string[][]> {
  return (await fixtureFindings(fixture)).map((finding) => finding.related.map((related) => `${related.message}: ${related.file}:${related.line}:${related.column}`));
}

async function fixtureFindings(fixture: string) {
  const result = await analyze({ cwd: path.join(fixturesDir, fixture), rules: ['ssot/no-unhandled-message-types'], cache: false });
  if (result.diagnostics.length > 0) throw new Error(JSON.stringify(result.diagnostics));
  return result.findings;
}
