import type * as TS from 'typescript';
import { isDefaultLibDeclaration, packageOfDeclaration } from './ast.js';
import type { Env } from './env.js';

/** Well-known runtime types whose instances reference themselves (JSON.stringify throws on them). */
const CYCLIC_TYPES: Record<string, readonly string[]> = {
  http: ['IncomingMessage', 'ServerResponse', 'ClientRequest', 'OutgoingMessage', 'Server', 'Agent'],
  https: ['Server', 'Agent'],
  http2: ['Http2ServerRequest', 'Http2ServerResponse', 'Http2Session', 'Http2Stream', 'ServerHttp2Stream'],
  net: ['Socket', 'Server'],
  tls: ['TLSSocket', 'Server'],
  ws: ['WebSocket', 'Server', 'WebSocketServer'],
  'socket.io': ['Socket', 'Server', 'Namespace'],
};

const COLLECTIONS = new Set(['Map', 'Set', 'WeakMap', 'WeakSet', 'ReadonlyMap', 'ReadonlySet']);

export interface NamedAncestor {
  name: string;
  /** `lib` for TypeScript's default library, a package/module name, or undefined for project code. */
  origin: string | undefined;
}

function originOf(env: Env, declaration: TS.Node): string | undefined {
  if (isDefaultLibDeclaration(declaration)) return 'lib';
  const module = packageOfDeclaration(env.ts, declaration);
  return module?.replace(/^node:/, '');
}

/** The type and its base classes/interfaces (breadth-first, bounded), with names and origins. */
export function ancestorsOf(env: Env, type: TS.Type): NamedAncestor[] {
  const { ts, checker } = env;
  const result: NamedAncestor[] = [];
  if (!checker) return result;
  const queue: TS.Type[] = [type];
  const seen = new Set<TS.Type>();
  while (queue.length > 0 && seen.size < 16) {
    const current = queue.shift()!;
    if (seen.has(current)) continue;
    seen.add(current);
    const symbol = current.getSymbol();
    const declaration = symbol?.declarations?.[0];
    if (symbol && declaration) result.push({ name: symbol.getName(), origin: originOf(env, declaration) });
    let target: TS.Type = current;
    if (getObjectFlags(env, current) & ts.ObjectFlags.Reference) target = (current as TS.TypeReference).target ?? current;
    if (getObjectFlags(env, target) & (ts.ObjectFlags.Class | ts.ObjectFlags.Interface)) {
      try {
        for (const base of checker.getBaseTypes(target as TS.InterfaceType)) queue.push(base);
      } catch {
        // Unresolvable heritage: stop here.
      }
    }
    if (current.flags & ts.TypeFlags.Intersection) {
      for (const part of (current as TS.IntersectionType).types) queue.push(part);
    }
  }
  return result;
}

export function getObjectFlags(env: Env, type: TS.Type): number {
  return type.flags & env.ts.TypeFlags.Object ? (type as TS.ObjectType).objectFlags : 0;
}

export function isErrorType(ancestors: NamedAncestor[]): boolean {
  return ancestors.some((ancestor) => ancestor.name === 'Error' && ancestor.origin === 'lib');
}

export function collectionName(ancestors: NamedAncestor[]): string | undefined {
  const first = ancestors[0];
  return first && first.origin === 'lib' && COLLECTIONS.has(first.name) ? first.name : undefined;
}

/** `http.IncomingMessage`, `net.Socket`, `ws.WebSocket`, a DOM node...; undefined when not a known cyclic type. */
export function wellKnownCyclicName(ancestors: NamedAncestor[]): string | undefined {
  for (const ancestor of ancestors) {
    if (ancestor.origin === 'lib' && (ancestor.name === 'Node' || ancestor.name === 'Window')) return `a DOM ${ancestor.name}`;
    const names = ancestor.origin ? CYCLIC_TYPES[ancestor.origin] : undefined;
    if (names?.includes(ancestor.name)) return `${ancestor.origin}.${ancestor.name}`;
  }
  return undefined;
}

export function isArrayLike(env: Env, type: TS.Type): boolean {
  const symbol = type.getSymbol();
  const name = symbol?.getName();
  if ((name === 'Array' || name === 'ReadonlyArray') && symbol?.declarations?.some(isDefaultLibDeclaration)) return true;
  const target = getObjectFlags(env, type) & env.ts.ObjectFlags.Reference ? (type as TS.TypeReference).target : undefined;
  return target !== undefined && (getObjectFlags(env, target) & env.ts.ObjectFlags.Tuple) !== 0;
}

export function typeArgumentsOf(env: Env, type: TS.Type): readonly TS.Type[] {
  if (!env.checker || !(getObjectFlags(env, type) & env.ts.ObjectFlags.Reference)) return [];
  try {
    return env.checker.getTypeArguments(type as TS.TypeReference);
  } catch {
    return [];
  }
}

/** Declared only in a .d.ts / node_modules / the default library: not looked into. */
export function isLibraryType(type: TS.Type): boolean {
  const declarations = type.getSymbol()?.declarations;
  if (!declarations || declarations.length === 0) return false;
  return declarations.every((declaration) => {
    const sourceFile = declaration.getSourceFile();
    return sourceFile.isDeclarationFile || sourceFile.fileName.includes('/node_modules/');
  });
}

/** Name of the enum a numeric enum type or member belongs to. */
export function enumNameOf(env: Env, type: TS.Type): string | undefined {
  const { ts } = env;
  const declaration = type.getSymbol()?.valueDeclaration ?? type.getSymbol()?.declarations?.[0];
  if (!declaration) return undefined;
  if (ts.isEnumMember(declaration)) return declaration.parent.name.text;
  if (ts.isEnumDeclaration(declaration)) return declaration.name.text;
  return undefined;
}

/** A symbol's name as its declaration spells it: `Conference` for `export default class Conference`, not `default`. */
export function sourceNameOf(env: Env, symbol: TS.Symbol): string | undefined {
  const name = symbol.getName();
  if (name !== 'default' && name !== 'export=') return name;
  for (const declaration of symbol.declarations ?? []) {
    const declared = (declaration as TS.NamedDeclaration).name;
    if (declared && env.ts.isIdentifier(declared)) return declared.text;
  }
  return undefined;
}
