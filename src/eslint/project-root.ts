import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const CONFIG_FILE = 'ssot.config.json';

function hasSsotKey(packageJson: string): boolean {
  try {
    const parsed = JSON.parse(readFileSync(packageJson, 'utf8')) as Record<string, unknown> | null;
    return parsed !== null && typeof parsed === 'object' && 'ssot' in parsed;
  } catch {
    return false;
  }
}

function* ancestors(start: string): Generator<string> {
  for (let dir = start; ; dir = path.dirname(dir)) {
    yield dir;
    if (path.dirname(dir) === dir) return;
  }
}

/**
 * The project a linted file belongs to, i.e. the folder whose files form the cross-file index:
 * 1. `settings.ssot.root` when set (relative to ESLint's cwd);
 * 2. else the folder of the nearest ssot config above the file (`ssot.config.json` or `package.json#ssot`),
 *    the same config the CLI would use when run from there;
 * 3. else the nearest folder above the file with a `package.json` or `.git` (the package);
 * 4. else ESLint's cwd.
 */
export function findProjectRoot(file: string, cwd: string, configuredRoot: string | undefined): string {
  if (configuredRoot) return path.resolve(cwd, configuredRoot);
  const start = path.dirname(file);
  for (const dir of ancestors(start)) {
    if (existsSync(path.join(dir, CONFIG_FILE))) return dir;
    const packageJson = path.join(dir, 'package.json');
    if (existsSync(packageJson) && hasSsotKey(packageJson)) return dir;
  }
  for (const dir of ancestors(start)) {
    if (existsSync(path.join(dir, 'package.json')) || existsSync(path.join(dir, '.git'))) return dir;
  }
  return cwd;
}
