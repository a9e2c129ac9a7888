// Turning measured runs into the numbers a row reports.
import { median } from './measure.mjs';

/** @param {Array<{ wallMs: number, rssKb: number | null }>} runs */
export function summarize(runs) {
  const rss = runs.map((r) => r.rssKb).filter((v) => v !== null);
  return {
    runs: runs.length,
    medianS: runs.length ? median(runs.map((r) => r.wallMs)) / 1000 : null,
    peakRssMb: rss.length ? Math.max(...rss) / 1024 : null,
    // User + system CPU time: less sensitive than wall time to other processes on a shared machine.
    medianCpuS: runs.some((r) => r.cpuS === null) || runs.length === 0 ? null : median(runs.map((r) => r.cpuS)),
    timesS: runs.map((r) => Math.round(r.wallMs) / 1000),
  };
}

/** PASS when every check holds, FAIL when one fails, n/a when none could be decided. */
export function verdict(checks) {
  const decided = checks.filter((c) => c !== null && c !== undefined);
  if (decided.length === 0) return 'n/a';
  return decided.every(Boolean) ? 'PASS' : 'FAIL';
}

export function runFailure(label, r) {
  const why = r.signal ? `signal ${r.signal}` : `exit code ${r.code}`;
  return new Error(`${label} failed (${why}): ${r.stderr.trim().slice(-1500)}`);
}
