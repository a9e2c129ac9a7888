import type * as TS from 'typescript';
import { propertyNameText } from './ast.js';
import type { Env } from './env.js';
import { isArrayLike, isLibraryType, typeArgumentsOf } from './types.js';

/**
 * A project class whose data JSON cannot see: `#private` fields (never enumerable), or only getters and
 * no own fields (getters live on the prototype). Returns the hidden member names.
 */
export function hiddenFieldsOf(env: Env, type: TS.Type): string[] {
  const { ts } = env;
  const declaration = type.getSymbol()?.declarations?.find((node) => ts.isClassDeclaration(node) || ts.isClassExpression(node));
  if (!declaration || !ts.isClassLike(declaration) || declaration.getSourceFile().isDeclarationFile) return [];
  const privates: string[] = [];
  const getters: string[] = [];
  let ownFields = 0;
  for (const member of declaration.members) {
    const isStatic = ts.canHaveModifiers(member) && ts.getModifiers(member)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
    if (isStatic) continue;
    if (ts.isPropertyDeclaration(member)) {
      if (ts.isPrivateIdentifier(member.name)) privates.push(member.name.text);
      else ownFields++;
    } else if (ts.isGetAccessorDeclaration(member)) {
      const name = propertyNameText(ts, member.name);
      if (name !== undefined && !ts.isPrivateIdentifier(member.name)) getters.push(name);
    } else if (ts.isConstructorDeclaration(member)) {
      for (const parameter of member.parameters) {
        if (ts.canHaveModifiers(parameter) && (ts.getModifiers(parameter)?.length ?? 0) > 0) ownFields++;
      }
    }
  }
  if (privates.length > 0) return privates;
  // Fields assigned in the constructor (`this.x = ...`) without declarations are not seen: require getters only
  // when the class has a heritage-free, declaration-only shape.
  if (getters.length > 0 && ownFields === 0 && !declaration.heritageClauses && !assignsThisFields(env, declaration)) return getters;
  return [];
}

function assignsThisFields(env: Env, declaration: TS.ClassLikeDeclaration): boolean {
  const { ts } = env;
  return declaration.members.some(
    (member) =>
      ts.isConstructorDeclaration(member) &&
      member.body?.statements.some(
        (statement) =>
          ts.isExpressionStatement(statement) &&
          ts.isBinaryExpression(statement.expression) &&
          ts.isPropertyAccessExpression(statement.expression.left) &&
          statement.expression.left.expression.kind === ts.SyntaxKind.ThisKeyword,
      ),
  );
}

interface Edge {
  name: string;
  target: TS.Symbol;
  many: boolean;
  required: boolean;
}

/**
 * A project type whose instances must (or very likely do) reference themselves: a required reference to its own
 * type (`next: Node` with no null: a finite graph of such values has a cycle), a parent pointer next to a list
 * of children (each child points back), two types that require each other (`a.b: B`, `b.a: A`), or, for a
 * class, two self pointers (`prev`/`next`: objects the program links). An interface or type alias with two
 * optional self references describes a tree of data (`left?`/`right?`, `inReplyTo?`/`quote?`), and a property
 * that holds one or many (`cc?: IObject | IObject[]`, JSON-LD style) is a list of children, not a parent pointer.
 */
export function selfReferenceOf(env: Env, type: TS.Type): string | undefined {
  const symbol = type.getSymbol();
  if (!symbol || isLibraryType(type) || symbol.getName().startsWith('__')) return undefined;
  const cached = env.cache.cycles.get(type);
  if (cached !== undefined) return cached ?? undefined;
  const verdict = findSelfReference(env, type, symbol);
  env.cache.cycles.set(type, verdict ?? null);
  return verdict;
}

function findSelfReference(env: Env, type: TS.Type, symbol: TS.Symbol): string | undefined {
  const edges = edgesOf(env, type);
  const self = edges.filter((edge) => edge.target === symbol);
  const ones = self.filter((edge) => !edge.many);
  const manys = self.filter((edge) => edge.many);
  const required = ones.find((edge) => edge.required);
  if (required) return required.name;
  if (ones.length > 0 && manys.length > 0) return `${ones[0]!.name} / ${manys[0]!.name}`;
  if (ones.length >= 2 && isClass(env, symbol)) return `${ones[0]!.name} / ${ones[1]!.name}`;
  for (const edge of edges) {
    if (edge.many || !edge.required || edge.target === symbol) continue;
    const declaration = edge.target.declarations?.[0];
    if (!declaration || declaration.getSourceFile().isDeclarationFile || !env.checker) continue;
    const targetType = env.checker.getDeclaredTypeOfSymbol(edge.target);
    const back = edgesOf(env, targetType).find((other) => other.target === symbol && other.required && !other.many);
    if (back) return `${edge.name}.${back.name}`;
  }
  return undefined;
}

function edgesOf(env: Env, type: TS.Type): Edge[] {
  const { ts, checker } = env;
  if (!checker) return [];
  const edges: Edge[] = [];
  const properties = checker.getPropertiesOfType(type);
  for (const property of properties.slice(0, 64)) {
    if (property.flags & (ts.SymbolFlags.Method | ts.SymbolFlags.GetAccessor)) continue;
    const declaration = property.valueDeclaration ?? property.declarations?.[0];
    if (!declaration) continue;
    let propertyType: TS.Type;
    try {
      propertyType = checker.getTypeOfSymbolAtLocation(property, declaration);
    } catch {
      continue;
    }
    const optional = (property.flags & ts.SymbolFlags.Optional) !== 0;
    const own: Edge[] = [];
    collectTargets(env, property.getName(), propertyType, !optional, false, own, 0);
    // `X | X[]` holds one or many: a list of X, never a pointer to one.
    edges.push(...own.filter((edge) => edge.many || !own.some((other) => other.many && other.target === edge.target)));
  }
  return edges;
}

function isClass(env: Env, symbol: TS.Symbol): boolean {
  return (symbol.flags & env.ts.SymbolFlags.Class) !== 0;
}

function collectTargets(env: Env, name: string, type: TS.Type, required: boolean, many: boolean, into: Edge[], depth: number): void {
  const { ts } = env;
  if (depth > 2) return;
  if (type.flags & ts.TypeFlags.Union) {
    const parts = (type as TS.UnionType).types;
    const nullable = parts.some((part) => part.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void));
    // Unions are flat (a part is never a union): no depth step, so `X | (X | string)[]` reaches X in the array.
    for (const part of parts) collectTargets(env, name, part, required && !nullable, many, into, depth);
    return;
  }
  if (!(type.flags & ts.TypeFlags.Object)) return;
  const symbol = type.getSymbol();
  if (!symbol) return;
  const symbolName = symbol.getName();
  if (isArrayLike(env, type) || symbolName === 'Set' || symbolName === 'Map' || symbolName === 'ReadonlySet' || symbolName === 'ReadonlyMap') {
    const args = typeArgumentsOf(env, type);
    const element = args[args.length - 1];
    if (element) collectTargets(env, name, element, false, true, into, depth + 1);
    return;
  }
  into.push({ name, target: symbol, many, required });
}
