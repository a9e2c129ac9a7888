import { existsSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import type * as TS from 'typescript';
import { UsageError, type FileDiagnostic } from '../core/errors.js';
import type { TypeScriptApi } from '../core/location.js';
import { tsconfigHost, type TsconfigHost } from './config-host.js';
import { ALWAYS_IGNORED_DIRS, toRelative } from './paths.js';
import { packageNameOf } from '../core/package-name.js';

export interface ParsedTsconfig {
  file: string;
  options: TS.CompilerOptions;
  fileNames: Set<string>;
  /** Some of its options come from a workspace package's base that is not installed (read where it would be linked). */
  readsUninstalledWorkspace: boolean;
}

/** Diagnostics of an unreadable `extends`; others (no inputs, deprecations) are not ours to judge. */
const EXTENDS_CODES = new Set([5012, 5083, 6053, 18001]);

/** tsconfig.json files below the given paths and the nearest one above each (references are followed when parsed). */
export function findTsconfigFiles(paths: string[]): string[] {
  const found = new Set<string>();
  for (const root of paths) {
    const above = nearestTsconfigAbove(root);
    if (above) found.add(above);
    for (const file of fg.sync('**/tsconfig.json', {
      cwd: root,
      absolute: true,
      followSymbolicLinks: false,
      suppressErrors: true,
      ignore: ALWAYS_IGNORED_DIRS.map((dir) => `**/${dir}/**`),
    })) {
      found.add(path.normalize(file));
    }
  }
  return [...found].sort();
}

/**
 * The tsconfig.json files that govern the given paths themselves: at a given folder, or the nearest one above. A broken
 * one of these is the user's own config error; one further down may be a test fixture's or a generated one.
 */
export function rootTsconfigs(paths: string[]): Set<string> {
  const roots = new Set<string>();
  for (const root of paths) {
    const own = path.join(root, 'tsconfig.json');
    const governing = existsSync(own) ? own : nearestTsconfigAbove(root);
    if (governing) roots.add(path.normalize(governing));
  }
  return roots;
}

function nearestTsconfigAbove(start: string): string | undefined {
  if (existsSync(path.join(start, '.git'))) return undefined;
  for (let dir = path.dirname(start); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'tsconfig.json');
    if (existsSync(candidate)) return candidate;
    if (existsSync(path.join(dir, '.git'))) return undefined;
  }
  return undefined;
}

export interface ParsedTsconfigs {
  configs: ParsedTsconfig[];
  diagnostics: FileDiagnostic[];
}

/**
 * A tsconfig.json that is not valid JSON is the user's own error (exit 2) when it governs a given path (`roots`);
 * further down (a test fixture's, `test/fixtures/bad/tsconfig.json`) it is skipped with a diagnostic, and its
 * files are analyzed as if it were not there. One whose base cannot be read is used
 * without it, with a diagnostic: a package that is not installed (a fresh clone), or a file that a tool generates
 * (`.nuxt/tsconfig.json` before `nuxt prepare`) or that a sub-project's config points at wrongly, which must not
 * stop the analysis of the rest of a monorepo. A reference to a missing project is skipped likewise.
 */
export function parseTsconfigs(ts: TypeScriptApi, files: string[], cwd: string, roots: ReadonlySet<string> = new Set(files)): ParsedTsconfigs {
  const parsed = new Map<string, ParsedTsconfig>();
  const diagnostics: FileDiagnostic[] = [];
  const uninstalled: UninstalledBase[] = [];
  const queue = [...files];
  const host = tsconfigHost(ts);
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (parsed.has(file)) continue;
    if (!existsSync(file)) {
      diagnostics.push({ file: toRelative(cwd, file), message: 'referenced project not found; skipped' });
      continue;
    }
    const config = parseTsconfig(ts, host, file, cwd, diagnostics, uninstalled, roots.has(file));
    if (!config) continue;
    parsed.set(file, config.parsed);
    queue.push(...config.references);
  }
  diagnostics.push(...uninstalledDiagnostics(uninstalled));
  return { configs: [...parsed.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)), diagnostics };
}

/** A tsconfig whose own base is a package that is not installed. */
interface UninstalledBase {
  display: string;
  bases: string[];
}

/**
 * One line per missing package rather than per tsconfig: a monorepo's forty packages extending its shared config
 * before install say one thing forty times.
 */
