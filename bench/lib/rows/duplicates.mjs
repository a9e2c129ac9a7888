// Row "duplicates": our duplicate check, cold and warm, against jscpd --similarity 0.85 on the same files.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measure } from '../measure.mjs';
import { countOurFindings, findJscpd, ourCli } from '../tools.mjs';
import { runFailure, summarize, verdict } from '../summary.mjs';

const RULE = 'ssot/no-duplicate-helpers';
const TARGET_RATIO = 1.0;
const TARGET_RSS_MB = 1024;
const TARGET_WARM = 0.3;

export async function duplicatesRow({ root, toolsDir, corpusDir, runs, jscpdVersion, log }) {
  const row = { name: 'duplicates', corpus: corpusDir, entries: [], notes: [] };
  const jscpd = findJscpd(root, toolsDir, jscpdVersion, log);
  const cli = ourCli(root);
  if (!cli) row.notes.push('ours skipped: dist/cli.js does not exist (run `npm run build`)');
  if (!jscpd) row.notes.push(`jscpd skipped: jscpd@${jscpdVersion} could not be installed`);

  const scratch = mkdtempSync(join(tmpdir(), 'ssot-bench-dup-'));
  const oursArgs = [cli, '.', '--rule', RULE, '--format', 'json'];
  // Same folder, same extensions (the corpus holds only .ts/.tsx), JSON to a scratch folder, nothing printed.
  // The corpus is its own git root with no .gitignore, so jscpd's gitignore handling changes nothing.
  const jscpdArgs = ['.', '--similarity', '0.85', '--format', 'typescript,tsx', '--reporters', 'json', '--output', join(scratch, 'jscpd'), '--silent', '--no-tips'];
  const ours = [];
  const theirs = [];
  let ourFindings;
  let clones;
  try {
    for (let i = 0; i < runs; i++) {
      if (cli) {
        const out = join(scratch, 'ours.json');
        const r = await measure(process.execPath, [...oursArgs, '--no-cache'], { cwd: corpusDir, stdoutFile: out });
        if (r.code !== 0 && r.code !== 1) throw runFailure('ssot (cold)', r);
        ours.push(r);
        ourFindings = countOurFindings(out);
        log(`  ssot cold   run ${i + 1}/${runs}: ${(r.wallMs / 1000).toFixed(2)} s, ${Math.round(r.rssKb / 1024)} MB, ${ourFindings ?? '?'} findings`);
      }
      if (jscpd) {
        const r = await measure(jscpd.binary, jscpdArgs, { cwd: corpusDir });
        if (r.code !== 0) throw runFailure('jscpd', r);
        theirs.push(r);
        clones = jscpdClones(join(scratch, 'jscpd', 'jscpd-report.json'));
        log(`  jscpd       run ${i + 1}/${runs}: ${(r.wallMs / 1000).toFixed(2)} s, ${Math.round(r.rssKb / 1024)} MB, ${clones.text}`);
      }
    }

    const jscpdSummary = summarize(theirs);
    const coldSummary = summarize(ours);
    if (cli) {
      const ratio = jscpd ? coldSummary.medianS / jscpdSummary.medianS : null;
      row.entries.push({
        tool: 'ssot --rule no-duplicate-helpers (cold, --no-cache)',
        ...coldSummary,
        ratio,
        ratioOf: 'ours / jscpd',
        target: `ratio <= ${TARGET_RATIO}, RSS <= ${TARGET_RSS_MB} MB`,
        result: verdict([ratio === null ? null : ratio <= TARGET_RATIO, coldSummary.peakRssMb <= TARGET_RSS_MB]),
        findings: ourFindings,
      });
    }
    if (jscpd) {
      row.entries.push({ tool: `jscpd ${jscpd.version} --similarity 0.85`, ...jscpdSummary, ratio: null, target: 'reference', result: '', clones: clones?.counts });
    }

    if (cli) {
      const cacheDir = join(scratch, 'cache');
      const cachedArgs = [...oursArgs, '--cache-location', cacheDir];
      const prime = await measure(process.execPath, cachedArgs, { cwd: corpusDir });
      if (prime.code !== 0 && prime.code !== 1) throw runFailure('ssot (priming the cache)', prime);
      log(`  ssot prime  run: ${(prime.wallMs / 1000).toFixed(2)} s, ${Math.round(prime.rssKb / 1024)} MB`);
      const warm = [];
      for (let i = 0; i < runs; i++) {
        const out = join(scratch, 'warm.json');
        const r = await measure(process.execPath, cachedArgs, { cwd: corpusDir, stdoutFile: out });
        if (r.code !== 0 && r.code !== 1) throw runFailure('ssot (warm)', r);
        warm.push(r);
        const found = countOurFindings(out);
        if (found !== ourFindings) row.notes.push(`warm run ${i + 1} reported ${found} findings, the cold runs ${ourFindings}`);
        log(`  ssot warm   run ${i + 1}/${runs}: ${(r.wallMs / 1000).toFixed(2)} s, ${Math.round(r.rssKb / 1024)} MB`);
      }
      const warmSummary = summarize(warm);
      const ratio = warmSummary.medianS / coldSummary.medianS;
      row.entries.push({
        tool: 'ssot --rule no-duplicate-helpers (warm, on-disk cache)',
        ...warmSummary,
        ratio,
        ratioOf: 'warm / cold',
        target: `ratio <= ${TARGET_WARM}`,
        result: verdict([ratio <= TARGET_WARM]),
        primeS: prime.wallMs / 1000,
      });
    }
  } catch (error) {
    row.error = error.message;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return row;
}

function jscpdClones(reportFile) {
  try {
    const report = JSON.parse(readFileSync(reportFile, 'utf8'));
    const counts = {};
    for (const d of report.duplicates ?? []) counts[d.kind ?? 'clone'] = (counts[d.kind ?? 'clone'] ?? 0) + 1;
    const text = Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ') || 'no clones';
    return { counts, text };
  } catch {
    return { counts: undefined, text: 'no report' };
  }
}
