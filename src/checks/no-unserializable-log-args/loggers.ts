import type * as TS from 'typescript';
import { constructorAssignments, functionOfDeclaration, packageOfDeclaration, propertyNameText, returnedExpressions, unwrapExpression } from './ast.js';
import type { Env } from './env.js';

export type LoggerFamily = 'pino' | 'winston' | 'bunyan' | 'log4js' | 'debug';

/** Methods that write a log entry (pino, winston, bunyan, log4js levels, winston's `log`). */
export const LEVEL_METHODS = new Set([
  'trace', 'debug', 'info', 'warn', 'warning', 'error', 'fatal', 'http', 'verbose', 'silly', 'notice', 'crit',
  'alert', 'emerg', 'mark', 'log',
]);

const PACKAGE_FAMILIES: Record<string, LoggerFamily> = {
  pino: 'pino',
  'pino-http': 'pino',
  // NestJS's pino module: its PinoLogger and Logger hand objects to pino as they are (Errors under `err` only).
  'nestjs-pino': 'pino',
  winston: 'winston',
  logform: 'winston',
  'winston-transport': 'winston',
  bunyan: 'bunyan',
  log4js: 'log4js',
  debug: 'debug',
};

function familyOfPackage(name: string | undefined): LoggerFamily | undefined {
  if (name === undefined) return undefined;
  return PACKAGE_FAMILIES[name.replace(/^node:/, '')];
}

/** Follows an import alias to the symbol it names. */
export function resolveAlias(env: Env, symbol: TS.Symbol | undefined): TS.Symbol | undefined {
  if (!symbol || !env.checker) return symbol;
  if (symbol.flags & env.ts.SymbolFlags.Alias) {
    try {
      return env.checker.getAliasedSymbol(symbol);
    } catch {
      return symbol;
    }
  }
  return symbol;
}

export function symbolAt(env: Env, node: TS.Node): TS.Symbol | undefined {
  if (!env.checker) return undefined;
  try {
    return resolveAlias(env, env.checker.getSymbolAtLocation(node));
  } catch {
    return undefined;
  }
}

/** Local import bindings of a file: name -> module specifier (ES imports and `const x = require('m')`). */
export function importsOf(env: Env, sourceFile: TS.SourceFile): Map<string, string> {
  const cached = env.cache.imports.get(sourceFile);
  if (cached) return cached;
  const { ts } = env;
  const imports = new Map<string, string>();
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const specifier = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      if (!clause) continue;
      if (clause.name) imports.set(clause.name.text, specifier);
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) imports.set(bindings.name.text, specifier);
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          const imported = (element.propertyName ?? element.name).text;
          imports.set(element.name.text, imported === 'default' ? specifier : `${specifier}#${imported}`);
        }
      }
    } else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) {
      const expression = statement.moduleReference.expression;
      if (ts.isStringLiteral(expression)) imports.set(statement.name.text, expression.text);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const specifier = declaration.initializer && requiredModule(env, declaration.initializer);
        if (!specifier) continue;
        if (ts.isIdentifier(declaration.name)) imports.set(declaration.name.text, specifier);
        if (ts.isObjectBindingPattern(declaration.name)) {
          for (const element of declaration.name.elements) {
            if (!ts.isIdentifier(element.name)) continue;
            const imported = element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : element.name.text;
            imports.set(element.name.text, `${specifier}#${imported}`);
          }
        }
      }
    }
  }
  env.cache.imports.set(sourceFile, imports);
  return imports;
}

/** `require('m')` -> 'm'. */
export function requiredModule(env: Env, node: TS.Expression): string | undefined {
  const { ts } = env;
  const inner = unwrapExpression(ts, node);
  if (
    ts.isCallExpression(inner) &&
    ts.isIdentifier(inner.expression) &&
    inner.expression.text === 'require' &&
    inner.arguments.length === 1
  ) {
    const argument = inner.arguments[0]!;
    if (ts.isStringLiteral(argument)) return argument.text;
  }
  return undefined;
}

/** The module an identifier was imported from in its own file (`pino`, `winston#createLogger`). */
function importedFrom(env: Env, identifier: TS.Identifier): string | undefined {
  return importsOf(env, identifier.getSourceFile()).get(identifier.text);
}

function moduleFamily(specifier: string | undefined): LoggerFamily | undefined {
  if (!specifier) return undefined;
  return familyOfPackage(specifier.split('#')[0]);
}

/**
 * Logger family of a call such as `logger.info(...)`: by the declaration of the method (types of the
 * logger package, or `declare module 'pino'` stubs), else by how the receiver was created.
 */
export function familyOfMethodCall(env: Env, callee: TS.PropertyAccessExpression): LoggerFamily | undefined {
  const symbol = symbolAt(env, callee.name);
  for (const declaration of symbol?.declarations ?? []) {
    const family = familyOfPackage(packageOfDeclaration(env.ts, declaration));
    if (family) return family;
  }
  return familyOfLoggerExpression(env, callee.expression, 0);
}

