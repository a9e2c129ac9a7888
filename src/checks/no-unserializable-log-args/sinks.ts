import type * as TS from 'typescript';
import { calleeName, countPlaceholders, dottedName, dottedRoot, elementCallbackArray, hasJsonPlaceholder, literalText, shortText, unwrapExpression } from './ast.js';
import { placeOf, type Env } from './env.js';
import type { Place, ProblemKind } from './facts.js';
import {
  LEVEL_METHODS,
  familyOfCalledFunction,
  familyOfMethodCall,
  importsOf,
  winstonCreationWithoutErrors,
  type LoggerFamily,
} from './loggers.js';
import { pinoConfigOf } from './pino-config.js';
import { ANY_KEY, familyEnabled, type SerializerName, type SinkFamily } from './options.js';
import { wrapperSinkOf } from './wrappers.js';

/** One call argument that a sink serializes, and how. */
export interface SinkSlot {
  argumentIndex: number;
  serializer: SerializerName;
  /** The argument's properties become keys of the logged entry (pino's merging object, `{ ...fields }`). */
  spread: boolean;
  /** The key the argument (or, when spread, its properties) lands under; '' = top level. */
  key: string;
  /** An Error passed as this whole argument is serialized properly (pino/bunyan first argument). */
  errorOk: boolean;
  /** The text ends up in a log (opaque enum values matter), not on the wire to a program. */
  logs: boolean;
  /** Keys under which this logger's configuration serializes Errors, besides the serializer's own. */
  errorKeys?: string[];
  /** A wrapper's rest parameter: every argument from `argumentIndex` on is serialized this way. */
  rest?: boolean;
  /** Problems a wrapper's own parameter type already has at its inner sink: reported there, not at calls. */
  coveredKinds?: ProblemKind[];
}

export interface Sink {
  family: SinkFamily;
  label: string;
  declaredAt?: Place;
  serializedAt?: Place;
  slots: SinkSlot[];
  /** pino message-first calls: arguments from this index on are silently dropped. */
  droppedFrom?: number;
  /** winston logger created with json() and without format.errors(): where. */
  winstonWithoutErrors?: Place;
}

