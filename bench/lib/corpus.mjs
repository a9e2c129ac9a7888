// The duplicate-check corpus: TypeScript sources of pinned npm packages, laid out under
// bench/.corpus/src/<package>/... Rebuilt only when bench/corpus.json's package list changes.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

const TS_SOURCE = /\.(ts|tsx)$/;
const DECLARATION = /\.d\.(ts|mts|cts)$|\.d\.[^/]*\.ts$/;

export function isTsSource(name) {
  return TS_SOURCE.test(name) && !DECLARATION.test(name);
}

/** Directory name for a package: `@effect/platform` -> `effect-platform`. */
function dirFor(name) {
  return name.replace(/^@/, '').replace('/', '-');
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${(r.stderr || r.stdout || '').slice(-2000)}`);
  }
  return r.stdout;
}

/**
 * @param {string} corpusRoot bench/.corpus
 * @param {{ packages: Array<{name: string, version: string, subdir: string, integrity: string}>, maxFileBytes: number }} config
 * @param {(msg: string) => void} log
 */
export function ensurePackageCorpus(corpusRoot, config, log) {
  corpusRoot = resolve(corpusRoot);
  const srcRoot = join(corpusRoot, 'src');
  const stampFile = join(srcRoot, '.corpus-stamp.json');
  const wanted = JSON.stringify({ packages: config.packages, maxFileBytes: config.maxFileBytes });
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === wanted) return srcRoot;

  log(`building the npm corpus in ${relative(process.cwd(), srcRoot)} (${config.packages.length} packages)...`);
  rmSync(srcRoot, { recursive: true, force: true });
  mkdirSync(srcRoot, { recursive: true });
  const tarballs = join(corpusRoot, 'tarballs');
  mkdirSync(tarballs, { recursive: true });

  for (const pkg of config.packages) {
    const spec = `${pkg.name}@${pkg.version}`;
    const packed = JSON.parse(run('npm', ['pack', spec, '--json', '--pack-destination', tarballs], { cwd: tarballs }));
    const info = Array.isArray(packed) ? packed[0] : packed;
    if (info.integrity !== pkg.integrity) {
      throw new Error(`${spec}: integrity ${info.integrity} does not match corpus.json's ${pkg.integrity}`);
    }
    const scratch = mkdtempSync(join(tmpdir(), 'ssot-bench-pkg-'));
    try {
      run('tar', ['-xzf', join(tarballs, info.filename), '-C', scratch]);
      const from = join(scratch, 'package', pkg.subdir);
      const to = join(srcRoot, dirFor(pkg.name));
      let copied = 0;
      for (const file of walk(from)) {
        if (!isTsSource(file) || statSync(file).size > config.maxFileBytes) continue;
        const dest = join(to, relative(from, file));
        mkdirSync(dirname(dest), { recursive: true });
        cpSync(file, dest);
        copied++;
      }
      log(`  ${spec}: ${copied} files`);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  // A git root of its own, so no tool applies the project's .gitignore (which ignores bench/.corpus/).
  run('git', ['init', '-q'], { cwd: srcRoot });
  writeFileSync(stampFile, wanted);
  return srcRoot;
}

export function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '.git') continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}

/** Lines and files of TypeScript sources (no declarations) under `dir`, skipping node_modules. */
export function countTsLines(dir, { maxFileBytes = Infinity } = {}) {
  let files = 0;
  let lines = 0;
  for (const file of walk(dir)) {
    if (!isTsSource(file)) continue;
    const text = readFileSync(file, 'utf8');
    if (Buffer.byteLength(text) > maxFileBytes) continue;
    files++;
    lines += text.length === 0 ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  }
  return { files, lines };
}
