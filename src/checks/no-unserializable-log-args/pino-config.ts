import type * as TS from 'typescript';
import { constructorAssignments, functionOfDeclaration, isInDeclarationFileOrPackage, propertyNameText, returnedExpressions, unwrapExpression } from './ast.js';
import type { Env } from './env.js';
import { declarationOfReference, importSpecifierOfSymbol, importsOf, optionNamed, optionsLiteral, requiredModule } from './loggers.js';

/** What a visible `pino({...})` configuration changes: extra Error keys (serializers, errorKey), argument hooks. */
export interface PinoConfig {
  errorKeys: string[];
  /** `hooks.logMethod` may reorder arguments: message-first calls are not known to drop anything. */
  rewritesArguments: boolean;
}

const DEFAULT_CONFIG: PinoConfig = { errorKeys: [], rewritesArguments: false };

/** Where a logger value comes from: the `pino(...)` calls that may have created it, and whether some path was lost. */
interface Creations {
  calls: Set<TS.CallExpression>;
  /** A path ended in the project where the creation cannot be seen: a parameter, a global, `globals[KEY]`. */
  unseen: boolean;
  /** A path ended in a package's declaration (`request.log`): created by a library, with its own configuration. */
  library: boolean;
}

const MAX_STEPS = 8;

/**
 * The configuration of the pino logger `receiver`, following it the way its family is found: variables, fields
 * (also `this.logger = ...` in the constructor), `.child()` (which inherits serializers), `await`, and the
 * project's factories and getters (every `return`). Several possible creations: only what all of them configure.
 * A path lost in the project (the logger kept in a global, passed as a parameter) takes what every `pino(...)`
 * call of the project configures: that is where it was created.
 */
export function pinoConfigOf(env: Env, receiver: TS.Expression): PinoConfig {
  const creations: Creations = { calls: new Set(), unseen: false, library: false };
  collectCreations(env, receiver, creations, new Set(), 0);
  const configs = [...creations.calls].map((call) => configOfCall(env, call));
  if (creations.library) configs.push(DEFAULT_CONFIG);
  if (creations.unseen || configs.length === 0) configs.push(projectPinoConfig(env) ?? DEFAULT_CONFIG);
  return combine(configs);
}

/** Error keys every configuration sets; argument rewriting when any may do it (then nothing is known to be dropped). */
function combine(configs: PinoConfig[]): PinoConfig {
  const [first, ...rest] = configs;
  if (!first) return DEFAULT_CONFIG;
  return {
    errorKeys: first.errorKeys.filter((key) => rest.every((config) => config.errorKeys.includes(key))),
    rewritesArguments: configs.some((config) => config.rewritesArguments),
  };
}

function collectCreations(env: Env, node: TS.Expression, into: Creations, visited: Set<TS.Node>, steps: number): void {
  const { ts } = env;
  const expression = unwrapExpression(ts, node);
  if (steps > MAX_STEPS || visited.has(expression)) {
    into.unseen = true;
    return;
  }
  visited.add(expression);
  const next = (inner: TS.Expression): void => collectCreations(env, inner, into, visited, steps + 1);
  if (ts.isAwaitExpression(expression) || ts.isAsExpression(expression) || ts.isTypeAssertionExpression(expression)) return next(expression.expression);
  if (ts.isConditionalExpression(expression)) {
    next(expression.whenTrue);
    next(expression.whenFalse);
    return;
  }
  if (ts.isCallExpression(expression)) return collectFromCall(env, expression, into, next);
  if (!ts.isIdentifier(expression) && !ts.isPropertyAccessExpression(expression)) {
    into.unseen = true;
    return;
  }
  const declaration = declarationOfReference(env, expression);
  if (!declaration) into.unseen = true;
  else if (isInDeclarationFileOrPackage(declaration)) into.library = true;
  else collectFromDeclaration(env, declaration, into, next);
}

