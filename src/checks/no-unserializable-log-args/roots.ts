import type * as TS from 'typescript';
import type { TypeScriptApi } from '../../core/location.js';
import { cacheFor, type Env } from './env.js';
import { LEVEL_METHODS } from './loggers.js';
import { resolveOptions } from './options.js';
import { addForwarders, forwardsOfFile } from './forwards.js';

export interface SourceText {
  fileName: string;
  text: string;
}

/**
 * Whitespace and comments TypeScript allows between tokens. A block comment cannot run past its own `*\/`: a lazy
 * `[\s\S]*?` could, and backtracking over many comments would then take exponential time.
 */
const GAP = String.raw`(?:\s|/\*(?:[^*]|\*(?!/))*\*/|//[^\n]*\n)*`;

/**
 * Text that every file with a non-wrapper sink call contains (see `recognizeSink`): `console.`, `JSON.stringify`,
 * `util.format`/`format`, a `%j` format (or an escaped `%`), a log-level method. Unicode escapes (`\u`) could spell
 * any of these, so they count too.
 */
const MAY_SEED = String.raw`\bstringify\b|%|\\x25|\\u|\.${GAP}(?:${[...LEVEL_METHODS].join('|')})\b`;
const MAY_SINK = new RegExp(String.raw`\bconsole\b|\bformat\b|${MAY_SEED}`);
/** What `isSeedCall` needs: a JSON.stringify, a `%j` format, a log-level method. */
const MAY_HAVE_SEED = new RegExp(MAY_SEED);

/** Files whose declarations can change other files' types without being imported. */
const GLOBAL_EFFECT = new RegExp(String.raw`\b(?:global|module)${GAP}['"{\x60]`);
const ES_MODULE = /^[ \t]*(?:import[ \t]*[\w${*'"]|export\b)/m;
const DECLARATION_FILE = /\.d\.[cm]?ts$/;
const TYPESCRIPT_FILE = /\.[cm]?tsx?$/;

/**
 * The files this check can report on or take facts from: a superset of those with a sink call (direct, or to a
 * function that may forward to one: the same syntactic candidate names `candidateWrapperNames` computes, to a
 * full fixed point), those declaring a safe-log helper, and those that affect types globally (scripts, `declare
 * global`, module augmentations, declaration files). Only these need to be Program roots and be extracted; their
 * imports bring in whatever their types need.
 */
export function filesThatMayReport(ts: TypeScriptApi, files: readonly SourceText[], rawOptions: unknown, treeOf: TreeOf): FactFiles {
  const options = resolveOptions(rawOptions as Parameters<typeof resolveOptions>[0]);
  if (options.loggers.length > 0) return { files: new Set(files.map((file) => file.fileName)), matters: () => true };
  const selected = new Set<string>();
  const seedFiles: SourceText[] = [];
  const helper = helperTest(options.safeHelpers, options.safeHelperPattern);
  for (const file of files) {
    const { fileName, text } = file;
    if (MAY_SINK.test(text)) {
      selected.add(fileName);
      if (MAY_HAVE_SEED.test(text)) seedFiles.push(file);
    } else if (DECLARATION_FILE.test(fileName) || !TYPESCRIPT_FILE.test(fileName) || !ES_MODULE.test(text) || GLOBAL_EFFECT.test(text) || helper(text)) {
      selected.add(fileName);
    }
  }
  const { files: calling, mentions } = options.wrapperDepth > 0 ? filesCallingCandidates(ts, files, seedFiles, options, treeOf) : { files: [], mentions: undefined };
  for (const fileName of calling) selected.add(fileName);
  return { files: selected, matters: (text) => MAY_SINK.test(text) || (mentions?.test(text) ?? false) };
}

/** A file's syntax tree (also when it has syntax errors; parent links not needed), or undefined if it cannot be parsed. */
export type TreeOf = (file: SourceText) => TS.SourceFile | undefined;

export interface FactFiles {
  files: Set<string>;
  /**
   * Whether a file outside the given ones (imported from elsewhere) could change which calls are sinks: it has
   * a sink call, or mentions a candidate wrapper name.
   */
  matters(text: string): boolean;
}

/** Files that mention a name of a function that may forward a parameter to a serializing call. */
function filesCallingCandidates(
  ts: TypeScriptApi,
  files: readonly SourceText[],
  seedFiles: SourceText[],
  options: ReturnType<typeof resolveOptions>,
  treeOf: TreeOf,
): { files: string[]; mentions: RegExp | undefined } {
  const env: Env = { ts, sourceFile: undefined as unknown as TS.SourceFile, checker: undefined, program: undefined, options, cache: cacheFor(undefined, options), relativePath: (p) => p };
  const names = new Set<string>();
  const calls = new Map<string, Set<string>>();
  const parsed = new Set<string>();
  const add = (file: SourceText): void => {
    parsed.add(file.fileName);
    const sourceFile = treeOf(file);
    if (!sourceFile) return;
    const own = forwardsOfFile(env, sourceFile);
    for (const name of own.names) names.add(name);
    for (const [owner, callees] of own.calls) {
      const set = calls.get(owner) ?? new Set<string>();
      for (const callee of callees) set.add(callee);
      calls.set(owner, set);
    }
  };
  for (const file of seedFiles) add(file);
  let mentioning: SourceText[] = [];
  let mentions: RegExp;
  for (;;) {
    // No depth cap: a superset of the check's capped rounds.
    addForwarders(names, calls, Infinity);
    if (names.size === 0) return { files: [], mentions: undefined };
    mentions = mentionTest(names);
    mentioning = files.filter((file) => mentions.test(file.text));
    const fresh = mentioning.filter((file) => !parsed.has(file.fileName));
    if (fresh.length === 0) break;
    for (const file of fresh) add(file);
  }
  return { files: mentioning.map((file) => file.fileName), mentions };
}

function mentionTest(names: Set<string>): RegExp {
  const escaped = [...names].sort().map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(String.raw`(?<![\w$])(?:${escaped.join('|')})(?![\w$])`);
}

/** Text that may declare a safe-log helper: holds one of its names, or matches its pattern somewhere. */
function helperTest(names: string[], pattern: string): (text: string) => boolean {
  let regex: RegExp | undefined;
  try {
    regex = pattern ? new RegExp(pattern, 'i') : undefined;
  } catch {
    regex = undefined;
  }
  // Anchors, boundaries and lookarounds may match a lone name but not the same name inside a file's text.
  const textSafe = regex !== undefined && !/[\^$]|\\[bB]|\(\?<?[=!]/.test(pattern);
  const words = /[\p{L}\p{Nl}$_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}$\u200c\u200d]*/gu;
  return (text) => {
    if (names.some((name) => text.includes(name))) return true;
    if (!regex) return false;
    if (textSafe) return regex.test(text);
    for (const [word] of text.matchAll(words)) if (regex.test(word)) return true;
    return false;
  };
}
