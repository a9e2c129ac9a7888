import type * as TS from 'typescript';
import type { TypeScriptApi } from '../../core/location.js';
import type { Place } from './facts.js';
import type { PreparedForwards } from './forwards.js';
import type { Options } from './options.js';
import type { PinoConfig } from './pino-config.js';
import type { Sink } from './sinks.js';

/** Results that are the same for every file of one Program: computed once, shared by all extract calls. */
export interface ProgramCache {
  /** Custom sink analysis per function declaration (null: not a wrapper). */
  wrappers: WeakMap<TS.Node, Sink | null>;
  /** Names of functions that might be wrappers (a syntactic pre-filter, so most calls are never resolved). */
  wrapperNames?: ReadonlySet<string>;
  /** Logger family of a variable/property declaration created by `pino()`, `createLogger()`... */
  creations: WeakMap<TS.Node, string | null>;
  /** Self-reference verdict per project type (see shapes.ts): the edge names, or null. */
  cycles: WeakMap<object, string | null>;
  /** What every `pino(...)` call of the project configures (null: it makes none); computed on first need. */
  projectPino?: PinoConfig | null;
  /** Import bindings per file: local name -> module specifier. */
  imports: WeakMap<TS.SourceFile, Map<string, string>>;
  /** Options the cache was built with (the wrapper summaries depend on them). */
  optionsKey: string;
}

/** Everything the extractor modules share while analyzing one file. */
export interface Env {
  ts: TypeScriptApi;
  sourceFile: TS.SourceFile;
  checker: TS.TypeChecker | undefined;
  program: TS.Program | undefined;
  options: Options;
  cache: ProgramCache;
  /** The forwards of `sourceFile`, computed ahead of time by the caller (see `prepareForwards`). */
  prepared?: PreparedForwards;
  relativePath(absolutePath: string): string;
}

const programCaches = new WeakMap<object, ProgramCache>();

/**
 * `pathBase` is where relative paths start (`relativePath('/')`): cached sinks carry display paths, and one
 * Program (typescript-eslint's project service) can serve ESLint runs from different working directories.
 */
export function cacheFor(program: TS.Program | undefined, options: Options, pathBase = ''): ProgramCache {
  const optionsKey = JSON.stringify([options, pathBase]);
  const fresh = (): ProgramCache => ({
    wrappers: new WeakMap(),
    creations: new WeakMap(),
    cycles: new WeakMap(),
    imports: new WeakMap(),
    optionsKey,
  });
  if (!program) return fresh();
  const cached = programCaches.get(program);
  if (cached && cached.optionsKey === optionsKey) return cached;
  const created = fresh();
  programCaches.set(program, created);
  return created;
}

export function placeOf(env: Env, node: TS.Node): Place {
  const sourceFile = node.getSourceFile();
  const position = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
  return { file: env.relativePath(sourceFile.fileName), line: position.line + 1, column: position.character + 1 };
}
