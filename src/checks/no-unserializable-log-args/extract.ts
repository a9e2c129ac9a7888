import type * as TS from 'typescript';
import { rangeOf } from '../../core/location.js';
import { isComponentFile } from '../../project/components.js';
import type { ExtractContext } from '../types.js';
import { enclosingFunctionName, shortText, unwrapExpression } from './ast.js';
import { classifyArgument } from './classify.js';
import { cacheFor, type Env } from './env.js';
import type { LogArgFacts, Problem, SinkRef } from './facts.js';
import type { PreparedForwards } from './forwards.js';
import { collectSafeHelpers } from './helpers.js';
import { resolveOptions, type Options } from './options.js';
import { importsOf } from './loggers.js';
import { recognizeSink, type Sink } from './sinks.js';
import { ancestorsOf, isErrorType } from './types.js';

/** Per file: every logged value that a sink cannot serialize faithfully, and the file's safe-log helpers. */
export function extractLogArgFacts(context: ExtractContext<Options>): LogArgFacts {
  // A component's scripts have no types here (the CLI's Programs hold no component file): no facts, in
  // the CLI and in ESLint alike.
  if (isComponentFile(context.file)) return { problems: [], helpers: [] };
  const options = resolveOptions(context.options);
  const { ts, sourceFile } = context;
  const env: Env = {
    ts,
    sourceFile,
    checker: context.checker,
    program: context.program,
    options,
    cache: cacheFor(context.program, options, context.relativePath('/')),
    relativePath: (absolutePath) => context.relativePath(absolutePath),
    prepared: context.prepared as PreparedForwards | undefined,
  };
  const problems: Problem[] = [];
  const stack: TS.Node[] = [sourceFile];
  // Tokens (names, keywords, literals) are leaves: never a call, never visited.
  const lastToken = ts.SyntaxKind.LastToken;
  // Code a test expects to throw (`assert.throws(() => JSON.stringify(cyclic))`) crashes on purpose.
  const expectedToThrow = new Set<TS.Node>();
  const pushChild = (child: TS.Node): void => {
    if (child.kind > lastToken && !expectedToThrow.has(child)) stack.push(child);
  };
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (ts.isCallExpression(node)) {
      const asserted = assertedToThrow(ts, node);
      if (asserted) expectedToThrow.add(asserted);
    }
    if (ts.isCallExpression(node) && node.arguments.length > 0) {
      let sink: Sink | undefined;
      try {
        sink = recognizeSink(env, node, 0);
      } catch {
        sink = undefined; // a checker failure on one call never stops the file
      }
      if (sink) {
        try {
          problems.push(...problemsAtCall(env, context.file, node, sink));
        } catch {
          // same: degrade to no finding
        }
      }
    }
    ts.forEachChild(node, pushChild);
  }
  problems.sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { problems, helpers: collectSafeHelpers(ts, sourceFile, context.file, options) };
}

