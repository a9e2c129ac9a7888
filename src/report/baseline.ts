import { readFileSync } from 'node:fs';
import { UsageError } from '../core/errors.js';
import type { Finding } from '../core/finding.js';

/** How many findings of each fingerprint a baseline accepts. */
export type Baseline = ReadonlyMap<string, number>;

/**
 * A baseline is an earlier `--format json` report: its findings are accepted, so only new ones are reported
 * (adopting the tool on a codebase that already has findings). A finding is matched by its fingerprint, which
 * survives unrelated edits but not a move to another file.
 */
export function readBaseline(file: string): Baseline {
  let report: unknown;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not JSON (${(error as Error).message.split('\n')[0]})`;
    throw new UsageError(`baseline ${file}: ${reason}`);
  }
  const findings = (report as { version?: unknown; findings?: unknown } | null)?.findings;
  if ((report as { version?: unknown } | null)?.version !== 1 || !Array.isArray(findings)) {
    throw new UsageError(`baseline ${file}: not a report of \`ssot --format json\` (expected {"version":1,"findings":[...]})`);
  }
  const counts = new Map<string, number>();
  for (const finding of findings) {
    const fingerprint = (finding as { fingerprint?: unknown } | null)?.fingerprint;
    if (typeof fingerprint === 'string') counts.set(fingerprint, (counts.get(fingerprint) ?? 0) + 1);
  }
  return counts;
}

/** The findings the baseline does not accept, in their order. */
export function newFindings(findings: readonly Finding[], baseline: Baseline): Finding[] {
  const left = new Map(baseline);
  return findings.filter((finding) => {
    const count = left.get(finding.fingerprint) ?? 0;
    if (count === 0) return true;
    left.set(finding.fingerprint, count - 1);
    return false;
  });
}
