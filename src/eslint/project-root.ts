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

/** The folders from `start` upwards, stopping at `ceiling` (inclusive) when `start` is inside it. */
function* ancestors(start: string, ceiling: string): Generator<string> {
  const inside = start === ceiling || start.startsWith(ceiling.endsWith(path.sep) ? ceiling : ceiling + path.sep);
  for (let dir = start; ; dir = path.dirname(dir)) {
    yield dir;
    if ((inside && dir === ceiling) || path.dirname(dir) === dir) return;
  }
}

/**
 * The project a linted file belongs to, i.e. the folder whose files form the cross-file index. Searching
 * upwards from the file, and never above ESLint's cwd for a file inside it (so that ESLint run in a folder sees
 * the project the CLI run in that folder sees):
 * 1. `settings.ssot.root` when set (relative to ESLint's cwd);
 * 2. else the folder of the nearest ssot config (`ssot.config.json` or `package.json#ssot`);
 * 3. else the nearest folder with a `package.json` or `.git` (the package, the repository);
 * 4. else ESLint's cwd (for a file outside it, the file's folder).
 */
export function findProjectRoot(file: string, cwd: string, configuredRoot: string | undefined): string {
  if (configuredRoot) return path.resolve(cwd, configuredRoot);
  const start = path.dirname(file);
  for (const dir of ancestors(start, cwd)) {
    if (existsSync(path.join(dir, CONFIG_FILE))) return dir;
    const packageJson = path.join(dir, 'package.json');
    if (existsSync(packageJson) && hasSsotKey(packageJson)) return dir;
  }
  for (const dir of ancestors(start, cwd)) {
    if (existsSync(path.join(dir, 'package.json')) || existsSync(path.join(dir, '.git'))) return dir;
  }
  const inside = !path.relative(cwd, file).startsWith('..');
  return inside ? cwd : start;
}