const WIRE_METHODS = new Set(['write', 'end', 'send', 'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'postMessage']);

/** Whether a call is a sink; `depth` counts wrapper levels (a wrapper's inner calls are at depth + 1). */
export function recognizeSink(env: Env, call: TS.CallExpression, depth: number): Sink | undefined {
  const { ts } = env;
  const callee = unwrapExpression(ts, call.expression);
  const name = calleeName(ts, callee);
  if (name === undefined) return undefined;
  // The dotted name (`a.b.c`) is built only for the few calls that need it: this runs on every call of a file.
  let dotted: string | undefined;
  let dottedKnown = false;
  const dottedOf = (): string | undefined => {
    if (!dottedKnown) {
      dotted = dottedName(ts, callee);
      dottedKnown = true;
    }
    return dotted;
  };

  if (name === 'stringify' && dottedOf() === 'JSON.stringify') return jsonStringifySink(env, call);
  if (dottedRoot(ts, callee) === 'console' && dottedOf()!.startsWith('console.')) {
    return familyEnabled(env.options, 'console') ? formatSink(env, call, 'console', dottedOf()!, 0) : undefined;
  }
  if (isUtilFormat(env, callee)) {
    return familyEnabled(env.options, 'util-format') ? formatSink(env, call, 'util-format', dottedOf() ?? name, 0) : undefined;
  }
  const extra = env.options.loggers.length > 0 ? extraLoggerSink(env, call, callee, dottedOf()) : undefined;
  if (extra) return extra;

  if (ts.isPropertyAccessExpression(callee) && LEVEL_METHODS.has(name)) {
    const family = familyOfMethodCall(env, callee);
    if (family) return loggerSink(env, call, callee, family, dottedOf() ?? shortText(callee.getSourceFile(), callee));
  }
  if (ts.isIdentifier(callee) && call.arguments.length > 1 && formatHasJson(env, call, 0)) {
    const family = familyOfCalledFunction(env, callee);
    if (family === 'debug' && familyEnabled(env.options, 'debug')) return formatSink(env, call, 'debug', name, 0);
  }
  if (familyEnabled(env.options, 'wrappers')) return wrapperSinkOf(env, call, name, depth);
  return undefined;
}

function formatHasJson(env: Env, call: TS.CallExpression, formatIndex: number): boolean {
  const format = call.arguments[formatIndex];
  const text = format && literalText(env.ts, format);
  return text !== undefined && hasJsonPlaceholder(text);
}

/** `util.format('%j', x)` / `format` imported from util. */
function isUtilFormat(env: Env, callee: TS.Expression): boolean {
  const { ts } = env;
  if (ts.isPropertyAccessExpression(callee)) {
    if (callee.name.text !== 'format' || !ts.isIdentifier(callee.expression)) return false;
    const specifier = importsOf(env, callee.getSourceFile()).get(callee.expression.text);
    return specifier === 'util' || specifier === 'node:util';
  }
  if (ts.isIdentifier(callee)) {
    const specifier = importsOf(env, callee.getSourceFile()).get(callee.text);
    return specifier === 'util#format' || specifier === 'node:util#format';
  }
  return false;
}

/** Printf-style sinks (console, util.format, debug, log4js): only `%j` arguments are JSON-serialized. */
function formatSink(env: Env, call: TS.CallExpression, family: SinkFamily, label: string, formatIndex: number): Sink | undefined {
  const format = call.arguments[formatIndex];
  const text = format && literalText(env.ts, format);
  if (text === undefined || !hasJsonPlaceholder(text)) return undefined;
  const slots: SinkSlot[] = [];
  let argumentIndex = formatIndex + 1;
  for (const match of text.matchAll(/%([%sdifjoOc])/g)) {
    const letter = match[1];
    if (letter === '%') continue;
    if (letter === 'j') {
      slots.push({ argumentIndex, serializer: 'util-format', spread: false, key: '', errorOk: false, logs: true });
    }
    argumentIndex++;
  }
  return slots.length > 0 ? { family, label, slots } : undefined;
}

function jsonStringifySink(env: Env, call: TS.CallExpression): Sink | undefined {
  if (!familyEnabled(env.options, 'json') || call.arguments.length === 0) return undefined;
  // A replacer may convert bigint, Map or Error itself: trust it.
  const replacer = call.arguments[1];
  if (replacer && !isNullish(env, replacer)) return undefined;
  const destination = jsonDestination(env, call);
  if (!destination) return undefined;
  return {
    family: 'json',
    label: 'JSON.stringify',
    slots: [{ argumentIndex: 0, serializer: 'json', spread: false, key: '', errorOk: false, logs: destination === 'log' }],
  };
}

function isNullish(env: Env, node: TS.Expression): boolean {
  const inner = unwrapExpression(env.ts, node);
  return inner.kind === env.ts.SyntaxKind.NullKeyword || (env.ts.isIdentifier(inner) && inner.text === 'undefined');
}

/**
 * Where the text made by a JSON.stringify call goes: 'log' (console, a logger, process.stdout/stderr),
 * 'wire' (a stream, a response, a socket, a file) or undefined (kept, returned, compared...).
 */
export function jsonDestination(env: Env, call: TS.CallExpression): 'log' | 'wire' | undefined {
  const { ts } = env;
  let node: TS.Node = call;
  for (let guard = 0; guard < 32; guard++) {
    const parent: TS.Node | undefined = node.parent;
    if (!parent) return undefined;
    if (
      ts.isParenthesizedExpression(parent) ||
      ts.isTemplateSpan(parent) ||
      ts.isTemplateExpression(parent) ||
      ts.isAsExpression(parent) ||
      ts.isNonNullExpression(parent) ||
      (ts.isConditionalExpression(parent) && parent.condition !== node) ||
      (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.PlusToken)
    ) {
      node = parent;
      continue;
    }
    if (ts.isCallExpression(parent) && parent.arguments.includes(node as TS.Expression)) {
      return destinationOfCall(env, parent);
    }
    // `args.map((a) => JSON.stringify(a)).join(' ')`: the texts go where the mapped array goes.
    const mapped = ts.isArrowFunction(parent) && parent.body === node ? mappedArrayCall(env, parent) : undefined;
    if (mapped) {
      node = mapped;
      continue;
    }
    if (ts.isPropertyAccessExpression(parent) && parent.name.text === 'join' && ts.isCallExpression(parent.parent) && parent.parent.expression === parent) {
      node = parent.parent;
      continue;
    }
    if (ts.isVariableDeclaration(parent) && parent.initializer === node && ts.isIdentifier(parent.name)) {
      return destinationOfVariable(env, parent, parent.name.text);
    }
    return undefined;
  }
  return undefined;
}

/** The `x.map(fn)` call whose callback `fn` is (not `forEach`, whose callback results are dropped). */
function mappedArrayCall(env: Env, fn: TS.ArrowFunction): TS.CallExpression | undefined {
  const { ts } = env;
  if (!elementCallbackArray(ts, fn)) return undefined;
  const call = fn.parent as TS.CallExpression;
  const method = calleeName(ts, call.expression);
  return method === 'map' || method === 'flatMap' ? call : undefined;
}

function destinationOfCall(env: Env, call: TS.CallExpression): 'log' | 'wire' | undefined {
  const { ts } = env;
  const callee = unwrapExpression(ts, call.expression);
  const dotted = dottedName(ts, callee);
  if (dotted === 'process.stdout.write' || dotted === 'process.stderr.write') return 'log';
  if (dotted?.startsWith('console.')) return 'log';
  const name = calleeName(ts, callee);
  if (name === undefined) return undefined;
  if (ts.isPropertyAccessExpression(callee) && LEVEL_METHODS.has(name)) return 'log';
  if (WIRE_METHODS.has(name)) return 'wire';
  return undefined;
}

/** `const line = JSON.stringify(x); process.stdout.write(line + '\n')`: follow the variable in its scope. */
function destinationOfVariable(env: Env, declaration: TS.VariableDeclaration, name: string): 'log' | 'wire' | undefined {
  const { ts } = env;
  let scope: TS.Node = declaration;
  while (scope.parent && !ts.isFunctionLike(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
  let found: 'log' | 'wire' | undefined;
  const stack: TS.Node[] = [scope];
  let visited = 0;
  while (stack.length > 0 && found !== 'log' && visited < 5000) {
    const node = stack.pop()!;
    visited++;
    if (ts.isIdentifier(node) && node.text === name && node !== declaration.name) {
      const destination = destinationOfUse(env, node);
      if (destination) found = destination;
    }
    ts.forEachChild(node, (child) => {
      stack.push(child);
    });
  }
  return found;
}

function destinationOfUse(env: Env, identifier: TS.Identifier): 'log' | 'wire' | undefined {
  const { ts } = env;
  let node: TS.Node = identifier;
  for (let guard = 0; guard < 16; guard++) {
    const parent: TS.Node | undefined = node.parent;
    if (!parent) return undefined;
    if (ts.isCallExpression(parent) && parent.arguments.includes(node as TS.Expression)) return destinationOfCall(env, parent);
    if (
      ts.isParenthesizedExpression(parent) ||
      ts.isTemplateSpan(parent) ||
      ts.isTemplateExpression(parent) ||
      (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.PlusToken)
    ) {
      node = parent;
      continue;
    }
    return undefined;
  }
  return undefined;
}

function extraLoggerSink(env: Env, call: TS.CallExpression, callee: TS.Expression, dotted: string | undefined): Sink | undefined {
  if (dotted === undefined || env.options.loggers.length === 0) return undefined;
  for (const logger of env.options.loggers) {
    let pattern: RegExp;
    try {
      pattern = new RegExp(logger.pattern);
    } catch {
      continue;
    }
    if (!pattern.test(dotted)) continue;
    // `this.logger.info(...)` declared a pino logger: read as pino reads its calls (a message first drops what follows).
    const family = logger.serializer;
    if ((family === 'pino' || family === 'winston' || family === 'bunyan') && env.ts.isPropertyAccessExpression(callee)) {
      return withErrorKeys(loggerSink(env, call, callee, family, dotted), logger.errorKeys);
    }
    return withErrorKeys(
      {
        family: 'wrappers',
        label: dotted,
        slots: call.arguments.map((_, argumentIndex) => ({
          argumentIndex,
          serializer: logger.serializer,
          spread: logger.serializer !== 'json' && logger.serializer !== 'util-format',
          key: '',
          errorOk: logger.serializer !== 'json' && logger.serializer !== 'util-format',
          logs: true,
        })),
      },
      logger.errorKeys,
    );
  }
  return undefined;
}

/** A configured logger's `errorKeys`: where it serializes Errors itself (`*`: anywhere, also as a whole argument). */
function withErrorKeys(sink: Sink | undefined, errorKeys: string[] | undefined): Sink | undefined {
  if (!sink || !errorKeys?.length) return sink;
  for (const slot of sink.slots) {
    slot.errorKeys = [...(slot.errorKeys ?? []), ...errorKeys];
    if (errorKeys.includes(ANY_KEY)) slot.errorOk = true;
  }
  return sink;
}

function isStringLike(env: Env, node: TS.Expression): boolean | undefined {
  const { ts } = env;
  const inner = unwrapExpression(ts, node);
  if (ts.isStringLiteral(inner) || ts.isNoSubstitutionTemplateLiteral(inner) || ts.isTemplateExpression(inner)) return true;
  if (ts.isObjectLiteralExpression(inner)) return false;
  if (!env.checker) return undefined;
  try {
    const type = env.checker.getTypeAtLocation(inner);
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return undefined;
    return (type.flags & ts.TypeFlags.StringLike) !== 0;
  } catch {
    return undefined;
  }
}

/** pino, winston, bunyan, log4js calls: which arguments are merged, serialized, interpolated or dropped. */
function loggerSink(env: Env, call: TS.CallExpression, callee: TS.PropertyAccessExpression, family: LoggerFamily, label: string): Sink | undefined {
  if (!familyEnabled(env.options, family)) return undefined;
  const args = call.arguments;
  if (family === 'log4js' || family === 'debug') return formatSink(env, call, family, label, 0);
  let first = 0;
  if (family === 'winston' && callee.name.text === 'log' && args.length > 1 && isStringLike(env, args[0]!)) first = 1;
  const head = args[first];
  if (!head) return undefined;
  const messageFirst = isStringLike(env, head);
  const serializer: SerializerName = family;
  if (family === 'pino') {
    const config = pinoConfigOf(env, callee.expression);
    if (messageFirst === true) {
      const format = literalText(env.ts, head);
      if (format === undefined || config.rewritesArguments) return undefined;
      const consumed = countPlaceholders(format);
      const droppedFrom = first + 1 + consumed;
      return droppedFrom < args.length ? { family, label, slots: [], droppedFrom } : undefined;
    }
    if (messageFirst === false) {
      const slot: SinkSlot = { argumentIndex: first, serializer, spread: true, key: '', errorOk: true, logs: true };
      if (config.errorKeys.length > 0) slot.errorKeys = config.errorKeys;
      return { family, label, slots: [slot] };
    }
    return undefined;
  }
  if (family === 'bunyan') {
    if (messageFirst !== false) return undefined;
    return { family, label, slots: [{ argumentIndex: first, serializer, spread: true, key: '', errorOk: true, logs: true }] };
  }
  // winston: message then meta objects merged into the entry, or one object (or Error) alone.
  const slots: SinkSlot[] = [];
  const metaFrom = messageFirst === true ? first + 1 : first;
  for (let index = metaFrom; index < args.length; index++) {
    slots.push({ argumentIndex: index, serializer, spread: true, key: '', errorOk: true, logs: true });
  }
  const sink: Sink = { family, label, slots };
  if (messageFirst === false) {
    const creation = winstonCreationWithoutErrors(env, callee.expression);
    if (creation) sink.winstonWithoutErrors = placeOf(env, creation);
  }
  return slots.length > 0 ? sink : undefined;
}