function uninstalledDiagnostics(uninstalled: UninstalledBase[]): FileDiagnostic[] {
  const byPackages = new Map<string, UninstalledBase[]>();
  for (const entry of uninstalled) {
    const key = [...new Set(entry.bases.map(packageNameOf))].sort().join(', ');
    byPackages.set(key, [...(byPackages.get(key) ?? []), entry]);
  }
  return [...byPackages].map(([packages, entries]) => {
    const [first, ...others] = entries.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0)) as [UninstalledBase, ...UninstalledBase[]];
    const message = `extends ${first.bases.join(', ')}, which is not installed; using its own options only`;
    const more = others.length === 1 ? '1 more tsconfig file' : `${others.length} more tsconfig files`;
    return { file: first.display, message: others.length === 0 ? message : `${message}, as do ${more} extending ${packages}` };
  });
}

function parseTsconfig(
  ts: TypeScriptApi,
  host: TsconfigHost,
  file: string,
  cwd: string,
  diagnostics: FileDiagnostic[],
  uninstalled: UninstalledBase[],
  isRoot: boolean,
): { parsed: ParsedTsconfig; references: string[] } | undefined {
  const display = toRelative(cwd, file);
  const workspaceReadsBefore = host.workspaceReads;
  const read = ts.readConfigFile(file, host.readFile);
  if (read.error) {
    if (isRoot) throw new UsageError(`invalid tsconfig ${display}: ${messageOf(ts, read.error)}`);
    diagnostics.push({ file: display, message: `invalid tsconfig (${messageOf(ts, read.error)}); skipped` });
    return undefined;
  }
  let content = ts.parseJsonConfigFileContent(read.config, host, path.dirname(file), undefined, file);
  const unreadable = content.errors.filter((error) => EXTENDS_CODES.has(error.code));
  const inBases = new Set(unreadable.flatMap((error) => (error.file && path.normalize(error.file.fileName) !== path.normalize(file) ? [path.normalize(error.file.fileName)] : [])));
  if (unreadable.length > inBases.size || unreadable.some((error) => !error.file)) {
    const bases = extendsOf(read.config);
    const missing = unreadableBases(ts, bases, path.dirname(file), unreadable);
    // `"extends": ["./base.json", "@tsconfig/node22/tsconfig.json"]`: the bases that can be read still apply.
    const kept = bases.filter((base) => !missing.includes(base));
    if (kept.length === 0 && isPackage(missing)) uninstalled.push({ display, bases: missing });
    else diagnostics.push({ file: display, message: `extends ${missing.join(', ')}, ${unreadableWhy(missing)}; using ${kept.length > 0 ? 'the rest of its options' : 'its own options only'}` });
    const { extends: _unreadable, ...own } = read.config as Record<string, unknown>;
    content = ts.parseJsonConfigFileContent(kept.length > 0 ? { ...own, extends: kept } : own, host, path.dirname(file), undefined, file);
  } else {
    // A base's own base is missing: TypeScript keeps everything else of the chain, and so do we.
    for (const base of [...inBases].sort()) {
      const errors = unreadable.filter((error) => error.file && path.normalize(error.file.fileName) === base);
      const bases = unreadableBases(ts, extendsOf(ts.readConfigFile(base, host.readFile).config), path.dirname(base), errors);
      diagnostics.push({ file: display, message: `its base ${toRelative(cwd, base)} extends ${bases.join(', ')}, ${unreadableWhy(bases)}; using the rest of its options` });
    }
  }
  return {
    parsed: {
      file,
      options: content.options,
      fileNames: new Set(content.fileNames.map((name) => path.normalize(name))),
      readsUninstalledWorkspace: host.workspaceReads > workspaceReadsBefore,
    },
    references: (content.projectReferences ?? []).map((reference) => {
      const target = path.normalize(reference.path);
      return target.endsWith('.json') ? target : path.join(target, 'tsconfig.json');
    }),
  };
}

/** The entries of an `extends` that its errors name (as written, or resolved from `folder`); all of them when none is named. */
function unreadableBases(ts: TypeScriptApi, bases: string[], folder: string, errors: TS.Diagnostic[]): string[] {
  const texts = errors.map((error) => messageOf(ts, error));
  const named = bases.filter((base) => texts.some((text) => text.includes(base) || text.includes(path.resolve(folder, base))));
  return named.length > 0 ? named : bases;
}

function extendsOf(config: unknown): string[] {
  return [(config as { extends?: string | string[] } | undefined)?.extends ?? []].flat();
}

/** Bases named by package, not by path: unreadable because not installed. */
function isPackage(bases: string[]): boolean {
  return !bases.some((base) => base.startsWith('.') || path.isAbsolute(base));
}

function unreadableWhy(bases: string[]): string {
  return isPackage(bases) ? 'which is not installed' : 'which cannot be read';
}

function messageOf(ts: TypeScriptApi, diagnostic: TS.Diagnostic): string {
  return ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
}
