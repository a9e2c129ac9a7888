import type * as TS from 'typescript';
import { unwrapExpression } from './ast.js';
import type { Env } from './env.js';
import { declarationOfReference } from './loggers.js';

/**
 * The value was parsed from JSON text: `JSON.parse(text)` (without a reviver), `await res.json()`, or a property
 * of one, also through `const` variables and type assertions (`(await res.json()) as Note`). Whatever its type
 * claims, it holds only JSON data, so it serializes back as it was read: never a cycle, bigint, Map or Error.
 */
export function isParsedJson(env: Env, node: TS.Expression, depth = 0): boolean {
  const { ts } = env;
  if (depth > 6) return false;
  const expression = unwrapExpression(ts, node);
  if (ts.isAwaitExpression(expression) || ts.isAsExpression(expression) || ts.isTypeAssertionExpression(expression)) {
    return isParsedJson(env, expression.expression, depth + 1);
  }
  if (ts.isPropertyAccessExpression(expression) || ts.isElementAccessExpression(expression)) {
    return isParsedJson(env, expression.expression, depth + 1);
  }
  if (ts.isCallExpression(expression)) return isJsonParsingCall(env, expression);
  if (!ts.isIdentifier(expression)) return false;
  const declaration = variableOf(env, expression);
  if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer) return false;
  const list = declaration.parent;
  if (!ts.isVariableDeclarationList(list) || !(list.flags & ts.NodeFlags.Const)) return false;
  return isParsedJson(env, declaration.initializer, depth + 1);
}

/** The declaration an identifier names; for `{ first }`, the variable `first`, not the property. */
function variableOf(env: Env, identifier: TS.Identifier): TS.Declaration | undefined {
  const { ts, checker } = env;
  const shorthand = ts.isShorthandPropertyAssignment(identifier.parent) && identifier.parent.name === identifier;
  if (!shorthand || !checker) return declarationOfReference(env, identifier);
  try {
    return checker.getShorthandAssignmentValueSymbol(identifier.parent)?.valueDeclaration;
  } catch {
    return undefined;
  }
}

/** `JSON.parse(text)` and a response body's `x.json()` (fetch, undici, ky, got: no arguments). */
function isJsonParsingCall(env: Env, call: TS.CallExpression): boolean {
  const { ts } = env;
  const callee = unwrapExpression(ts, call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const method = callee.name.text;
  if (method === 'json') return call.arguments.length === 0;
  return method === 'parse' && call.arguments.length === 1 && ts.isIdentifier(callee.expression) && callee.expression.text === 'JSON';
}
