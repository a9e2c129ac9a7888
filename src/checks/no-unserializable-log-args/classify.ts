import type * as TS from 'typescript';
import { propertyNameText, shortText, unwrapExpression } from './ast.js';
import type { Env } from './env.js';
import { isParsedJson } from './json-data.js';
import type { ProblemKind } from './facts.js';
import { ANY_KEY } from './options.js';
import { serializers, type SerializerBehavior } from './serializers.js';
import { hiddenFieldsOf, selfReferenceOf } from './shapes.js';
import type { SinkSlot } from './sinks.js';
import {
  ancestorsOf,
  collectionName,
  enumNameOf,
  isArrayLike,
  isErrorType,
  isLibraryType,
  sourceNameOf,
  typeArgumentsOf,
  wellKnownCyclicName,
} from './types.js';

/** A problem found in one logged argument, before it is tied to its sink and call. */
export interface ValueProblem {
  kind: ProblemKind;
  path: string;
  detail: string;
  key: string;
  catchVariable: boolean;
  node: TS.Node;
  /** Source text that evaluates to the value (`stats.level`), for `Enum[...]` suggestions. */
  text: string;
  /** `node` is the value itself (not an argument the value was found inside of). */
  exact: boolean;
  /** Other paths inside the same written value with a problem of the same kind: one finding names the first. */
  morePaths: number;
}

interface Walk {
  env: Env;
  slot: SinkSlot;
  serializer: SerializerBehavior;
  problems: ValueProblem[];
  seen: Set<string>;
  /** Types on the current path (a type reaching itself stops the walk there). */
  active: Set<TS.Type>;
  budget: number;
}

/** Where in the logged entry a value sits, and how it got there. */
interface At {
  key: string;
  path: string;
  /** The value is the whole argument of a slot that serializes an Error itself (pino `info(err)`). */
  errorOk: boolean;
  /** The value is spread (`{ ...x }`): an Error's message and stack are not enumerable and vanish. */
  spread: boolean;
  depth: number;
  node: TS.Node;
  text: string;
}

export function classifyArgument(env: Env, slot: SinkSlot, argument: TS.Expression): ValueProblem[] {
  const walk: Walk = {
    env,
    slot,
    serializer: serializers[slot.serializer],
    problems: [],
    seen: new Set(),
    active: new Set(),
    budget: 400,
  };
  const expression = unwrapExpression(env.ts, argument);
  const path = env.ts.isObjectLiteralExpression(expression) ? '' : shortText(env.sourceFile, expression);
  classifyExpression(walk, expression, {
    key: slot.key,
    path,
    errorOk: slot.errorOk,
    spread: slot.spread && !slot.errorOk,
    depth: 0,
    node: expression,
    text: shortText(env.sourceFile, expression),
  });
  return onePerValueAndKind(walk.problems);
}

/** A value whose type holds the same problem at many paths (`note.cc`, `note.to`, ...) gives one finding, naming the first. */
function onePerValueAndKind(problems: ValueProblem[]): ValueProblem[] {
  const firsts = new Map<string, ValueProblem>();
  const kept: ValueProblem[] = [];
  for (const problem of problems) {
    const key = `${problem.kind}\0${problem.node.pos}:${problem.node.end}`;
    const first = firsts.get(key);
    if (first) {
      first.morePaths++;
      continue;
    }
    firsts.set(key, problem);
    kept.push(problem);
  }
  return kept;
}

function join(prefix: string, name: string): string {
  return prefix ? `${prefix}.${name}` : name;
}

function report(walk: Walk, at: At, kind: ProblemKind, detail: string, catchVariable = false): void {
  const id = `${kind}\0${at.path}`;
  if (walk.seen.has(id)) return;
  walk.seen.add(id);
  walk.problems.push({ kind, path: at.path, detail, key: at.key, catchVariable, node: at.node, text: at.text, exact: at.text === shortText(walk.env.sourceFile, at.node), morePaths: 0 });
}