function problemsAtCall(env: Env, file: string, call: TS.CallExpression, sink: Sink): Problem[] {
  const { ts, sourceFile } = env;
  const ref: SinkRef = { label: sink.label, serializer: sink.slots[0]?.serializer ?? (sink.family === 'pino' ? 'pino' : 'json') };
  if (sink.family === 'debug') ref.formatter = 'debug';
  if (sink.declaredAt) ref.declaredAt = sink.declaredAt;
  if (sink.serializedAt) ref.serializedAt = sink.serializedAt;
  const container = enclosingFunctionName(ts, call);
  const problems: Problem[] = [];
  const push = (node: TS.Node, partial: Omit<Problem, 'sink' | 'range' | 'container'>, serializer = ref.serializer): void => {
    problems.push({ ...partial, sink: { ...ref, serializer }, range: rangeOf(sourceFile, node), container });
  };
  const arguments_ = sink.slots.flatMap((slot) =>
    (slot.rest ? call.arguments.slice(slot.argumentIndex) : [call.arguments[slot.argumentIndex]]).map((argument) => ({ slot, argument })),
  );
  for (const { slot, argument } of arguments_) {
    if (!argument || ts.isSpreadElement(argument)) continue;
    for (const problem of classifyArgument(env, slot, argument)) {
      if (slot.coveredKinds?.includes(problem.kind)) continue;
      const { kind, path, detail, catchVariable, key, text, morePaths } = problem;
      const fix = kind === 'numeric-enum' && problem.exact ? enumNameFix(env, problem.node, detail) : undefined;
      const more = morePaths > 0 ? { morePaths } : {};
      push(problem.node, { kind, path, ...more, detail, catchVariable, key, expression: text, ...(fix ? { enumNameFix: fix } : {}) }, slot.serializer);
    }
  }
  if (sink.droppedFrom !== undefined) {
    for (let index = sink.droppedFrom; index < call.arguments.length; index++) {
      const argument = call.arguments[index]!;
      const text = shortText(sourceFile, argument);
      push(argument, { kind: 'dropped-argument', path: text, detail: '', catchVariable: false, key: '', expression: text }, 'pino');
    }
  }
  if (sink.winstonWithoutErrors) {
    const first = call.arguments[0];
    if (first && isErrorValue(env, first)) {
      const place = sink.winstonWithoutErrors;
      push(first, {
        kind: 'winston-error',
        path: shortText(sourceFile, first),
        expression: shortText(sourceFile, first),
        detail: `${place.file}:${place.line}`,
        catchVariable: false,
        key: '',
      }, 'winston');
    }
  }
  return problems;
}

/** `Enum[value]`, when `Enum` is declared or imported at the top of this file (so the edit compiles). */
function enumNameFix(env: Env, node: TS.Node, enumName: string): string | undefined {
  const { ts, sourceFile } = env;
  const text = node.getText(sourceFile);
  if (text.length > 200) return undefined;
  const declared = sourceFile.statements.some((statement) => ts.isEnumDeclaration(statement) && statement.name.text === enumName);
  if (!declared && !importsOf(env, sourceFile).has(enumName)) return undefined;
  const replacement = `${enumName}[${text}]`;
  // `{ state }` becomes `{ state: Enum[state] }`.
  return ts.isShorthandPropertyAssignment(node.parent) && node.parent.name === node ? `${text}: ${replacement}` : replacement;
}

function isErrorValue(env: Env, node: TS.Expression): boolean {
  const { ts, checker } = env;
  const expression = unwrapExpression(ts, node);
  if (ts.isIdentifier(expression)) {
    for (let current: TS.Node | undefined = expression.parent; current; current = current.parent) {
      if (ts.isCatchClause(current)) {
        const name = current.variableDeclaration?.name;
        if (name && ts.isIdentifier(name) && name.text === expression.text) return true;
      }
    }
  }
  if (!checker) return false;
  try {
    return isErrorType(ancestorsOf(env, checker.getTypeAtLocation(expression)));
  } catch {
    return false;
  }
}

/** Assertions that their first argument (a function, or a promise) throws or rejects: node:assert, tap, uvu. */
const THROW_ASSERTIONS = new Set(['throws', 'rejects', 'throwsAsync', 'rejectsAsync', 'assertThrows', 'assertRejects']);
/** Matchers after `expect(x)` saying it throws or rejects: Jest and Vitest (`toThrow`, `rejects`), Chai (`to.throw`, `rejectedWith`). */
const THROW_MATCHER = /^(?:toThrow\w*|rejects|throw|throws|rejectedWith)$/;

/** The argument whose throw `call` asserts: `assert.throws(fn)`, `expect(fn).toThrow()`, `expect(p).rejects.toThrow()`. */
function assertedToThrow(ts: Env['ts'], call: TS.CallExpression): TS.Node | undefined {
  const callee = unwrapExpression(ts, call.expression);
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  if (name !== undefined && THROW_ASSERTIONS.has(name)) return call.arguments[0];
  let throws = false;
  let receiver: TS.Expression = callee;
  while (ts.isPropertyAccessExpression(receiver)) {
    throws ||= THROW_MATCHER.test(receiver.name.text);
    receiver = unwrapExpression(ts, receiver.expression);
  }
  if (!throws || !ts.isCallExpression(receiver)) return undefined;
  const expect = unwrapExpression(ts, receiver.expression);
  return ts.isIdentifier(expect) && expect.text === 'expect' ? receiver.arguments[0] : undefined;
}
