import { createRequire } from 'node:module';
import path from 'node:path';
import type * as TS from 'typescript';
import type { TypeScriptApi } from '../core/location.js';

const ownRequire = createRequire(import.meta.url);
const byCwd = new Map<string, TypeScriptApi | null>();
let parserTs: TypeScriptApi | null | undefined;
let bundled: TypeScriptApi | undefined;

function tryRequire(from: string, id: string): TypeScriptApi | null {
  try {
    return createRequire(from)(id) as TypeScriptApi;
  } catch {
    return null;
  }
}

/** The project's own `typescript`, resolved from ESLint's cwd as the user's code would resolve it. */
function projectTs(cwd: string): TypeScriptApi | null {
  let found = byCwd.get(cwd);
  if (found === undefined) byCwd.set(cwd, (found = tryRequire(path.join(cwd, 'noop.js'), 'typescript')));
  return found;
}

/** The `typescript` that typescript-eslint's parser (our dependency) loads: the one that built `parserServices.program`. */
export function typescriptOfParser(): TypeScriptApi | null {
  if (parserTs !== undefined) return parserTs;
  try {
    const estree = createRequire(ownRequire.resolve('@typescript-eslint/parser')).resolve('@typescript-eslint/typescript-estree');
    parserTs = tryRequire(estree, 'typescript');
  } catch {
    parserTs = null;
  }
  return parserTs;
}

/** ts-morph's bundled TypeScript: the last resort when the project has none (a JavaScript project). */
function bundledTs(): TypeScriptApi {
  return (bundled ??= (ownRequire('@ts-morph/common') as { ts: TypeScriptApi }).ts);
}

/** The TypeScript used to parse the current buffer and the project's files for the syntactic checks. */
export function syntacticTs(cwd: string): TypeScriptApi {
  return projectTs(cwd) ?? typescriptOfParser() ?? bundledTs();
}

/**
 * The TypeScript namespace that created `sourceFile` (a node of `parserServices.program`), or undefined when
 * none of the candidates matches: SyntaxKind numbers differ between versions, so nodes and a namespace of
 * different versions must never meet.
 */
export function typescriptOfNode(cwd: string, sourceFile: TS.SourceFile): TypeScriptApi | undefined {
  const made = (ts: TypeScriptApi | null): ts is TypeScriptApi =>
    ts !== null && sourceFile.kind === ts.SyntaxKind.SourceFile && sourceFile.endOfFileToken.kind === ts.SyntaxKind.EndOfFileToken;
  // In order, loading the next only when needed: the bundled one costs ~0.35 s to load.
  for (const candidate of [typescriptOfParser, () => projectTs(cwd), bundledTs]) {
    const ts = candidate();
    if (made(ts)) return ts;
  }
  return undefined;
}

/** Where a TypeScript namespace is loaded from: a module's path, and the member holding the namespace. */
export interface TypescriptSource {
  path: string;
  member?: string;
}

const sources = new WeakMap<TypeScriptApi, Map<string, TypescriptSource | undefined>>();

/** Where `ts` (one of the namespaces above) comes from, for another thread to load the same one. */
export function sourceOfTypescript(cwd: string, ts: TypeScriptApi): TypescriptSource | undefined {
  let byCwd = sources.get(ts);
  if (!byCwd) sources.set(ts, (byCwd = new Map()));
  if (!byCwd.has(cwd)) byCwd.set(cwd, findSourceOfTypescript(cwd, ts));
  return byCwd.get(cwd);
}

function findSourceOfTypescript(cwd: string, ts: TypeScriptApi): TypescriptSource | undefined {
  try {
    if (ts === typescriptOfParser()) {
      const estree = createRequire(ownRequire.resolve('@typescript-eslint/parser')).resolve('@typescript-eslint/typescript-estree');
      return { path: createRequire(estree).resolve('typescript') };
    }
    if (ts === projectTs(cwd)) return { path: createRequire(path.join(cwd, 'noop.js')).resolve('typescript') };
    // Only a loaded namespace can be `ts`: no need to load the bundled one to compare.
    if (bundled !== undefined && ts === bundled) return { path: ownRequire.resolve('@ts-morph/common'), member: 'ts' };
  } catch {
    // Not resolvable again: nothing to share.
  }
  return undefined;
}

export function loadTypescript(source: TypescriptSource): TypeScriptApi {
  const loaded = ownRequire(source.path) as Record<string, unknown>;
  return (source.member ? loaded[source.member] : loaded) as TypeScriptApi;
}