/** Family of a function called directly, e.g. a `debug('ns')` logger: by its type's declaration or its creation. */
export function familyOfCalledFunction(env: Env, callee: TS.Expression): LoggerFamily | undefined {
  if (env.checker) {
    try {
      const type = env.checker.getTypeAtLocation(callee);
      const symbol = type.aliasSymbol ?? type.getSymbol();
      for (const declaration of symbol?.declarations ?? []) {
        const family = familyOfPackage(packageOfDeclaration(env.ts, declaration));
        if (family) return family;
      }
    } catch {
      // Unresolvable type: fall back to syntax.
    }
  }
  return familyOfLoggerExpression(env, callee, 0);
}

/** Steps from a logger to its creation: variables, fields, `.child()`, factories (`subsystemLogger` -> `createLogger` -> `root.child()` -> `pino()`). */
const MAX_CREATION_DEPTH = 8;

/** Family of a logger value by its creation: `pino()`, `winston.createLogger()`, `debug('ns')`, `x.child()`. */
export function familyOfLoggerExpression(env: Env, node: TS.Expression, depth: number): LoggerFamily | undefined {
  if (depth > MAX_CREATION_DEPTH) return undefined;
  const { ts } = env;
  const expression = unwrapExpression(ts, node);
  if (ts.isCallExpression(expression) || ts.isNewExpression(expression)) {
    return familyOfCreation(env, expression, depth);
  }
  if (ts.isAwaitExpression(expression)) return familyOfLoggerExpression(env, expression.expression, depth + 1);
  const declaration = declarationOfReference(env, expression);
  if (!declaration) return undefined;
  const cached = env.cache.creations.get(declaration);
  if (cached !== undefined) return (cached ?? undefined) as LoggerFamily | undefined;
  env.cache.creations.set(declaration, null);
  let family: LoggerFamily | undefined;
  if (
    (ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration) || ts.isPropertyAssignment(declaration)) &&
    declaration.initializer
  ) {
    family = familyOfLoggerExpression(env, declaration.initializer, depth + 1);
  } else if (ts.isShorthandPropertyAssignment(declaration)) {
    family = familyOfLoggerExpression(env, declaration.name, depth + 1);
  } else if (ts.isPropertyDeclaration(declaration) || ts.isParameter(declaration)) {
    family = familyOfAssignedProperty(env, declaration, depth);
  }
  env.cache.creations.set(declaration, family ?? null);
  return family;
}

/** `this.logger = pino()` in a constructor, for a property declared without initializer. */
function familyOfAssignedProperty(env: Env, declaration: TS.PropertyDeclaration | TS.ParameterDeclaration, depth: number): LoggerFamily | undefined {
  const { ts } = env;
  const owner = ts.isParameter(declaration) ? declaration.parent.parent : declaration.parent;
  if (!owner || !ts.isClassLike(owner) || !declaration.name || !ts.isIdentifier(declaration.name)) return undefined;
  const [assigned] = constructorAssignments(ts, owner, declaration.name.text);
  return assigned && familyOfLoggerExpression(env, assigned, depth + 1);
}

