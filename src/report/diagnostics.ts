import type { FileDiagnostic } from '../core/errors.js';

/** From this many files with one reason on, they share one line: 360 Flow files say one thing 360 times. */
const GROUPED_FROM = 3;

/** A message about a place in its file (`syntax error at 5:25`) is that file's own, even when another has the same. */
const AT_POSITION = /\bat \d+:\d+/;

/** The stderr lines of the run's diagnostics, sorted as given; one reason shared by many files is said once. */
export function diagnosticLines(diagnostics: readonly FileDiagnostic[]): string[] {
  const filesByMessage = new Map<string, string[]>();
  for (const { file, message } of diagnostics) {
    if (!AT_POSITION.test(message)) filesByMessage.set(message, [...(filesByMessage.get(message) ?? []), file]);
  }
  const lines: string[] = [];
  const said = new Set<string>();
  for (const { file, message } of diagnostics) {
    const files = filesByMessage.get(message);
    if (!files || files.length < GROUPED_FROM) {
      lines.push(`ssot: ${file}: ${message}`);
    } else if (!said.has(message)) {
      said.add(message);
      lines.push(`ssot: ${file} and ${files.length - 1} more files: ${message}`);
    }
  }
  return lines;
}