function classifyExpression(walk: Walk, node: TS.Expression, at: At): void {
  const { ts } = walk.env;
  if (walk.budget-- <= 0) return;
  const expression = unwrapExpression(ts, node);
  if (ts.isObjectLiteralExpression(expression)) {
    if (at.depth > walk.env.options.maxDepth + 1) return;
    for (const property of expression.properties) {
      if (ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property)) {
        const name = propertyNameText(ts, property.name);
        if (name === undefined) continue;
        const value = ts.isPropertyAssignment(property) ? property.initializer : property.name;
        classifyExpression(walk, value, {
          key: join(at.key, name),
          path: join(at.path, name),
          errorOk: false,
          spread: false,
          depth: at.depth + 1,
          node: value,
          text: shortText(walk.env.sourceFile, value),
        });
      } else if (ts.isSpreadAssignment(property)) {
        const inner = unwrapExpression(ts, property.expression);
        classifyExpression(walk, inner, {
          key: at.key,
          path: join(at.path, shortText(walk.env.sourceFile, inner)),
          errorOk: false,
          spread: true,
          depth: at.depth + 1,
          node: inner,
          text: shortText(walk.env.sourceFile, inner),
        });
      }
    }
    return;
  }
  if (ts.isArrayLiteralExpression(expression)) {
    if (at.depth > walk.env.options.maxDepth + 1) return;
    expression.elements.forEach((element, index) => {
      if (ts.isSpreadElement(element)) {
        classifyExpression(walk, element.expression, { ...at, path: `${at.path}[]`, errorOk: false, spread: false, depth: at.depth + 1, node: element, text: shortText(walk.env.sourceFile, element.expression) });
      } else {
        classifyExpression(walk, element, { ...at, path: `${at.path}[${index}]`, errorOk: false, spread: false, depth: at.depth + 1, node: element, text: shortText(walk.env.sourceFile, element) });
      }
    });
    return;
  }
  if (ts.isConditionalExpression(expression)) {
    classifyExpression(walk, expression.whenTrue, { ...at, node: expression.whenTrue, text: shortText(walk.env.sourceFile, expression.whenTrue) });
    classifyExpression(walk, expression.whenFalse, { ...at, node: expression.whenFalse, text: shortText(walk.env.sourceFile, expression.whenFalse) });
    return;
  }
  if (ts.isArrowFunction(expression) || ts.isFunctionExpression(expression)) {
    report(walk, at, 'function', 'a function');
    return;
  }
  const caught = ts.isIdentifier(expression) ? caughtValueKind(walk.env, expression) : undefined;
  if (caught) {
    classifyError(walk, at, true, caught);
    return;
  }
  // Parsed JSON holds JSON data only, whatever its declared type says: it serializes back as it was read.
  if (isParsedJson(walk.env, expression)) return;
  const { checker } = walk.env;
  if (!checker) {
    classifySyntax(walk, expression, at);
    return;
  }
  let type: TS.Type;
  try {
    type = checker.getTypeAtLocation(expression);
  } catch {
    return;
  }
  classifyType(walk, type, at, true);
}

/** Without types: only what the syntax says for sure. */
function classifySyntax(walk: Walk, expression: TS.Expression, at: At): void {
  const { ts } = walk.env;
  if (ts.isBigIntLiteral(expression) || (ts.isCallExpression(expression) && ts.isIdentifier(expression.expression) && expression.expression.text === 'BigInt')) {
    if (walk.serializer.bigintThrows) report(walk, at, 'bigint', 'bigint');
    return;
  }
  if (ts.isNewExpression(expression) && ts.isIdentifier(expression.expression)) {
    const name = expression.expression.text;
    if (['Map', 'Set', 'WeakMap', 'WeakSet'].includes(name)) report(walk, at, 'map', name);
    else if (/^[A-Z]\w*Error$/.test(name)) classifyError(walk, at, false);
  }
}

/**
 * `e` in `catch (e) { ... }` or in `promise.catch((e) => ...)`, in scope at the reference: a documented
 * heuristic treats it as an Error. Returns how to call it, or undefined.
 */
function caughtValueKind(env: Env, identifier: TS.Identifier): string | undefined {
  const { ts } = env;
  for (let node: TS.Node | undefined = identifier.parent; node; node = node.parent) {
    if (ts.isCatchClause(node)) {
      const declaration = node.variableDeclaration;
      if (declaration && ts.isIdentifier(declaration.name) && declaration.name.text === identifier.text) {
        const annotation = declaration.type;
        if (annotation && annotation.kind !== ts.SyntaxKind.UnknownKeyword && annotation.kind !== ts.SyntaxKind.AnyKeyword) return undefined;
        return isPastInstanceofCheck(env, identifier, node.block) ? undefined : 'a catch variable';
      }
    }
    if (ts.isFunctionLike(node) && node.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === identifier.text)) {
      return isRejectionHandlerParameter(env, node, identifier.text) ? 'a rejection reason' : undefined;
    }
  }
  return undefined;
}

/** `promise.catch((e) => ...)`: the handler's first parameter is the rejection reason, as good as a catch variable. */
function isRejectionHandlerParameter(env: Env, fn: TS.SignatureDeclaration, name: string): boolean {
  const { ts } = env;
  const first = fn.parameters[0];
  if (!first || !ts.isIdentifier(first.name) || first.name.text !== name || first.type) return false;
  const call = fn.parent;
  return (
    ts.isCallExpression(call) &&
    call.arguments[0] === fn &&
    ts.isPropertyAccessExpression(call.expression) &&
    call.expression.name.text === 'catch'
  );
}