function collectFromCall(env: Env, call: TS.CallExpression, into: Creations, next: (inner: TS.Expression) => void): void {
  const { ts } = env;
  if (isPinoCreation(env, call)) {
    into.calls.add(call);
    return;
  }
  const callee = unwrapExpression(ts, call.expression);
  if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'child') return next(callee.expression);
  const declaration = ts.isIdentifier(callee) ? declarationOfReference(env, callee) : undefined;
  const fn = declaration && functionOfDeclaration(ts, declaration);
  if (!fn?.body) {
    if (declaration && isInDeclarationFileOrPackage(declaration)) into.library = true;
    else into.unseen = true;
    return;
  }
  if (!ts.isBlock(fn.body)) return next(fn.body);
  returnedExpressions(ts, fn.body).forEach(next);
}

function collectFromDeclaration(env: Env, declaration: TS.Declaration, into: Creations, next: (inner: TS.Expression) => void): void {
  const { ts } = env;
  if ((ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration) || ts.isPropertyAssignment(declaration)) && declaration.initializer) {
    return next(declaration.initializer);
  }
  if (ts.isPropertyDeclaration(declaration) || (ts.isParameter(declaration) && ts.isConstructorDeclaration(declaration.parent))) {
    const owner = ts.isParameter(declaration) ? declaration.parent.parent : declaration.parent;
    const name = declaration.name && (ts.isIdentifier(declaration.name) || ts.isPrivateIdentifier(declaration.name)) ? declaration.name.text : undefined;
    const assigned = owner && ts.isClassLike(owner) && name !== undefined ? constructorAssignments(ts, owner, name) : [];
    if (assigned.length > 0) return assigned.forEach(next);
  }
  into.unseen = true;
}

/** `pino(...)`, `pino.pino(...)`, `pino.default(...)`, `require('pino')(...)`. */
function isPinoCreation(env: Env, call: TS.CallExpression): boolean {
  const { ts } = env;
  const callee = unwrapExpression(ts, call.expression);
  if (ts.isCallExpression(callee)) return requiredModule(env, callee) === 'pino';
  const specifierOf = (identifier: TS.Identifier): string | undefined =>
    importsOf(env, identifier.getSourceFile()).get(identifier.text) ?? importSpecifierOfSymbol(env, identifier);
  if (ts.isIdentifier(callee)) return /^pino(#pino|#default)?$/.test(specifierOf(callee) ?? '');
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && (callee.name.text === 'pino' || callee.name.text === 'default')) {
    return specifierOf(callee.expression) === 'pino';
  }
  return false;
}

function configOfCall(env: Env, creation: TS.CallExpression): PinoConfig {
  const { ts } = env;
  const literal = optionsLiteral(env, creation);
  if (!literal) return DEFAULT_CONFIG;
  const config: PinoConfig = { errorKeys: [], rewritesArguments: false };
  const serializers = optionNamed(env, literal, 'serializers');
  if (serializers && ts.isPropertyAssignment(serializers)) {
    const value = unwrapExpression(ts, serializers.initializer);
    if (ts.isObjectLiteralExpression(value)) {
      for (const property of value.properties) {
        const key = property.name && propertyNameText(ts, property.name);
        if (key) config.errorKeys.push(key);
      }
    }
  }
  const errorKey = optionNamed(env, literal, 'errorKey');
  if (errorKey && ts.isPropertyAssignment(errorKey) && ts.isStringLiteral(errorKey.initializer)) config.errorKeys.push(errorKey.initializer.text);
  const hooks = optionNamed(env, literal, 'hooks');
  config.rewritesArguments = hooks !== undefined && /\blogMethod\b/.test(hooks.getText());
  return config;
}

/** What every `pino(...)` call in the project's own files configures; undefined when it makes none. */
function projectPinoConfig(env: Env): PinoConfig | undefined {
  const cached = env.cache.projectPino;
  if (cached !== undefined) return cached ?? undefined;
  const configs: PinoConfig[] = [];
  const { ts } = env;
  for (const sourceFile of env.program?.getSourceFiles() ?? []) {
    if (isInDeclarationFileOrPackage(sourceFile) || !sourceFile.text.includes('pino')) continue;
    const fileEnv: Env = { ...env, sourceFile };
    const visit = (node: TS.Node): void => {
      if (ts.isCallExpression(node) && isPinoCreation(fileEnv, node)) configs.push(configOfCall(fileEnv, node));
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  const config = configs.length > 0 ? combine(configs) : undefined;
  env.cache.projectPino = config ?? null;
  return config;
}
