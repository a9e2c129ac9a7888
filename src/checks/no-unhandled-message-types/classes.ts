import type * as TS from 'typescript';
import type { TypeScriptApi } from '../../core/location.js';
import type { ClassFact } from './facts.js';
import { isFunctionLike, lastName, staticPropertyName, unwrap } from './syntax.js';

/** The class whose `this` a node sees: the innermost class around it, unless a `function` (own `this`) comes first. */
export function enclosingClass(ts: TypeScriptApi, ancestors: readonly TS.Node[]): TS.ClassLikeDeclaration | undefined {
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const ancestor = ancestors[i]!;
    if (ts.isClassDeclaration(ancestor) || ts.isClassExpression(ancestor)) return ancestor;
    if (ts.isFunctionExpression(ancestor) || ts.isFunctionDeclaration(ancestor)) return undefined;
  }
  return undefined;
}

export function className(node: TS.ClassLikeDeclaration): string {
  return node.name?.text ?? 'class';
}

/** A method with a body (or a field given a function) the class declares itself: not an abstract one, nor `post = postToHost`. */
function implementsMethod(ts: TypeScriptApi, member: TS.ClassElement): boolean {
  if (ts.isMethodDeclaration(member)) return member.body !== undefined;
  return ts.isPropertyDeclaration(member) && member.initializer !== undefined && isFunctionLike(ts, unwrap(ts, member.initializer));
}

/** The methods each class implements, computed once per class: `this.m()` calls ask for every call. */
const implemented = new WeakMap<TS.ClassLikeDeclaration, Set<string>>();

function implementedMethods(ts: TypeScriptApi, owner: TS.ClassLikeDeclaration): Set<string> {
  let methods = implemented.get(owner);
  if (methods) return methods;
  methods = new Set<string>();
  for (const member of owner.members) {
    const name = implementsMethod(ts, member) ? staticPropertyName(ts, member.name) : undefined;
    if (name !== undefined) methods.add(name);
  }
  implemented.set(owner, methods);
  return methods;
}

export function declaresMethod(ts: TypeScriptApi, owner: TS.ClassLikeDeclaration, name: string): boolean {
  return implementedMethods(ts, owner).has(name);
}

/** `extends TypedEventEmitter<E>` as a name, the methods it declares, whether one is its own `emit` (then it may send). */
export function classFactOf(ts: TypeScriptApi, node: TS.ClassLikeDeclaration): ClassFact {
  const methods = implementedMethods(ts, node);
  const fact: ClassFact = { name: className(node), methods: [...methods].sort() };
  for (const clause of node.heritageClauses ?? []) {
    if (clause.token !== ts.SyntaxKind.ExtendsKeyword || !clause.types[0]) continue;
    const base = lastName(ts, clause.types[0].expression);
    if (base) fact.extends = base;
  }
  if (methods.has('emit')) fact.emits = true;
  return fact;
}

/**
 * The class name a declared type names: `MatrixClient` for `client: MatrixClient`, `Room | undefined`, or
 * `new Room(...)`. Undefined for anything else (a union of classes, a literal type, an inferred value).
 */
export function typeNameOf(ts: TypeScriptApi, type: TS.TypeNode | undefined, initializer?: TS.Expression): string | undefined {
  if (type) {
    const parts = ts.isUnionTypeNode(type)
      ? type.types.filter((part) => part.kind !== ts.SyntaxKind.UndefinedKeyword && !(ts.isLiteralTypeNode(part) && part.literal.kind === ts.SyntaxKind.NullKeyword))
      : [type];
    const [only] = parts;
    if (parts.length !== 1 || !only || !ts.isTypeReferenceNode(only)) return undefined;
    return ts.isIdentifier(only.typeName) ? only.typeName.text : only.typeName.right.text;
  }
  const init = initializer && unwrap(ts, initializer);
  return init && ts.isNewExpression(init) ? lastName(ts, init.expression) : undefined;
}

/** The declared class of `this.name`: a field or a constructor's parameter property of the class. */
export function fieldTypeOf(ts: TypeScriptApi, owner: TS.ClassLikeDeclaration, name: string): string | undefined {
  for (const member of owner.members) {
    if (ts.isPropertyDeclaration(member) && member.name && staticPropertyName(ts, member.name) === name) return typeNameOf(ts, member.type, member.initializer);
    if (!ts.isConstructorDeclaration(member)) continue;
    for (const parameter of member.parameters) {
      const property = ts.canHaveModifiers(parameter) && (ts.getModifiers(parameter)?.length ?? 0) > 0;
      if (property && ts.isIdentifier(parameter.name) && parameter.name.text === name) return typeNameOf(ts, parameter.type);
    }
  }
  return undefined;
}