/**
 * The reference sits where an `e instanceof X` check already sent Errors elsewhere: the else branch (or a
 * negated then branch) of such an `if`, or after `if (e instanceof X) { ...; return }` in the handler.
 */
function isPastInstanceofCheck(env: Env, identifier: TS.Identifier, block: TS.Block): boolean {
  const { ts } = env;
  const name = identifier.text;
  const isChecked = (left: TS.Expression): boolean => {
    const operand = unwrapExpression(ts, left);
    return ts.isIdentifier(operand) && operand.text === name;
  };
  // `e instanceof X` anywhere in the condition (`!(e instanceof X)`, `x && $e instanceof Y`), not in a nested function.
  const checks = (condition: TS.Node): boolean =>
    (ts.isBinaryExpression(condition) && condition.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword && isChecked(condition.left)) ||
    (!ts.isFunctionLike(condition) && ts.forEachChild(condition, (child) => checks(child) || undefined) === true);
  const exits = (statement: TS.Statement): boolean =>
    ts.isReturnStatement(statement) ||
    ts.isThrowStatement(statement) ||
    (ts.isBlock(statement) && statement.statements.some((inner) => ts.isReturnStatement(inner) || ts.isThrowStatement(inner)));
  let child: TS.Node = identifier;
  for (let node: TS.Node = identifier.parent; node && child !== block; child = node, node = node.parent) {
    if (ts.isIfStatement(node) && checks(node.expression)) {
      const negated = ts.isPrefixUnaryExpression(node.expression) && node.expression.operator === ts.SyntaxKind.ExclamationToken;
      if (child === node.elseStatement || (child === node.thenStatement && negated)) return true;
    }
    if (ts.isBlock(node)) {
      for (const statement of node.statements) {
        if (statement === child) break;
        if (ts.isIfStatement(statement) && checks(statement.expression) && exits(statement.thenStatement)) return true;
      }
    }
  }
  return false;
}

function classifyError(walk: Walk, at: At, catchVariable: boolean, what = 'a catch variable'): void {
  const ownKeys = walk.slot.errorKeys;
  if (ownKeys?.includes(ANY_KEY)) return;
  if (!at.spread && (at.errorOk || walk.serializer.errorKeys.includes(at.key) || ownKeys?.includes(at.key))) return;
  report(walk, at, 'error', catchVariable ? what : 'Error', catchVariable);
}

function classifyType(walk: Walk, type: TS.Type, at: At, explicit: boolean): void {
  const { ts, checker, options } = walk.env;
  if (!checker || walk.budget-- <= 0) return;
  const flags = type.flags;
  if (flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) {
    if (options.reportUnknown && explicit && walk.serializer.bigintThrows) {
      report(walk, at, 'unknown', checker.typeToString(type));
    }
    return;
  }
  if (flags & ts.TypeFlags.TypeParameter) {
    const constraint = checker.getBaseConstraintOfType(type);
    if (constraint && constraint !== type) classifyType(walk, constraint, at, explicit);
    return;
  }
  if (flags & ts.TypeFlags.Union) {
    const parts = (type as TS.UnionType).types;
    const numericEnum = parts.find((part) => isNumericEnum(walk.env, part));
    if (numericEnum) classifyNumericEnum(walk, numericEnum, at, explicit);
    // `string | symbol` (a `keyof T`, a PropertyKey) is a key, nearly always a string: only a symbol alone is one.
    const keyLike = parts.some((part) => part.flags & (ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike));
    for (const part of parts) {
      if (isNumericEnum(walk.env, part) || (keyLike && part.flags & ts.TypeFlags.ESSymbolLike)) continue;
      classifyType(walk, part, at, explicit);
    }
    return;
  }
  if (flags & ts.TypeFlags.BigIntLike) {
    if (walk.serializer.bigintThrows) report(walk, at, 'bigint', 'bigint');
    return;
  }
  if (isNumericEnum(walk.env, type)) {
    classifyNumericEnum(walk, type, at, explicit);
    return;
  }
  if (flags & ts.TypeFlags.ESSymbolLike) {
    if (explicit) report(walk, at, 'symbol', 'a symbol');
    return;
  }
  if (!(flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection))) return;
  if (walk.active.has(type)) return;
  walk.active.add(type);
  try {
    classifyObject(walk, type, at, explicit);
  } finally {
    walk.active.delete(type);
  }
}

function isNumericEnum(env: Env, type: TS.Type): boolean {
  const { ts } = env;
  if (type.flags & ts.TypeFlags.EnumLiteral) return (type.flags & ts.TypeFlags.NumberLiteral) !== 0;
  return (type.flags & ts.TypeFlags.Enum) !== 0;
}

