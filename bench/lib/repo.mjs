// The real repository for the all-checks and editor rows: corpus.json's `repo`, at a pinned commit,
// extracted into bench/.corpus/<name>/ with its dependencies installed for types when the registry allows.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

function sh(cmd, args, opts = {}) {
  return spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 << 20, ...opts });
}

/** `owner+name` of a GitHub URL, the name local mirrors use. */
function mirrorKey(url) {
  const m = /github\.com\/([^/]+)\/([^/.]+)/.exec(url);
  return m ? `${m[1]}+${m[2]}` : undefined;
}

/** A git directory holding `commit`: $SSOT_BENCH_GIT_DIR, a local mirror, or a fresh bare clone. */
function findGitDir(corpusRoot, repo, log) {
  const key = mirrorKey(repo.url);
  const candidates = [process.env.SSOT_BENCH_GIT_DIR, key && `/work/.mirror/${key}/repo`, join(corpusRoot, `${repo.name}.git`)];
  for (const dir of candidates) {
    if (dir && existsSync(dir) && sh('git', ['--git-dir', dir, 'cat-file', '-e', `${repo.commit}^{commit}`]).status === 0) return dir;
  }
  const bare = join(corpusRoot, `${repo.name}.git`);
  log(`cloning ${repo.url} (bare, blobless) into ${bare}...`);
  rmSync(bare, { recursive: true, force: true });
  const clone = sh('git', ['clone', '--bare', '--filter=blob:none', '--quiet', repo.url, bare], { stdio: ['ignore', 'ignore', 'pipe'] });
  if (clone.status === 0 && sh('git', ['--git-dir', bare, 'cat-file', '-e', `${repo.commit}^{commit}`]).status === 0) return bare;
  return undefined;
}

/**
 * @returns {{ dir: string, note?: string } | { skipped: string }}
 */
export function ensureRepo(corpusRoot, repo, log) {
  corpusRoot = resolve(corpusRoot);
  const dir = join(corpusRoot, repo.name);
  const stampFile = join(dir, '.bench-stamp.json');
  const wanted = JSON.stringify({ commit: repo.commit, paths: repo.paths, drop: repo.dropDevDependencies });
  if (existsSync(stampFile)) {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    if (stamp.wanted === wanted) return { dir, note: stamp.note };
  }

  const gitDir = findGitDir(corpusRoot, repo, log);
  if (!gitDir) {
    return { skipped: `repository not available: git clone ${repo.url} && git checkout ${repo.commit}, then pass its path (npm run bench -- --repo <path>) or set SSOT_BENCH_GIT_DIR to its .git` };
  }
  log(`extracting ${repo.url}@${repo.commit.slice(0, 12)} into ${dir}...`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const tarball = join(corpusRoot, `${repo.name}.tar`);
  const archive = sh('git', ['--git-dir', gitDir, 'archive', '--output', tarball, repo.commit, '--', ...repo.paths]);
  if (archive.status !== 0) throw new Error(`git archive failed: ${archive.stderr}`);
  const untar = sh('tar', ['-xf', tarball, '-C', dir]);
  rmSync(tarball, { force: true });
  if (untar.status !== 0) throw new Error(`tar failed: ${untar.stderr}`);

  const note = installTypes(dir, repo, log);
  // A git root of its own, so the project's .gitignore (which ignores bench/.corpus/) does not apply.
  sh('git', ['init', '-q'], { cwd: dir });
  writeFileSync(stampFile, JSON.stringify({ wanted, note }));
  return { dir, note };
}

/** npm install of the repo's dependencies for their types; lint and release tooling left out. Never fatal. */
function installTypes(dir, repo, log) {
  const pkgFile = join(dir, 'package.json');
  if (!existsSync(pkgFile)) return 'no package.json: dependencies not installed, types degraded';
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  // The repo pins another package manager (devEngines), which would make npm refuse; scripts never run.
  delete pkg.devEngines;
  delete pkg.packageManager;
  delete pkg.scripts;
  if (repo.dropDevDependencies && pkg.devDependencies) {
    const drop = new RegExp(repo.dropDevDependencies);
    for (const name of Object.keys(pkg.devDependencies)) if (drop.test(name)) delete pkg.devDependencies[name];
  }
  writeFileSync(pkgFile, JSON.stringify(pkg, null, 2) + '\n');
  log('installing its dependencies for types (npm install --ignore-scripts)...');
  const r = sh('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--legacy-peer-deps', '--no-package-lock'], { cwd: dir });
  if (r.status !== 0) {
    log(`  npm install failed; continuing without dependency types:\n${(r.stderr || '').slice(-800)}`);
    return 'npm install failed: types of dependencies degraded';
  }
  return undefined;
}
