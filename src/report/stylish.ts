import { Chalk, type ChalkInstance } from 'chalk';
import type { Finding } from '../core/finding.js';

/** Related locations shown under a finding; the JSON output has all of them. */
const MAX_RELATED_LINES = 3;

/** Grouped by file, like ESLint's stylish formatter; colors follow chalk's NO_COLOR/FORCE_COLOR detection. */
export function formatStylish(findings: readonly Finding[], chalk: ChalkInstance = new Chalk()): string {
  if (findings.length === 0) return '';
  const lines: string[] = [];
  let currentFile: string | undefined;
  for (const finding of findings) {
    if (finding.file !== currentFile) {
      if (currentFile !== undefined) lines.push('');
      lines.push(chalk.underline(finding.file));
      currentFile = finding.file;
    }
    const position = chalk.dim(`${finding.range.line}:${finding.range.column}`.padEnd(8));
    const severity = finding.severity === 'error' ? chalk.red('error  ') : chalk.yellow('warning');
    lines.push(`  ${position} ${severity}  ${finding.message}  ${chalk.dim(finding.ruleId)}`);
    for (const related of finding.related.slice(0, MAX_RELATED_LINES)) {
      lines.push(chalk.dim(`             ${related.message ? `${related.message}: ` : ''}${related.file}:${related.line}:${related.column}`));
    }
    const hidden = finding.related.length - MAX_RELATED_LINES;
    if (hidden > 0) lines.push(chalk.dim(`             (+${hidden} more; --format json lists them all)`));
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const summary = `✖ ${findings.length} problem${findings.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
  lines.push('', (errors ? chalk.red.bold : chalk.yellow.bold)(summary), '');
  return lines.join('\n');
}
