#!/usr/bin/env node
// `npm run bench [-- [path] [--only duplicates|all|editor] [--runs N] [--repo path] [--editor-file f] [--edits N]]`
// See docs/benchmark.md for what each row measures and why.
import { availableParallelism, cpus, loadavg, release, totalmem } from 'node:os';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { countTsLines, ensurePackageCorpus, isTsSource, walk } from './lib/corpus.mjs';
import { ensureRepo } from './lib/repo.mjs';
import { rssMethod } from './lib/measure.mjs';
import { duplicatesRow } from './lib/rows/duplicates.mjs';
import { allChecksRow } from './lib/rows/all-checks.mjs';
import { editorRow } from './lib/rows/editor.mjs';
import { printRow } from './lib/table.mjs';

const ROWS = ['duplicates', 'all', 'editor'];
const benchDir = fileURLToPath(new URL('.', import.meta.url));
const projectRoot = resolve(benchDir, '..');
const corpusRoot = join(benchDir, '.corpus');
const log = (msg) => process.stderr.write(msg + '\n');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    only: { type: 'string' },
    runs: { type: 'string' },
    repo: { type: 'string' },
    build: { type: 'string' },
    'editor-file': { type: 'string' },
    edits: { type: 'string', default: '15' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  process.stdout.write(`usage: npm run bench -- [path] [--only ${ROWS.join('|')}] [--runs N] [--repo path] [--editor-file file] [--edits N]
  path            analyze this folder in every row instead of the pinned corpora
  --runs N        runs per tool (default: 5 for duplicates, 3 for all)
  --repo path     the repository of the all and editor rows (default: the pinned one in bench/corpus.json)
  --editor-file   file of that repository the editor row edits (default: corpus.json's, else the largest .ts file)
  --edits N       edits in the editor row (default 15)
  --build dir     measure the build in <dir>/dist (with <dir>/node_modules) instead of this project's, e.g. to compare two builds
`);
  process.exit(0);
}
if (values.only && !ROWS.includes(values.only)) {
  log(`--only takes one of ${ROWS.join(', ')}, not "${values.only}"`);
  process.exit(2);
}
const runsFlag = values.runs === undefined ? undefined : Number(values.runs);
if (runsFlag !== undefined && !(Number.isInteger(runsFlag) && runsFlag >= 1)) {
  log(`--runs takes a whole number >= 1, not "${values.runs}"`);
  process.exit(2);
}
const root = values.build ? resolve(values.build) : projectRoot;
const wants = (row) => !values.only || values.only === row;
const config = JSON.parse(readFileSync(join(benchDir, 'corpus.json'), 'utf8'));
const given = positionals[0] ? resolve(positionals[0]) : undefined;
if (given && !existsSync(given)) {
  log(`no such folder: ${given}`);
  process.exit(2);
}

const machine = {
  cpus: availableParallelism(),
  cpuModel: cpus()[0]?.model ?? 'unknown',
  memoryGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  os: `${process.platform} ${release()}`,
  rssMethod,
};
const loadBefore = loadavg()[0];
if (loadBefore > 0.5) log(`warning: load average ${loadBefore.toFixed(2)} before the bench; other processes will skew the timings`);
log(`machine: ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGb} GB, node ${machine.node}, ${machine.os}`);

const results = { date: new Date().toISOString(), machine, build: join(root, 'dist'), corpora: {}, rows: [] };

if (wants('duplicates')) {
  const corpusDir = given ?? ensurePackageCorpus(corpusRoot, config, log);
  const counted = countTsLines(corpusDir, given ? {} : { maxFileBytes: config.maxFileBytes });
  results.corpora.duplicates = { dir: corpusDir, source: given ? 'argument' : 'npm packages in bench/corpus.json', ...counted };
  log(`duplicates corpus: ${counted.files} TypeScript files, ${counted.lines.toLocaleString('en-US')} lines (${relativeOr(corpusDir)})`);
  const runs = runsFlag ?? 5;
  log(`row duplicates: ${runs} alternating runs each...`);
  results.rows.push(await duplicatesRow({ root, toolsDir: join(corpusRoot, 'tools'), corpusDir, runs, jscpdVersion: config.tools.jscpd, log }));
}

if (wants('all') || wants('editor')) {
  const repoPath = values.repo ? resolve(values.repo) : given;
  const repo = repoPath ? { dir: repoPath } : ensureRepo(corpusRoot, config.repo, log);
  if ('skipped' in repo) {
    for (const name of ['all', 'editor']) if (wants(name)) results.rows.push({ name, skipped: repo.skipped, entries: [], notes: [] });
  } else {
    const counted = countTsLines(repo.dir);
    results.corpora.repo = {
      dir: repo.dir,
      source: repoPath ? 'argument' : `${config.repo.url}@${config.repo.commit}`,
      hasTsconfig: existsSync(join(repo.dir, 'tsconfig.json')),
      dependenciesInstalled: existsSync(join(repo.dir, 'node_modules')),
      ...(repo.note ? { note: repo.note } : {}),
      ...counted,
    };
    log(`repository: ${counted.files} TypeScript files, ${counted.lines.toLocaleString('en-US')} lines (${relativeOr(repo.dir)})${repo.note ? `; ${repo.note}` : ''}`);
    if (wants('all')) {
      const runs = runsFlag ?? 3;
      log(`row all: ${runs} alternating runs each...`);
      results.rows.push(await allChecksRow({ root, repoDir: repo.dir, runs, log }));
    }
    if (wants('editor')) {
      const file = values['editor-file'] ?? (repoPath ? largestTsFile(repo.dir) : config.repo.editorFile);
      log(`row editor: ${file}, ${values.edits} edits...`);
      results.rows.push(await editorRow({ root, repoDir: repo.dir, file, edits: Number(values.edits), log }));
    }
  }
}

machine.loadAverage = { before: round2(loadBefore), after: round2(loadavg()[0]) };
process.stdout.write(`\nmachine: ${machine.cpus} cores, ${machine.cpuModel}, ${machine.memoryGb} GB RAM, node ${machine.node}; peak RSS by ${machine.rssMethod}; 1-min load average ${machine.loadAverage.before} before, ${machine.loadAverage.after} after\n`);
for (const [name, c] of Object.entries(results.corpora)) {
  process.stdout.write(`corpus ${name}: ${c.files} files, ${c.lines.toLocaleString('en-US')} lines of TypeScript (${c.source})\n`);
}
for (const row of results.rows) process.stdout.write(printRow(row));

const resultsDir = join(benchDir, '.results');
mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, 'latest.json'), JSON.stringify(results, null, 2) + '\n');
process.stdout.write(`\nresults: ${relativeOr(join(resultsDir, 'latest.json'))}\n`);
process.exitCode = results.rows.some((r) => r.error) ? 2 : 0;

function round2(n) {
  return Math.round(n * 100) / 100;
}

function relativeOr(dir) {
  const rel = relative(process.cwd(), dir);
  return rel && !rel.startsWith('..') ? rel : dir;
}

function largestTsFile(dir) {
  let best;
  let bestSize = -1;
  for (const file of walk(dir)) {
    if (!isTsSource(file)) continue;
    const size = statSync(file).size;
    if (size > bestSize) [best, bestSize] = [file, size];
  }
  return best ? relative(dir, best) : undefined;
}
