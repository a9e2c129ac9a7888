import type * as TS from 'typescript';
import type { TypeScriptApi } from '../../core/location.js';
import type { ValueRef } from './facts.js';

/** Strips parentheses, type assertions, `!` and `await`: they never change which type a message has. */
export function unwrap(ts: TypeScriptApi, node: TS.Expression): TS.Expression {
  const wrappers = wrapperKindsOf(ts);
  let current = node;
  while (wrappers[current.kind] === 1) current = (current as TS.ParenthesizedExpression).expression;
  return current;
}

// Kind tables per TypeScript namespace (kind numbers differ between versions); the last one used is kept at hand.
let wrapperKindsTs: TypeScriptApi | undefined;
let wrapperKinds = new Uint8Array(0);

function wrapperKindsOf(ts: TypeScriptApi): Uint8Array {
  if (ts === wrapperKindsTs) return wrapperKinds;
  const K = ts.SyntaxKind;
  const kinds = [K.ParenthesizedExpression, K.AsExpression, K.NonNullExpression, K.AwaitExpression, K.TypeAssertionExpression, K.SatisfiesExpression].filter(
    (kind): kind is TS.SyntaxKind => kind !== undefined,
  );
  wrapperKinds = new Uint8Array(Math.max(...Object.values(K).filter((value): value is number => typeof value === 'number')) + 1);
  for (const kind of kinds) wrapperKinds[kind] = 1;
  wrapperKindsTs = ts;
  return wrapperKinds;
}

/** A property name written without computation: `a`, `'a'`, `0`. */
export function staticPropertyName(ts: TypeScriptApi, name: TS.PropertyName | TS.MemberName | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (ts.isPrivateIdentifier(name)) return undefined;
  return undefined;
}

export function sameValueRef(a: ValueRef, b: ValueRef): boolean {
  if (a.kind === 'literal') return b.kind === 'literal' && a.value === b.value;
  if (a.kind === 'member') return b.kind === 'member' && a.ns === b.ns && a.member === b.member;
  if (a.kind === 'concat') return b.kind === 'concat' && a.parts.length === b.parts.length && a.parts.every((part, i) => sameValueRef(part, b.parts[i]!));
  return b.kind === 'const' && a.name === b.name;
}

/** A message type written as a literal, `Ns.member`, `Ns['member']` or a bare name. */
export function valueRefOf(ts: TypeScriptApi, expression: TS.Expression): ValueRef | undefined {
  const node = unwrap(ts, expression);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { kind: 'literal', value: node.text };
  if (ts.isNumericLiteral(node)) return { kind: 'literal', value: Number(node.text) };
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand)) {
    return { kind: 'literal', value: -Number(node.operand.text) };
  }
  if (ts.isIdentifier(node)) {
    return node.text === 'undefined' ? undefined : { kind: 'const', name: node.text };
  }
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && ts.isIdentifier(node.name)) {
    return { kind: 'member', ns: node.expression.text, member: node.name.text };
  }
  if (ts.isElementAccessExpression(node) && ts.isIdentifier(node.expression) && ts.isStringLiteral(node.argumentExpression)) {
    return { kind: 'member', ns: node.expression.text, member: node.argumentExpression.text };
  }
  // `prefix + 'running'` (a string literal makes it a concatenation, not a sum) and `${prefix}running`.
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const parts = [valueRefOf(ts, node.left), valueRefOf(ts, node.right)];
    const flat = parts.flatMap((part) => (part?.kind === 'concat' ? part.parts : [part]));
    if (flat.some((part) => part === undefined) || !flat.some((part) => part!.kind === 'literal' && typeof part!.value === 'string')) return undefined;
    return { kind: 'concat', parts: flat as ValueRef[] };
  }
  if (ts.isTemplateExpression(node)) {
    const parts: ValueRef[] = node.head.text ? [{ kind: 'literal', value: node.head.text }] : [];
    for (const span of node.templateSpans) {
      const part = valueRefOf(ts, span.expression);
      if (!part) return undefined;
      parts.push(...(part.kind === 'concat' ? part.parts : [part]));
      if (span.literal.text) parts.push({ kind: 'literal', value: span.literal.text });
    }
    return { kind: 'concat', parts };
  }
  return undefined;
}

/** The last name of a receiver or callee: `socket` for `this.socket`, `to` for `io.to(room)`. */
export function lastName(ts: TypeScriptApi, expression: TS.Expression): string | undefined {
  const node = unwrap(ts, expression);
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return ts.isIdentifier(node.name) ? node.name.text : undefined;
  if (node.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  if (ts.isCallExpression(node)) return lastName(ts, node.expression);
  return undefined;
}

/** Source text without whitespace, used to tell receivers apart within one file. */
export function compactText(node: TS.Node, sourceFile: TS.SourceFile): string {
  return node.getText(sourceFile).replace(/\s+/g, '');
}

export function isFunctionLike(ts: TypeScriptApi, node: TS.Node): node is TS.ArrowFunction | TS.FunctionExpression {
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node);
}

/** A value that can be a handler: a function, a reference to one, or a bound method. */
export function isHandlerValue(ts: TypeScriptApi, expression: TS.Expression): boolean {
  const node = unwrap(ts, expression);
  if (isFunctionLike(ts, node)) return true;
  if (ts.isIdentifier(node)) return /^[a-z_$]/.test(node.text) && node.text !== 'undefined';
  if (ts.isPropertyAccessExpression(node)) return /^[a-z_$#]/.test(node.name.text);
  if (ts.isCallExpression(node)) {
    const callee = node.expression;
    return ts.isPropertyAccessExpression(callee) && callee.name.text === 'bind';
  }
  return false;
}

/** A string, number or boolean written out: data, never a handler. */
export function isPlainData(ts: TypeScriptApi, expression: TS.Expression): boolean {
  const node = unwrap(ts, expression);
  const kind = node.kind;
  return (
    ts.isStringLiteralLike(node) ||
    ts.isTemplateExpression(node) ||
    kind === ts.SyntaxKind.NumericLiteral ||
    kind === ts.SyntaxKind.TrueKeyword ||
    kind === ts.SyntaxKind.FalseKeyword
  );
}

export function hasModifier(ts: TypeScriptApi, node: TS.Node, kind: TS.ModifierSyntaxKind): boolean {
  const modifiers = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
  return modifiers?.some((modifier) => modifier.kind === kind) ?? false;
}

export function hasExportModifier(ts: TypeScriptApi, node: TS.Node): boolean {
  return hasModifier(ts, node, ts.SyntaxKind.ExportKeyword);
}
