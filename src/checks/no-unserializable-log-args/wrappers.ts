import type * as TS from 'typescript';
import { calleeName, elementCallbackArray, functionNameOf, isInDeclarationFileOrPackage, propertyNameText, unwrapExpression } from './ast.js';
import { candidateWrapperNames } from './candidate-names.js';
import { classifyArgument } from './classify.js';
import { placeOf, type Env } from './env.js';
import { symbolAt } from './loggers.js';
import { recognizeSink, type Sink, type SinkSlot } from './sinks.js';

/**
 * A call to a project function that forwards a parameter to a sink (directly, spread into an object, or
 * as a property) is itself a sink: `jsonLogger.error('x', fields)` -> `write(...)` -> `JSON.stringify`.
 * Resolved through the checker (across files), analyzed once per declaration and Program.
 */
export function wrapperSinkOf(env: Env, call: TS.CallExpression, name: string, depth: number): Sink | undefined {
  if (!env.checker || depth >= env.options.wrapperDepth) return undefined;
  if (!candidateWrapperNames(env).has(name)) return undefined;
  // Resolving `x.get(...)` type-checks `x` (and the callback it sits in): not for names every Map has.
  if (env.ts.isPropertyAccessExpression(unwrapExpression(env.ts, call.expression)) && COMMON_METHOD_NAMES.has(name)) return undefined;
  const fn = functionDeclarationOf(env, call.expression);
  if (!fn) return undefined;
  const cached = env.cache.wrappers.get(fn);
  if (cached !== undefined) return cached ?? undefined;
  env.cache.wrappers.set(fn, null); // recursion guard while analyzing
  const sink = analyzeWrapper(env, fn, depth) ?? null;
  env.cache.wrappers.set(fn, sink);
  return sink ?? undefined;
}

/** Methods of built-in and ubiquitous library types: a project wrapper by one of these names is not looked for. */
const COMMON_METHOD_NAMES = new Set([
  'get', 'set', 'has', 'delete', 'add', 'clear', 'keys', 'values', 'entries', 'forEach', 'map', 'filter', 'reduce',
  'find', 'some', 'every', 'push', 'pop', 'shift', 'unshift', 'splice', 'slice', 'concat', 'join', 'includes',
  'indexOf', 'sort', 'then', 'catch', 'finally', 'call', 'apply', 'bind', 'on', 'once', 'off', 'emit',
  'addEventListener', 'removeEventListener', 'dispatchEvent', 'toString', 'valueOf', 'parse', 'stringify',
  'json', 'text', 'append', 'replace', 'match', 'test', 'exec', 'query', 'execute', 'run', 'next', 'resolve',
  'reject', 'transform', 'pipe', 'subscribe', 'unsubscribe', 'update', 'create', 'findOne', 'findMany', 'findFirst',
  'findUnique', 'upsert', 'insert', 'select', 'where', 'limit', 'invoke', 'request', 'fetch', 'handle',
]);

type FunctionWithBody = TS.FunctionLikeDeclaration & { body: TS.Node };

function functionDeclarationOf(env: Env, callee: TS.Expression): FunctionWithBody | undefined {
  const { ts } = env;
  const inner = unwrapExpression(ts, callee);
  const target = ts.isPropertyAccessExpression(inner) ? inner.name : inner;
  const symbol = symbolAt(env, target);
  for (const declaration of symbol?.declarations ?? []) {
    if (isInDeclarationFileOrPackage(declaration)) continue;
    const fn = functionOf(env, declaration);
    if (fn) return fn;
  }
  return undefined;
}

function functionOf(env: Env, declaration: TS.Node): FunctionWithBody | undefined {
  const { ts } = env;
  if ((ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration)) && declaration.body) {
    return declaration as FunctionWithBody;
  }
  if (
    (ts.isVariableDeclaration(declaration) || ts.isPropertyAssignment(declaration) || ts.isPropertyDeclaration(declaration)) &&
    declaration.initializer
  ) {
    const initializer = unwrapExpression(ts, declaration.initializer);
    if (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)) return initializer as FunctionWithBody;
  }
  return undefined;
}

function analyzeWrapper(env: Env, fn: FunctionWithBody, depth: number): Sink | undefined {
  const { ts } = env;
  // A rest parameter is last: its name at its index stands for every argument from there on.
  const parameters = fn.parameters.map((parameter) => (ts.isIdentifier(parameter.name) ? parameter.name.text : ''));
  if (!parameters.some((name) => name !== '')) return undefined;

  const slots: SinkSlot[] = [];
  let inner: Sink | undefined;
  let innerCall: TS.CallExpression | undefined;
  const stack: TS.Node[] = [fn.body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (ts.isCallExpression(node)) {
      const sink = recognizeSink(env, node, depth + 1);
      if (sink) {
        const before = slots.length;
        for (const slot of sink.slots) {
          for (const [index, argument] of node.arguments.entries()) {
            if (index === slot.argumentIndex || (slot.rest && index > slot.argumentIndex)) {
              traceParameters(env, fn, parameters, argument, { ...slot, argumentIndex: index, rest: false }, slots, 0);
            }
          }
        }
        if (slots.length > before && !inner) {
          inner = sink;
          innerCall = node;
        }
      }
    }
    ts.forEachChild(node, (child) => {
      stack.push(child);
    });
  }
  if (slots.length === 0 || !inner || !innerCall) return undefined;
  const label = functionNameOf(ts, fn) ?? calleeName(ts, innerCall.expression) ?? 'a wrapper';
  const nameNode = ts.isArrowFunction(fn) || ts.isFunctionExpression(fn) ? fn.parent : fn;
  return {
    family: 'wrappers',
    label,
    declaredAt: placeOf(env, nameNode),
    serializedAt: inner.serializedAt ?? placeOf(env, innerCall),
    slots: dedupeSlots(slots).map((slot) => withCoveredKinds(env, fn, slot)),
  };
}

