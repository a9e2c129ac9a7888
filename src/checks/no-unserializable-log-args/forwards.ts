import type * as TS from 'typescript';
import { calleeName, dottedName, dottedRoot, elementCallbackArray, hasJsonPlaceholder, literalText, propertyNameText, unwrapExpression } from './ast.js';
import type { TypeScriptApi } from '../../core/location.js';
import type { Env } from './env.js';
import { LEVEL_METHODS } from './loggers.js';
import { jsonDestination } from './sinks.js';

/** One file's contribution to the candidate wrapper names: its seed wrappers, and who forwards a parameter to whom. */
export interface FileForwards {
  optionsKey: string;
  /** Functions that pass a parameter to a serializing call. */
  names: ReadonlySet<string>;
  /** Function name -> callees it passes a parameter to, in the order first seen. */
  calls: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Adds every owner that forwards to a name in `names`, for at most `rounds` levels of wrappers of wrappers. */
export function addForwarders(names: Set<string>, calls: ReadonlyMap<string, ReadonlySet<string>>, rounds: number): void {
  for (let round = 0; round < rounds; round++) {
    let grew = false;
    for (const [owner, callees] of calls) {
      if (names.has(owner)) continue;
      for (const callee of callees) {
        if (names.has(callee)) {
          names.add(owner);
          grew = true;
          break;
        }
      }
    }
    if (!grew) break;
  }
}

/** Purely syntactic, so kept per source file: a new Program after an edit reuses the unchanged files' walks. */
const forwardsByFile = new WeakMap<TS.SourceFile, FileForwards>();

export function forwardsOfFile(env: Env, sourceFile: TS.SourceFile): FileForwards {
  const cached = forwardsByFile.get(sourceFile);
  if (cached && cached.optionsKey === env.cache.optionsKey) return cached;
  const result = env.prepared && sourceFile === env.sourceFile ? fromPrepared(env.prepared, env.cache.optionsKey) : walkForwards(env, sourceFile);
  forwardsByFile.set(sourceFile, result);
  return result;
}

/** A file's forwards as plain data: what `prepareForwards` computes away from the Program (in a worker thread). */
export interface PreparedForwards {
  names: string[];
  calls: Array<[string, string[]]>;
}

/**
 * The forwards of a parsed file, for the extraction of the same text (parsed alike) in a Program. They depend
 * on the syntax alone (no options, no types).
 */
export function prepareForwards(ts: TypeScriptApi, sourceFile: TS.SourceFile): PreparedForwards {
  const env = { ts, sourceFile, cache: { optionsKey: '' } } as Env;
  const { names, calls } = walkForwards(env, sourceFile);
  return { names: [...names], calls: [...calls].map(([owner, callees]) => [owner, [...callees]]) };
}

function fromPrepared(prepared: PreparedForwards, optionsKey: string): FileForwards {
  return { optionsKey, names: new Set(prepared.names), calls: new Map(prepared.calls.map(([owner, callees]) => [owner, new Set(callees)])) };
}

interface Owner {
  name: string;
  /** Parameters, and locals that forward them (`const entry = { ...fields }`). */
  tainted: Set<string>;
}

/**
 * Visits every node in source order, parents first, each with its enclosing named function (and links each
 * to its parent, if the parse did not). The walk keeps
 * its own stacks instead of recursing (deep expression chains) and allocates nothing per node: it runs on
 * every edit of a file in the editor.
 */
function walkForwards(env: Env, sourceFile: TS.SourceFile): FileForwards {
  const { ts } = env;
  const calls = new Map<string, Set<string>>();
  const names = new Set<string>();
  // Stacks and the children buffer are indexed by hand: shrinking an array to 0 would free its storage.
  const nodes: TS.Node[] = [sourceFile];
  const owners: Array<Owner | undefined> = [undefined];
  let top = 1;
  const children: TS.Node[] = [];
  let childCount = 0;
  // Tokens (names, keywords, literals) are leaves this walk has nothing to do with: never visited.
  const lastToken = ts.SyntaxKind.LastToken;
  let node: TS.Node = sourceFile;
  const collectChild = (child: TS.Node): void => {
    if (child.kind <= lastToken) return;
    // The file may be parsed without parent links; what this walk reads of them, it sets as TypeScript would.
    if (child.parent === undefined) (child as { parent: TS.Node }).parent = node;
    children[childCount++] = child;
  };
  while (top > 0) {
    top--;
    node = nodes[top]!;
    let owner = owners[top];
    if (ts.isFunctionLike(node) && 'body' in node && node.body && node.parameters.length > 0) {
      const name = simpleFunctionName(env, node);
      const tainted = new Set(node.parameters.flatMap((p) => (ts.isIdentifier(p.name) ? [p.name.text] : [])));
      owner = name !== undefined && tainted.size > 0 ? { name, tainted } : owner;
    }
    if (owner !== undefined) {
      // `args.map((a) => ...)`: each element of a forwarded array is forwarded too.
      const array = elementCallbackArray(ts, node);
      const element = array && ts.isIdentifier(array) && owner.tainted.has(array.text) ? (node as TS.ArrowFunction).parameters[0]?.name : undefined;
      if (element && ts.isIdentifier(element)) owner.tainted.add(element.text);
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && forwards(env, node.initializer, owner.tainted)) {
        owner.tainted.add(node.name.text);
      }
      if (ts.isCallExpression(node) && forwardsAnArgument(env, node, owner.tainted)) {
        const callee = unwrapExpression(ts, node.expression);
        const name = calleeName(ts, callee);
        if (name !== undefined) {
          if (isSeedCall(env, node, callee, name)) {
            names.add(owner.name);
          } else {
            let set = calls.get(owner.name);
            if (!set) calls.set(owner.name, (set = new Set()));
            set.add(name);
          }
        }
      }
    }
    // Children in reverse, so they are visited in source order (a local is tainted before its uses).
    childCount = 0;
    ts.forEachChild(node, collectChild);
    for (let i = childCount - 1; i >= 0; i--) {
      nodes[top] = children[i]!;
      owners[top] = owner;
      top++;
    }
  }
  return { optionsKey: env.cache.optionsKey, names, calls };
}

