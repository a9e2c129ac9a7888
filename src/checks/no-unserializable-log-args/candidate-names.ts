import type * as TS from 'typescript';
import type { Env } from './env.js';
import { addForwarders, forwardsOfFile, type FileForwards } from './forwards.js';

/** A merge of the forwards of a Program's files, and the names it gave. */
interface Merge {
  /** The Program's files, and the forwards of each (undefined: not the project's own source). */
  sourceFiles: readonly TS.SourceFile[];
  forwards: Array<FileForwards | undefined>;
  names: Set<string>;
}

/**
 * The last merge per options. The editor gets a new Program on every edit, in which only the edited file is
 * a new source file; when that file still forwards the same names, the merge over thousands of files would
 * give the same names again.
 */
const lastMerges = new Map<string, Merge>();
const MAX_MERGES = 8;

/**
 * Names of functions that may forward a parameter to a sink, over the whole Program, syntactically: a
 * function whose parameter (or a local made from one) appears in the arguments of a logged/written
 * JSON.stringify, a `%j` format call, a log-level method (`x.info`, `x.error`...), or (up to the
 * wrapper depth) a call to another candidate. Calls to anything else are never resolved through the checker.
 * The set is shared between Programs: never modify it.
 */
export function candidateWrapperNames(env: Env): ReadonlySet<string> {
  if (env.cache.wrapperNames) return env.cache.wrapperNames;
  const sourceFiles = env.program ? env.program.getSourceFiles() : [env.sourceFile];
  const key = env.cache.optionsKey;
  const last = lastMerges.get(key);
  const comparable = last !== undefined && last.sourceFiles.length === sourceFiles.length;
  let same = comparable;
  const forwards: Array<FileForwards | undefined> = [];
  for (let i = 0; i < sourceFiles.length; i++) {
    const sourceFile = sourceFiles[i]!;
    if (comparable && last.sourceFiles[i] === sourceFile) {
      forwards.push(last.forwards[i]);
      continue;
    }
    const own = isOwnSource(sourceFile) ? forwardsOfFile(env, sourceFile) : undefined;
    forwards.push(own);
    same &&= own === last?.forwards[i] || (own !== undefined && last?.forwards[i] !== undefined && sameForwards(own, last.forwards[i]!));
  }
  const names = same ? last!.names : mergeForwards(forwards, env.options.wrapperDepth);
  lastMerges.delete(key);
  if (lastMerges.size >= MAX_MERGES) lastMerges.delete(lastMerges.keys().next().value!);
  lastMerges.set(key, { sourceFiles, forwards, names });
  env.cache.wrapperNames = names;
  return names;
}

function isOwnSource(sourceFile: TS.SourceFile): boolean {
  return !sourceFile.isDeclarationFile && !sourceFile.fileName.includes('/node_modules/');
}

function mergeForwards(forwards: ReadonlyArray<FileForwards | undefined>, wrapperDepth: number): Set<string> {
  const calls = new Map<string, Set<string>>();
  const names = new Set<string>();
  for (const own of forwards) {
    if (!own) continue;
    for (const name of own.names) names.add(name);
    for (const [owner, callees] of own.calls) {
      const set = calls.get(owner);
      if (set) for (const callee of callees) set.add(callee);
      else calls.set(owner, new Set(callees));
    }
  }
  addForwarders(names, calls, wrapperDepth);
  return names;
}

/**
 * Whether two files' forwards give the same merge. Order matters (the merged calls' order decides which
 * wrappers of wrappers a limited number of rounds reaches).
 */
function sameForwards(a: FileForwards, b: FileForwards): boolean {
  if (a.optionsKey !== b.optionsKey || !sameOrderedSet(a.names, b.names) || a.calls.size !== b.calls.size) return false;
  const other = b.calls.entries();
  for (const [owner, callees] of a.calls) {
    const next = other.next().value!;
    if (next[0] !== owner || !sameOrderedSet(callees, next[1])) return false;
  }
  return true;
}

function sameOrderedSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  const other = b.values();
  for (const value of a) if (other.next().value !== value) return false;
  return true;
}