/** Which parameters reach `argument` of an inner sink, and where they land. */
function traceParameters(
  env: Env,
  fn: FunctionWithBody,
  parameters: string[],
  argument: TS.Expression,
  slot: SinkSlot,
  into: SinkSlot[],
  depth: number,
): void {
  const { ts } = env;
  if (depth > 4) return;
  const expression = unwrapExpression(ts, argument);
  if (ts.isIdentifier(expression)) {
    const index = parameters.indexOf(expression.text);
    if (index >= 0) {
      const isRest = fn.parameters[index]!.dotDotDotToken !== undefined;
      // The rest array itself: its elements land in an array under the same key.
      into.push(isRest ? { ...slot, argumentIndex: index, rest: true, spread: false, errorOk: false } : { ...slot, argumentIndex: index });
      return;
    }
    const rest = restElementIndex(env, fn, parameters, expression);
    if (rest !== undefined) {
      into.push({ ...slot, argumentIndex: rest, rest: true });
      return;
    }
    const local = localObjectLiteral(env, fn, expression.text);
    if (local) traceParameters(env, fn, parameters, local, slot, into, depth + 1);
    return;
  }
  if (ts.isConditionalExpression(expression)) {
    traceParameters(env, fn, parameters, expression.whenTrue, slot, into, depth + 1);
    traceParameters(env, fn, parameters, expression.whenFalse, slot, into, depth + 1);
    return;
  }
  if (!ts.isObjectLiteralExpression(expression)) return;
  for (const property of expression.properties) {
    if (ts.isSpreadAssignment(property)) {
      traceParameters(env, fn, parameters, property.expression, { ...slot, spread: true, errorOk: false }, into, depth + 1);
    } else if (ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property)) {
      const key = propertyNameText(ts, property.name);
      if (key === undefined) continue;
      const value = ts.isPropertyAssignment(property) ? property.initializer : property.name;
      const landing = slot.key ? `${slot.key}.${key}` : key;
      traceParameters(env, fn, parameters, value, { ...slot, spread: false, key: landing, errorOk: false }, into, depth + 1);
    }
  }
}

/** `a` in `args.map((a) => JSON.stringify(a))`, `args` the wrapper's rest parameter: the index of `args`. */
function restElementIndex(env: Env, fn: FunctionWithBody, parameters: string[], identifier: TS.Identifier): number | undefined {
  const { ts } = env;
  const declaration = symbolAt(env, identifier)?.valueDeclaration;
  if (!declaration || !ts.isParameter(declaration) || declaration.parent.parameters[0] !== declaration) return undefined;
  const array = elementCallbackArray(ts, declaration.parent);
  if (!array || !ts.isIdentifier(array)) return undefined;
  const index = parameters.indexOf(array.text);
  return index >= 0 && fn.parameters[index]!.dotDotDotToken !== undefined ? index : undefined;
}

/** `const entry = { ...fields }` declared in the wrapper itself. */
function localObjectLiteral(env: Env, fn: FunctionWithBody, name: string): TS.ObjectLiteralExpression | undefined {
  const { ts } = env;
  if (!ts.isBlock(fn.body)) return undefined;
  for (const statement of fn.body.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || declaration.name.text !== name || !declaration.initializer) continue;
      const initializer = unwrapExpression(ts, declaration.initializer);
      return ts.isObjectLiteralExpression(initializer) ? initializer : undefined;
    }
  }
  return undefined;
}

/**
 * What the wrapper's own parameter type already causes at its inner sink (`error: Error` put under `error`):
 * reported once inside the wrapper, where the fix belongs, not again at every call.
 */
function withCoveredKinds(env: Env, fn: FunctionWithBody, slot: SinkSlot): SinkSlot {
  const parameter = fn.parameters[slot.argumentIndex];
  if (!parameter || !env.ts.isIdentifier(parameter.name)) return slot;
  const inWrapperFile: Env = { ...env, sourceFile: fn.getSourceFile() };
  const kinds = [...new Set(classifyArgument(inWrapperFile, slot, parameter.name).map((problem) => problem.kind))].sort();
  return kinds.length > 0 ? { ...slot, coveredKinds: kinds } : slot;
}

function dedupeSlots(slots: SinkSlot[]): SinkSlot[] {
  const seen = new Set<string>();
  const unique: SinkSlot[] = [];
  for (const slot of slots) {
    const key = JSON.stringify(slot);
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(slot);
  }
  return unique;
}
