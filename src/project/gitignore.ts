import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import ignore, { type Ignore } from 'ignore';
import { ALWAYS_IGNORED_DIRS } from './paths.js';

export const GITIGNORE = '.gitignore';

interface IgnoreFile {
  dir: string;
  rules: Ignore;
}

/**
 * The .gitignore files that apply below `root`: those inside it (found now, unless the caller's walk found
 * them) and those of its ancestors up to the repository root.
 */
export function loadGitignores(root: string, inside?: string[]): (absolute: string) => boolean {
  const files = (inside ?? gitignoresInside(root)).concat(ancestorGitignores(root));
  const ignoreFiles: IgnoreFile[] = [];
  for (const file of files.sort()) {
    try {
      ignoreFiles.push({ dir: path.dirname(file), rules: ignore().add(readFileSync(file, 'utf8')) });
    } catch {
      // An unreadable .gitignore ignores nothing.
    }
  }
  return (absolute) =>
    ignoreFiles.some(({ dir, rules }) => {
      const relative = path.relative(dir, absolute);
      return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) && rules.ignores(relative.split(path.sep).join('/'));
    });
}

function gitignoresInside(root: string): string[] {
  return fg.sync(`**/${GITIGNORE}`, {
    cwd: root,
    absolute: true,
    dot: true,
    followSymbolicLinks: false,
    suppressErrors: true,
    ignore: ALWAYS_IGNORED_DIRS.map((dir) => `**/${dir}/**`),
  });
}

function ancestorGitignores(root: string): string[] {
  const found: string[] = [];
  for (let dir = root; !existsSync(path.join(dir, '.git')) && dir !== path.dirname(dir); ) {
    dir = path.dirname(dir);
    found.push(path.join(dir, '.gitignore'));
  }
  return found.filter((file) => existsSync(file));
}