/**
 * A `%j` trace (debug, util.format, console) that dumps a whole object (`debug('received %j', message)` with a
 * numeric `message.type`) prints the wire format on purpose: only a member written in the call is reported there.
 * Structured loggers and logged JSON.stringify report members at any depth: their entries are read by people; but
 * not inside the elements of a logged array (`{ messages }`), a dump where no one member could be logged by name.
 */
function classifyNumericEnum(walk: Walk, type: TS.Type, at: At, explicit: boolean): void {
  if (!walk.slot.logs || (!explicit && (walk.slot.serializer === 'util-format' || at.path.includes('[]')))) return;
  report(walk, at, 'numeric-enum', enumNameOf(walk.env, type) ?? walk.env.checker!.typeToString(type));
}

function classifyObject(walk: Walk, type: TS.Type, at: At, explicit: boolean): void {
  const { ts, options } = walk.env;
  const checker = walk.env.checker!;
  const properties = checker.getPropertiesOfType(type);
  const callable = checker.getSignaturesOfType(type, ts.SignatureKind.Call).length + checker.getSignaturesOfType(type, ts.SignatureKind.Construct).length;
  if (callable > 0) {
    if (explicit && !properties.some((property) => property.getName() === 'toJSON')) report(walk, at, 'function', 'a function');
    return;
  }
  // Date, URL, Buffer, classes with toJSON: JSON.stringify asks the value itself.
  if (properties.some((property) => property.getName() === 'toJSON')) return;
  const ancestors = ancestorsOf(walk.env, type);
  if (isErrorType(ancestors)) {
    classifyError(walk, at, false);
    return;
  }
  const collection = collectionName(ancestors);
  if (collection) {
    report(walk, at, 'map', collection);
    return;
  }
  const cyclic = wellKnownCyclicName(ancestors);
  if (cyclic) {
    if (walk.serializer.cyclesThrow) report(walk, at, 'cycle', cyclic);
    return;
  }
  if (isArrayLike(walk.env, type)) {
    if (at.depth > options.maxDepth) return;
    for (const element of typeArgumentsOf(walk.env, type)) {
      classifyType(walk, element, { ...at, path: `${at.path}[]`, errorOk: false, spread: false, depth: at.depth + 1, text: `${at.text}[i]` }, false);
    }
    return;
  }
  if (ancestors[0]?.name === 'PromiseRejectedResult' && ancestors[0].origin === 'lib') {
    // `reason` is `any`, and in practice an Error: treated like a catch variable.
    const reason = { ...at, key: join(at.key, 'reason'), path: join(at.path, 'reason'), errorOk: false, spread: false, text: `${at.text}.reason` };
    classifyError(walk, reason, true, 'a rejection reason');
    return;
  }
  if (isLibraryType(type)) return;
  const hidden = hiddenFieldsOf(walk.env, type);
  if (hidden.length > 0) {
    const symbol = type.getSymbol();
    const className = (symbol && sourceNameOf(walk.env, symbol)) ?? 'class';
    report(walk, at, 'hidden-fields', `${className}\0${hidden.join(', ')}`);
  }
  if (walk.serializer.cyclesThrow) {
    const cycle = selfReferenceOf(walk.env, type);
    if (cycle) {
      report(walk, at, 'cycle', `${declaredTypeName(walk.env, type) ?? 'object'}\0${cycle}`);
      return;
    }
  }
  if (at.depth >= options.maxDepth) return;
  for (const property of properties.slice(0, 64)) {
    if (property.flags & (ts.SymbolFlags.Method | ts.SymbolFlags.GetAccessor | ts.SymbolFlags.SetAccessor)) continue;
    const name = property.getName();
    if (name.startsWith('__@') || name.startsWith('#')) continue;
    let propertyType: TS.Type;
    try {
      propertyType = checker.getTypeOfSymbolAtLocation(property, at.node);
    } catch {
      continue;
    }
    classifyType(walk, propertyType, { key: join(at.key, name), path: join(at.path, name), errorOk: false, spread: false, depth: at.depth + 1, node: at.node, text: `${at.text}.${name}` }, false);
  }
  const indexType = type.getStringIndexType();
  if (indexType) {
    classifyType(walk, indexType, { key: join(at.key, '*'), path: `${at.path}[key]`, errorOk: false, spread: false, depth: at.depth + 1, node: at.node, text: `${at.text}[key]` }, false);
  }
}

/** The name a type was declared by (a class, interface, alias or enum); undefined for an object literal's type or a JavaScript object with properties assigned later, which are named after their variable. */
function declaredTypeName(env: Env, type: TS.Type): string | undefined {
  const { ts } = env;
  const symbol = type.aliasSymbol ?? type.getSymbol();
  const named = ts.SymbolFlags.Class | ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Enum;
  return symbol && symbol.flags & named ? sourceNameOf(env, symbol) : undefined;
}
