import { lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import ignore from 'ignore';
import { UsageError } from '../core/errors.js';
import { GITIGNORE, loadGitignores } from './gitignore.js';
import { ALWAYS_IGNORED_DIRS, SOURCE_EXTENSIONS, isAnalyzableName, toRelative } from './paths.js';

/** A hidden file or folder on the path (as fast-glob's `dot: false` would skip it). */
const DOT_SEGMENT = /(?:^|\/)\./;

export interface DiscoverOptions {
  cwd: string;
  paths: string[];
  /** Gitignore-style patterns relative to `ignoreBase`. */
  ignore: string[];
  ignoreBase: string;
}

/** The source files to analyze: absolute, deduplicated, sorted. */
export function discoverFiles(options: DiscoverOptions): string[] {
  const configIgnore = ignore().add(options.ignore);
  const isConfigIgnored = (absolute: string): boolean => {
    const relative = toRelative(options.ignoreBase, absolute);
    return !relative.startsWith('../') && relative !== '' && configIgnore.ignores(relative);
  };
  /** Each file found, with its real path when the walk tells it without a system call. */
  const found = new Map<string, string | undefined>();
  for (const given of options.paths) {
    const absolute = path.resolve(options.cwd, given);
    const stats = statOrUndefined(absolute);
    if (!stats) throw new UsageError(`no such file or directory: ${given}`);
    if (stats.isFile()) {
      // Named explicitly: analyzed unless the config ignores it.
      if (isAnalyzableName(absolute) && !isConfigIgnored(absolute)) found.set(absolute, undefined);
      continue;
    }
    // One walk finds the sources and the .gitignore files (dot entries are walked for the latter only).
    const entries = walk(absolute, [`**/*.{${SOURCE_EXTENSIONS.join(',')}}`, `**/${GITIGNORE}`]);
    // The walk does not enter linked folders, so below the real root only a linked file has another real path.
    const realRoot = realpathOrUndefined(absolute);
    const gitignores: string[] = [];
    const sources: Array<{ file: string; real: string | undefined }> = [];
    const addSource = (entry: string, dirent: { isSymbolicLink(): boolean }): void => {
      const real = realRoot !== undefined && !dirent.isSymbolicLink() ? path.join(realRoot, entry) : undefined;
      sources.push({ file: path.join(absolute, entry), real });
    };
    for (const { path: entry, dirent } of entries) {
      if (dirent.isDirectory()) continue;
      if (entry === GITIGNORE || entry.endsWith(`/${GITIGNORE}`)) gitignores.push(path.join(absolute, entry));
      else if (!DOT_SEGMENT.test(entry)) addSource(entry, dirent);
    }
    // A project that keeps its own code in a node_modules folder re-includes it in .gitignore (node-red's
    // `!packages/node_modules`): walk it too; the .gitignore rules below still decide file by file.
    for (const folder of reincludedNodeModules(gitignores, absolute)) {
      const prefix = toRelative(absolute, folder);
      for (const { path: entry, dirent } of walk(folder, [`**/*.{${SOURCE_EXTENSIONS.join(',')}}`])) {
        if (!dirent.isDirectory() && !DOT_SEGMENT.test(entry)) addSource(`${prefix}/${entry}`, dirent);
      }
    }
    const isGitignored = loadGitignores(absolute, gitignores);
    for (const { file, real } of sources) {
      if (isAnalyzableName(file) && !isGitignored(file) && !isConfigIgnored(file)) found.set(file, found.get(file) ?? real);
    }
  }
  return withoutAliases(found);
}

function walk(cwd: string, patterns: string[]) {
  return fg.sync(patterns, {
    cwd,
    dot: true,
    followSymbolicLinks: false,
    suppressErrors: true,
    // Not onlyFiles: that stats every entry and silently drops symlink loops, which must be reported.
    onlyFiles: false,
    objectMode: true,
    ignore: ALWAYS_IGNORED_DIRS.map((dir) => `**/${dir}/**`),
  });
}

/** Folders named node_modules that a .gitignore below `root` re-includes by path (`!packages/node_modules`). */
function reincludedNodeModules(gitignores: string[], root: string): string[] {
  const folders = new Set<string>();
  for (const file of gitignores) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split(/\r?\n/)) {
      const match = /^!\/?([^*?[\]!#]+?)\/?\s*$/.exec(line);
      if (!match || path.posix.basename(match[1]!) !== 'node_modules') continue;
      const folder = path.join(path.dirname(file), match[1]!);
      const relative = path.relative(root, folder);
      if (relative.startsWith('..') || path.isAbsolute(relative) || !statOrUndefined(folder)?.isDirectory()) continue;
      folders.add(folder);
    }
  }
  return [...folders].sort();
}

/** A symlink to a file that is also analyzed under its own name would report the file as its own copy. */
function withoutAliases(found: Map<string, string | undefined>): string[] {
  const seen = new Set<string>();
  return [...found.keys()].sort().filter((file) => {
    // Loops and dangling links stay, to be reported when read.
    const real = found.get(file) ?? realpathOrUndefined(file) ?? file;
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  });
}

/** The native call: one syscall, where the JavaScript one lstats every component of the path. */
function realpathOrUndefined(file: string): string | undefined {
  try {
    return realpathSync.native(file);
  } catch {
    return undefined;
  }
}

function statOrUndefined(file: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(file);
  } catch {
    // A dangling or looping symlink named on the command line is still "there" for lstat.
    try {
      return lstatSync(file);
    } catch {
      return undefined;
    }
  }
}