function familyOfCreation(env: Env, call: TS.CallExpression | TS.NewExpression, depth: number): LoggerFamily | undefined {
  const { ts } = env;
  const callee = unwrapExpression(ts, call.expression);
  // require('pino')(...)
  if (ts.isCallExpression(callee)) return moduleFamily(requiredModule(env, callee));
  if (ts.isIdentifier(callee)) {
    const specifier = importedFrom(env, callee) ?? importSpecifierOfSymbol(env, callee);
    if (specifier && /^(pino|pino#pino|pino#default|debug|debug#default|debug#debug)$/.test(specifier)) return moduleFamily(specifier);
    if (specifier && /#(createLogger|getLogger)$/.test(specifier)) {
      const family = moduleFamily(specifier);
      if (family) return family;
    }
    return familyOfFactory(env, callee, depth);
  }
  if (ts.isPropertyAccessExpression(callee)) {
    const method = callee.name.text;
    if (method === 'child' || method === 'extend') return familyOfLoggerExpression(env, callee.expression, depth + 1);
    const receiver = unwrapExpression(ts, callee.expression);
    if (ts.isIdentifier(receiver)) {
      const family = moduleFamily(importedFrom(env, receiver) ?? importSpecifierOfSymbol(env, receiver));
      if (family && (method === 'createLogger' || method === 'getLogger' || method === 'pino' || method === 'default')) return family;
    }
  }
  return undefined;
}

/**
 * A project's logger factory, `createLogger(name)` whose every `return` (or expression body) is a logger of one
 * family: `rootLogger.child({ name })`, `pino(options)`, or another such factory.
 */
function familyOfFactory(env: Env, callee: TS.Identifier, depth: number): LoggerFamily | undefined {
  const { ts } = env;
  const declaration = declarationOfReference(env, callee);
  const fn = declaration && functionOfDeclaration(ts, declaration);
  const body = fn?.body;
  if (!fn || !body || depth > MAX_CREATION_DEPTH) return undefined;
  if (!ts.isBlock(body)) return familyOfLoggerExpression(env, body, depth + 1);
  const cached = env.cache.creations.get(fn);
  if (cached !== undefined) return (cached ?? undefined) as LoggerFamily | undefined;
  env.cache.creations.set(fn, null);
  let family: LoggerFamily | undefined;
  let unknown = false;
  for (const expression of returnedExpressions(ts, body)) {
    const returned = familyOfLoggerExpression(env, expression, depth + 1);
    if (!returned || (family && family !== returned)) {
      unknown = true;
      break;
    }
    family = returned;
  }
  const result = unknown ? undefined : family;
  env.cache.creations.set(fn, result ?? null);
  return result;
}

/** With a checker, an identifier imported in another file through a re-export. */
export function importSpecifierOfSymbol(env: Env, identifier: TS.Identifier): string | undefined {
  if (!env.checker) return undefined;
  let symbol: TS.Symbol | undefined;
  try {
    symbol = env.checker.getSymbolAtLocation(identifier);
  } catch {
    return undefined;
  }
  const declaration = symbol?.declarations?.[0];
  if (!declaration) return undefined;
  const { ts } = env;
  for (let current: TS.Node | undefined = declaration; current; current = current.parent) {
    if (ts.isImportDeclaration(current) && ts.isStringLiteral(current.moduleSpecifier)) {
      const named = ts.isImportSpecifier(declaration) ? (declaration.propertyName ?? declaration.name).text : undefined;
      return named && named !== 'default' ? `${current.moduleSpecifier.text}#${named}` : current.moduleSpecifier.text;
    }
  }
  return undefined;
}

/** The declaration an identifier or `this.x` / `a.b` refers to (via the checker, else within the file). */
export function declarationOfReference(env: Env, expression: TS.Expression): TS.Declaration | undefined {
  const { ts } = env;
  const target = ts.isPropertyAccessExpression(expression) ? expression.name : expression;
  if (env.checker) {
    const symbol = symbolAt(env, target);
    const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    return declaration;
  }
  if (ts.isIdentifier(expression)) return findLocalVariable(env, expression.getSourceFile(), expression.text);
  return undefined;
}

function findLocalVariable(env: Env, sourceFile: TS.SourceFile, name: string): TS.Declaration | undefined {
  const { ts } = env;
  for (const statement of sourceFile.statements) {
    const list = ts.isVariableStatement(statement) ? statement.declarationList : undefined;
    for (const declaration of list?.declarations ?? []) {
      if (ts.isIdentifier(declaration.name) && declaration.name.text === name) return declaration;
    }
  }
  return undefined;
}

/**
 * The call that created a logger value (`createLogger({...})`, `pino({...})`), following `.child()` to the
 * parent and variables/fields to their initializer; undefined when it cannot be seen.
 */
export function creationCallOf(env: Env, receiver: TS.Expression, depth = 0): TS.CallExpression | undefined {
  const { ts } = env;
  if (depth > 4) return undefined;
  const expression = unwrapExpression(ts, receiver);
  let creation: TS.Expression | undefined = expression;
  if (!ts.isCallExpression(expression)) {
    const declaration = declarationOfReference(env, expression);
    creation =
      declaration && (ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration)) ? declaration.initializer : undefined;
  }
  if (!creation) return undefined;
  creation = unwrapExpression(ts, creation);
  if (!ts.isCallExpression(creation)) return undefined;
  const callee = unwrapExpression(ts, creation.expression);
  if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'child') return creationCallOf(env, callee.expression, depth + 1);
  return creation;
}

export function optionsLiteral(env: Env, creation: TS.CallExpression): TS.ObjectLiteralExpression | undefined {
  const first = creation.arguments[0];
  const literal = first && unwrapExpression(env.ts, first);
  return literal && env.ts.isObjectLiteralExpression(literal) ? literal : undefined;
}

export function optionNamed(env: Env, literal: TS.ObjectLiteralExpression, name: string): TS.ObjectLiteralElementLike | undefined {
  return literal.properties.find((property) => property.name !== undefined && propertyNameText(env.ts, property.name) === name);
}

/**
 * Whether a winston logger was created without `format.errors()` while printing JSON (the default):
 * then `logger.error(err)` prints `{"level":"error"}`. Returns the creation call, or undefined when it is
 * configured with errors() or cannot be found.
 */
export function winstonCreationWithoutErrors(env: Env, receiver: TS.Expression): TS.CallExpression | undefined {
  const { ts } = env;
  const creation = creationCallOf(env, receiver);
  if (!creation) return undefined;
  const callee = unwrapExpression(ts, creation.expression);
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
  if (name !== 'createLogger') return undefined;
  if (!creation.arguments[0]) return creation;
  const literal = optionsLiteral(env, creation);
  if (!literal) return undefined;
  const format = optionNamed(env, literal, 'format');
  if (!format) return creation;
  if (!ts.isPropertyAssignment(format)) return undefined;
  const text = format.initializer.getText();
  if (/\berrors\s*\(/.test(text)) return undefined;
  return /\b(json|logstash)\s*\(/.test(text) ? creation : undefined;
}
