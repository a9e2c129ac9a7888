import type { Finding } from '../core/finding.js';

/** The machine-readable contract: `{"version":1,"findings":[...]}`, one finding per entry, stable key order. */
export function formatJson(findings: readonly Finding[]): string {
  return JSON.stringify({
    version: 1,
    findings: findings.map((finding) => ({
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      file: finding.file,
      line: finding.range.line,
      column: finding.range.column,
      endLine: finding.range.endLine,
      endColumn: finding.range.endColumn,
      related: finding.related.map(({ file, line, column, message }) => ({ file, line, column, ...(message ? { message } : {}) })),
      fingerprint: finding.fingerprint,
    })),
  }) + '\n';
}