function forwardsAnArgument(env: Env, call: TS.CallExpression, names: Set<string>): boolean {
  for (const argument of call.arguments) if (forwards(env, argument, names)) return true;
  return false;
}

/** The value forwards a tainted name as is: the name itself, or an object literal holding it (value, shorthand, spread). */
function forwards(env: Env, node: TS.Expression, names: Set<string>, depth = 0): boolean {
  const { ts } = env;
  if (depth > 4) return false;
  const expression = unwrapExpression(ts, node);
  if (ts.isIdentifier(expression)) return names.has(expression.text);
  if (ts.isConditionalExpression(expression)) {
    return forwards(env, expression.whenTrue, names, depth + 1) || forwards(env, expression.whenFalse, names, depth + 1);
  }
  if (!ts.isObjectLiteralExpression(expression)) return false;
  return expression.properties.some((property) => {
    if (ts.isSpreadAssignment(property)) return forwards(env, property.expression, names, depth + 1);
    if (ts.isShorthandPropertyAssignment(property)) return names.has(property.name.text);
    if (ts.isPropertyAssignment(property)) return forwards(env, property.initializer, names, depth + 1);
    return false;
  });
}

/**
 * A call that serializes its arguments (syntactically): a logged/written JSON.stringify, `%j`, a logger method
 * (not `console.*`). `callee` is unwrapped and `name` is its last name.
 */
function isSeedCall(env: Env, call: TS.CallExpression, callee: TS.Expression, name: string): boolean {
  const { ts } = env;
  if (name === 'stringify' && dottedName(ts, callee) === 'JSON.stringify') return jsonDestination(env, call) !== undefined;
  const format = call.arguments[0];
  const formatText = format && literalText(ts, format);
  if (formatText !== undefined && hasJsonPlaceholder(formatText)) return true;
  return ts.isPropertyAccessExpression(callee) && LEVEL_METHODS.has(name) && dottedRoot(ts, callee) !== 'console';
}

function simpleFunctionName(env: Env, node: TS.SignatureDeclaration): string | undefined {
  const { ts } = env;
  if ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node)) && node.name) return node.name.text;
  if (ts.isMethodDeclaration(node)) return propertyNameText(ts, node.name);
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
    const parent = node.parent;
    if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
    if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.name) return propertyNameText(ts, parent.name);
  }
  return undefined;
}
