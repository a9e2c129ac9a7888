import type { Finding } from '../core/finding.js';

/**
 * GitHub Actions workflow commands: one `::error` or `::warning` line per finding, which the run's summary and
 * the pull request's diff show as annotations. Paths are relative to the working directory (run from the
 * repository root).
 */
export function formatGithub(findings: readonly Finding[]): string {
  return findings.map(annotationOf).join('');
}

/** Related locations listed in an annotation; `--format json` or `sarif` has all of them. */
const MAX_RELATED = 3;

function annotationOf(finding: Finding): string {
  const { file, range } = finding;
  const shown = finding.related.slice(0, MAX_RELATED).map((location) => `\n${location.message ? `${location.message}: ` : ''}${location.file}:${location.line}:${location.column}`);
  const hidden = finding.related.length - shown.length;
  const related = shown.join('') + (hidden > 0 ? `\n(+${hidden} more)` : '');
  const properties = [
    `file=${escapeProperty(file)}`,
    `line=${range.line}`,
    `endLine=${range.endLine}`,
    `col=${range.column}`,
    `endColumn=${range.endColumn}`,
    `title=${escapeProperty(finding.ruleId)}`,
  ].join(',');
  return `::${finding.severity} ${properties}::${escapeData(finding.message + related)}\n`;
}

/** What the runner unescapes in a command's message. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values also end at `,` and `:`. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
