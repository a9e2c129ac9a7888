// Locating the programs the bench compares: our CLI, jscpd's native binary, ESLint.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export function ourCli(root) {
  const cli = join(root, 'dist', 'cli.js');
  return existsSync(cli) ? cli : undefined;
}

/** Our findings in a `--format json` output file, or undefined when it is not that JSON. */
export function countOurFindings(stdoutFile) {
  try {
    const parsed = JSON.parse(readFileSync(stdoutFile, 'utf8'));
    return Array.isArray(parsed.findings) ? parsed.findings.length : undefined;
  } catch {
    return undefined;
  }
}

function jscpdBinaryFrom(baseDir) {
  const require = createRequire(join(baseDir, 'noop.js'));
  let jscpdPkg;
  try {
    jscpdPkg = require.resolve('jscpd/package.json');
  } catch {
    return undefined;
  }
  // jscpd's npm package is a launcher; its platform package holds the Rust binary. We run the binary
  // directly so the launcher's extra node process adds neither time nor memory to jscpd's numbers.
  const jscpdRequire = createRequire(jscpdPkg);
  const { getPlatformKey, PLATFORM_MAP } = jscpdRequire('./platform-map.js');
  const entry = PLATFORM_MAP[getPlatformKey()];
  if (!entry) return undefined;
  try {
    const platformPkg = jscpdRequire.resolve(`${entry.packageName}/package.json`);
    const binary = join(dirname(platformPkg), 'bin', process.platform === 'win32' ? 'jscpd.exe' : 'jscpd');
    const version = JSON.parse(readFileSync(jscpdPkg, 'utf8')).version;
    return existsSync(binary) ? { binary, version } : undefined;
  } catch {
    return undefined;
  }
}

/** jscpd from the project's devDependencies, else from bench/.corpus/tools (installed there on first use). */
export function findJscpd(root, toolsDir, version, log) {
  const fromProject = jscpdBinaryFrom(root);
  if (fromProject && fromProject.version.startsWith('5.')) return fromProject;
  let local = jscpdBinaryFrom(toolsDir);
  if (local && local.version === version) return local;
  log(`installing jscpd@${version} into ${toolsDir}...`);
  mkdirSync(toolsDir, { recursive: true });
  const pkgFile = join(toolsDir, 'package.json');
  if (!existsSync(pkgFile)) writeFileSync(pkgFile, JSON.stringify({ name: 'ssot-bench-tools', private: true }) + '\n');
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', `jscpd@${version}`], { cwd: toolsDir, encoding: 'utf8' });
  if (r.status !== 0) log(`  npm install jscpd@${version} failed: ${(r.stderr || '').slice(-500)}`);
  local = jscpdBinaryFrom(toolsDir);
  return local;
}

export function eslintBin(root) {
  const bin = join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');
  return existsSync(bin) ? bin : undefined;
}
