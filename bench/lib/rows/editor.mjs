// Row "editor": our ESLint rules in one long-lived ESLint process (bench/editor-session.mjs).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure, median, percentile } from '../measure.mjs';
import { runFailure, verdict } from '../summary.mjs';

const TARGET_FIRST_MS = 8000;
const TARGET_P95_MS = 30;
const SESSION = fileURLToPath(new URL('../../editor-session.mjs', import.meta.url));

export async function editorRow({ root, repoDir, file, edits, log }) {
  const row = { name: 'editor', corpus: repoDir, entries: [], notes: [] };
  if (!existsSync(join(root, 'dist', 'index.js'))) {
    row.skipped = 'plugin has no rules yet (dist/index.js does not exist)';
    return row;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'ssot-bench-editor-'));
  try {
    const out = join(scratch, 'session.json');
    const r = await measure(process.execPath, [SESSION, root, repoDir, file, String(edits)], { cwd: repoDir, stdoutFile: out });
    if (r.code !== 0) throw runFailure('editor session', r);
    const session = JSON.parse(readFileSync(out, 'utf8'));
    if (session.skipped) {
      row.skipped = session.skipped;
      return row;
    }
    const rss = r.rssKb === null ? null : r.rssKb / 1024;
    const editRules = session.edits.map((e) => e.rulesMs);
    const p95 = percentile(editRules, 95);
    log(`  first lint: our rules ${session.first.rulesMs.toFixed(0)} ms (lintText ${session.first.wallMs.toFixed(0)} ms); edits p95 ${p95.toFixed(1)} ms`);
    row.notes.push(`ESLint lintText wall time (includes typescript-eslint parsing and its Program update, not only our rules): first ${(session.first.wallMs / 1000).toFixed(2)} s, edits p95 ${percentile(session.edits.map((e) => e.wallMs), 95).toFixed(0)} ms`);
    row.file = session.file;
    row.ruleIds = session.ruleIds;
    row.entries.push({
      tool: `ssot rules, first lint of ${session.file} (index build)`,
      runs: 1,
      stat: 'first',
      valueS: session.first.rulesMs / 1000,
      lintTextS: session.first.wallMs / 1000,
      peakRssMb: rss,
      ratio: null,
      target: `<= ${TARGET_FIRST_MS / 1000} s`,
      result: verdict([session.first.rulesMs <= TARGET_FIRST_MS]),
      findings: session.first.findings,
    });
    row.entries.push({
      tool: `ssot rules, ${edits} edits re-linted via lintText`,
      runs: editRules.length,
      stat: 'p95',
      valueS: p95 / 1000,
      medianS: median(editRules) / 1000,
      lintTextP95S: percentile(session.edits.map((e) => e.wallMs), 95) / 1000,
      peakRssMb: rss,
      ratio: null,
      target: `p95 <= ${TARGET_P95_MS} ms`,
      result: verdict([p95 <= TARGET_P95_MS]),
      timesMs: editRules.map((v) => Math.round(v * 10) / 10),
    });
  } catch (error) {
    row.error = error.message;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return row;
}
