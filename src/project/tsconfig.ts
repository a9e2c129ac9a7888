import { existsSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import type * as TS from 'typescript';
import { UsageError } from '../core/errors.js';
import type { TypeScriptApi } from '../core/location.js';
import { ALWAYS_IGNORED_DIRS, toRelative } from './paths.js';

export interface ParsedTsconfig {
  file: string;
  options: TS.CompilerOptions;
  fileNames: Set<string>;
}

/** Diagnostics that make a tsconfig unusable (unreadable `extends`); others (no inputs, deprecations) are not ours to judge. */
const FATAL_CODES = new Set([5012, 5083, 6053, 18001]);

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

function nearestTsconfigAbove(start: string): string | undefined {
  for (let dir = path.dirname(start); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'tsconfig.json');
    if (existsSync(candidate)) return candidate;
    if (existsSync(path.join(dir, '.git'))) return undefined;
  }
  return undefined;
}

export function parseTsconfigs(ts: TypeScriptApi, files: string[], cwd: string): ParsedTsconfig[] {
  const parsed = new Map<string, ParsedTsconfig>();
  const queue = [...files];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (parsed.has(file)) continue;
    const config = parseTsconfig(ts, file, cwd);
    parsed.set(file, config.parsed);
    queue.push(...config.references);
  }
  return [...parsed.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

function parseTsconfig(ts: TypeScriptApi, file: string, cwd: string): { parsed: ParsedTsconfig; references: string[] } {
  const display = toRelative(cwd, file);
  const read = ts.readConfigFile(file, ts.sys.readFile);
  if (read.error) throw new UsageError(`invalid tsconfig ${display}: ${messageOf(ts, read.error)}`);
  const content = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(file), undefined, file);
  const fatal = content.errors.find((error) => FATAL_CODES.has(error.code));
  if (fatal) throw new UsageError(`invalid tsconfig ${display}: ${messageOf(ts, fatal)}`);
  return {
    parsed: { file, options: content.options, fileNames: new Set(content.fileNames.map((name) => path.normalize(name))) },
    references: (content.projectReferences ?? []).map((reference) => {
      const target = path.normalize(reference.path);
      return target.endsWith('.json') ? target : path.join(target, 'tsconfig.json');
    }),
  };
}

function messageOf(ts: TypeScriptApi, diagnostic: TS.Diagnostic): string {
  return ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
}
