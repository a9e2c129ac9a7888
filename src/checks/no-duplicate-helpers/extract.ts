import path from 'node:path';
import type * as TS from 'typescript';
import { rangeBetween, rangeOf } from '../../core/location.js';
import { isComponentFile } from '../../project/components.js';
import { projectPathOf, type ExtractContext } from '../types.js';
import { FileEmitter, IMPORT_META, IMPORT_META_NAME, RELATIVE_IMPORT, RELATIVE_IMPORT_NAME, type PendingUnit } from './emit.js';
import { FUNCTION_VALUE, HELPER_FUNCTION_VALUE, IMPORT_VALUE, LOCATION_VALUE, moduleOfFile, STATE_VALUE, type ClassFact, type HelperFacts, type HelperUnit } from './facts.js';
import { isTestFile } from './helpers.js';
import { isRequireCall, relativeImportsOf } from './import-specifiers.js';
import { boundNames, fingerprint } from './fingerprint.js';
import type { DuplicateHelpersOptions } from './options.js';
import { hashText } from './hash.js';
import { syntaxOf, type Syntax } from './syntax.js';
import { hasModifier, isEmptyLiteral, nameText, unitKindOf, unwrap } from './units.js';
import { Op, type TokenBuffer } from './tokens.js';

const DECLARATION_FILE = /\.d\.[cm]?ts$|\.d\.[^./]+\.ts$/;
/** Third-party code copied into the project: `vendor/`, `third_party/`, `third-party/` (not `vendors/`: LLM or payment vendors). */
const VENDORED = /(?:^|\/)(?:vendor|third[-_]party)\//;
/** What a code generator writes into a folder of its own: ts-proto's `src/generated/`, Relay's `__generated__/`. */
const GENERATED_FOLDER = /(?:^|\/)(?:generated|__generated__)\//;
/** A comment saying where the file was copied from: `// from: https://github.com/TehShrike/deepmerge`, `// imported from https://…`. */
const VENDORED_FROM = /^[\s/*]*(?:copied |taken |vendored |forked |imported |adapted |ported |borrowed )?from:?\s+https?:\/\//im;
/**
 * The same told over a comment block: `// Vendored from request-filtering-agent v3.2.0` then `// Source: https://…`,
 * or `// ref: https://…` then `// pulled almost 100% from react-router`. Without a URL, a note like `// copied from
 * server/x.ts` names a copy inside the project: that is what this rule reports.
 */
const VENDORED_NOTE = /\b(?:vendored|copied|forked|ported|pulled|adapted|taken|borrowed)\b[^\n]*\bfrom\b|^[\s/*]*(?:ref|source|origin|original|based on):?\s+https?:\/\//im;
const URL_IN_COMMENT = /https?:\/\/\S/;
/** Markers that code generators put in a file's first comment. */
const GENERATED_MARKER = /@generated\b|\bauto-?generated\b|\bdo not (?:edit|modify)\b|\bgenerated (?:by|from)\b/i;
/** Kept long enough that a message can show where two lines differ; shown shorter (see `report.ts`). */
const SNIPPET_STORED = 320;

export function extractHelpers(context: ExtractContext<DuplicateHelpersOptions>): HelperFacts {
  const { sourceFile, file, options } = context;
  const projectPath = projectPathOf(context);
  if (DECLARATION_FILE.test(file) || sourceFile.isDeclarationFile) return { imports: [], units: [] };
  // Generated and vendored code is not the project's to deduplicate.
  if (isGenerated(sourceFile.text) || VENDORED.test(projectPath) || GENERATED_FOLDER.test(projectPath)) return { imports: [], units: [], generated: true };
  const syntax = syntaxOf(context.ts);
  // Tests' helpers are never compared (unless asked for); their imports still say which module others use.
  if (!options.includeTestsAndExamples && isTestFile(projectPath)) return { imports: relativeImportsOf(syntax, sourceFile), units: [] };
  const emitter = new FileEmitter(syntax, sourceFile);
  const emitted = emitter.run();
  const { values: moduleValues, functions: moduleFunctions, containers } = moduleValuesOf(syntax, sourceFile, file);
  const reads = new Map<HelperUnit, { names: number[]; fn: TS.Node }>();
  const kept: HelperUnit[] = [];
  const members = new Map<HelperUnit, TS.Node>();
  // Pending index -> index in `kept` (or the nearest kept ancestor's).
  const keptIndex: number[] = [];
  // Names declared in each outermost helper: what its nested functions could capture.
  const enclosingNames = new Map<number, Set<number>>();
  const outermost = (index: number): number => {
    let current = index;
    while (emitted.units[current]!.parent >= 0) current = emitted.units[current]!.parent;
    return current;
  };
  emitted.units.forEach((pending, index) => {
    const parentKept = pending.parent >= 0 ? keptIndex[pending.parent]! : -1;
    let enclosing: Set<number> | undefined;
    if (pending.parent >= 0) {
      const root = outermost(index);
      enclosing = enclosingNames.get(root);
      if (!enclosing) {
        const unit = emitted.units[root]!;
        enclosing = boundNames(emitter.tokens, unit.start, unit.end);
        // What the non-helper function around the outermost helper declares is in reach too.
        if (unit.scope) for (const name of unit.scope.declaredNames()) enclosing.add(name);
        enclosingNames.set(root, enclosing);
      }
    } else if (pending.scope) {
      enclosing = pending.scope.declaredNames();
    }
    // A call of its own name is recursion only where the name is a binding: `{ addMonths: (d, n) => addMonths(d, n) }`
    // and a method `foo() { foo() }` call another function of that name.
    const selfName = pending.hint.member || pending.hint.qualifier !== undefined ? NaN : pending.nameHash;
    const print = fingerprint(emitter.tokens, pending.start, pending.end, selfName, enclosing, moduleValues);
    if (print.size < options.minTokens || print.captures) {
      keptIndex[index] = parentKept;
      return;
    }
    keptIndex[index] = kept.length;
    const unit: HelperUnit = {
      name: pending.hint.name,
      kind: unitKindOf(syntax, pending.fn, pending.hint),
      exported: pending.hint.exported || (pending.parent < 0 && !pending.hint.member && emitted.exportedNames.has(pending.hint.name)),
      range: nameRange(sourceFile, pending),
      parent: parentKept,
      size: print.size,
      exact: print.exact,
      renamed: print.renamed,
      shape: print.shape,
      literals: print.literals,
      statements: print.statements,
      weights: print.weights,
    };
    const qualifier = pending.hint.qualifier;
    if (qualifier !== undefined) unit.qualifier = qualifier;
    // An arrow inside a function that reads `this` works on the instance: module level is no home for it.
    if (pending.parent >= 0 && !pending.hint.member && pending.fn.kind === syntax.K.ArrowFunction && readsThis(emitter.tokens, pending.start, pending.end, syntax.code[syntax.K.ThisKeyword]!)) {
      unit.readsThis = true;
    }
    if (pending.parent < 0 && pending.scope && !pending.hint.member) unit.local = true;
    if (pending.hint.objectMember && qualifier !== undefined && (emitted.exportedVariables.has(qualifier) || emitted.exportedNames.has(qualifier))) unit.ownerExported = true;
    if (print.paths.length > 0) unit.paths = print.paths;
    if (pending.guard !== undefined) unit.guard = pending.guard;
    if (pending.parameterTypes !== undefined) unit.parameterTypes = pending.parameterTypes;
    if (print.statements.length >= options.minStatements) {
      unit.snippets = snippets(sourceFile.text, print.spans);
      unit.signature = signatureOf(syntax, sourceFile, pending.fn);
      unit.wiringFree = print.wiringFree;
      if (print.depths.some((depth) => depth > 0)) unit.depths = print.depths;
    }
    if (print.reads.length > 0) reads.set(unit, { names: print.reads, fn: pending.fn });
    if (pending.parent < 0 && (unit.kind === 'method' || unit.kind === 'field') && qualifier !== undefined) members.set(unit, pending.fn);
    // A module-level function that is a helper is compared by its fingerprint: comments and layout do not count.
    if (pending.parent < 0 && !pending.hint.member) {
      const value = moduleValues.get(pending.nameHash | 0);
      if (value?.[0] === pending.hint.name && moduleFunctions.has(pending.nameHash | 0)) value[1] = helperFunctionValue(print.renamed, print.literals);
    }
    kept.push(unit);
  });
  const filled = new ContainerWrites(sourceFile.text);
  for (const [unit, { names, fn }] of reads) {
    unit.moduleValues = names
      .map((hash): [string, string] => {
        const [name] = moduleValues.get(hash)!;
        // A collection other code of its module fills (`relations.add(...)` in `schemaToTypeScript`) is that module's state.
        if (containers.has(hash) && filled.outside(name, fn.pos, fn.end)) return [name, `${STATE_VALUE}${file}#${name}`];
        return [name, valueOf(moduleValues.get(hash)!)];
      })
      .sort((x, y) => (x[0] < y[0] ? -1 : 1));
  }
  const classes = topLevelClasses(syntax, sourceFile);
  noteMemberCalls(syntax, sourceFile, classes, members);
  const facts: HelperFacts = { imports: emitted.imports, units: kept };
  if (kept.length > 0 && isEntryPoint(syntax, sourceFile)) facts.entryPoint = true;
  if (classes.length > 0) facts.classes = classFacts(syntax, sourceFile, file, classes, moduleValues, members);
  return facts;
}

/** The longest method whose own-method calls and `super` calls are noted (the checks that read them stop at 4). */
const MEMBER_CALLS_MAX_STATEMENTS = 4;

function helperFunctionValue(renamed: number, literals: readonly number[]): string {
  return `${HELPER_FUNCTION_VALUE}${renamed}:${hashText(literals.join(',')) >>> 0}`;
}

function topLevelClasses(syntax: Syntax, sourceFile: TS.SourceFile): TS.ClassDeclaration[] {
  return sourceFile.statements.filter((statement): statement is TS.ClassDeclaration => statement.kind === syntax.K.ClassDeclaration && (statement as TS.ClassDeclaration).name !== undefined);
}

/**
 * What a short method's work rests on in its class: the methods of its own class it calls (`this.pack(x)`, each
 * class's own `pack` in two entity services), and whether it calls `super`.
 */
function noteMemberCalls(syntax: Syntax, sourceFile: TS.SourceFile, classes: TS.ClassDeclaration[], members: Map<HelperUnit, TS.Node>): void {
  // Only short methods: what they call decides whether they are copies (see `doOtherWorkByClass`).
  const short = [...members].filter(([unit]) => unit.statements.length <= MEMBER_CALLS_MAX_STATEMENTS);
  if (short.length === 0) return;
  const { K } = syntax;
  const methodsOf = new Map<string, Map<string, TS.MethodDeclaration>>();
  for (const declaration of classes) {
    const methods = new Map<string, TS.MethodDeclaration>();
    for (const member of declaration.members) {
      const name = member.kind === K.MethodDeclaration && (member as TS.MethodDeclaration).body ? nameText(syntax, sourceFile, member.name) : undefined;
      if (name !== undefined) methods.set(name, member as TS.MethodDeclaration);
    }
    methodsOf.set(declaration.name!.text, methods);
  }
  const unitOf = new Map<TS.Node, HelperUnit>();
  for (const [unit, fn] of members) unitOf.set(fn, unit);
  // A method that is a helper by its fingerprint, as a module function's value is: comments and layout do not count.
  const methodValue = (method: TS.MethodDeclaration): string => {
    const helper = unitOf.get(method);
    if (helper) return helperFunctionValue(helper.renamed, helper.literals);
    return `${FUNCTION_VALUE}${hashText(sourceFile.text.slice(method.name.end, method.end).replace(/\s+/g, ' '))}`;
  };
  for (const [unit, fn] of short) {
    const methods = methodsOf.get(unit.qualifier!);
    if (!methods) continue;
    const called = new Map<string, string>();
    const visit = (node: TS.Node): void => {
      if (node.kind === K.SuperKeyword) unit.callsSuper = true;
      if (node.kind === K.CallExpression) {
        const callee = unwrap(syntax, (node as TS.CallExpression).expression);
        if (callee.kind === K.PropertyAccessExpression && unwrap(syntax, (callee as TS.PropertyAccessExpression).expression).kind === K.ThisKeyword) {
          const name = (callee as TS.PropertyAccessExpression).name.text;
          const method = methods.get(name);
          if (method && name !== unit.name) called.set(name, methodValue(method));
        }
      }
      syntax.ts.forEachChild(node, visit);
    };
    syntax.ts.forEachChild(fn, visit);
    if (called.size > 0) unit.ownCalls = [...called].sort((x, y) => (x[0] < y[0] ? -1 : 1));
  }
}

/** The file's top-level classes, with what they extend, and for those holding helpers, their private and static members. */
function classFacts(
  syntax: Syntax,
  sourceFile: TS.SourceFile,
  file: string,
  classes: TS.ClassDeclaration[],
  values: Map<number, ModuleValue>,
  members: Map<HelperUnit, TS.Node>,
): ClassFact[] {
  const { K } = syntax;
  const declared = new Set(classes.map((declaration) => declaration.name!.text));
  const withHelpers = new Set([...members.keys()].map((unit) => unit.qualifier));
  return classes.map((declaration) => {
    const name = declaration.name!.text;
    const base = baseOf(syntax, declaration, file, values, declared);
    const fact: ClassFact = { name };
    if (hasModifier(declaration, K.ExportKeyword) && hasModifier(declaration, K.DefaultKeyword)) fact.default = true;
    if (base !== undefined) fact.base = base;
    if (!withHelpers.has(name)) return fact;
    const privates: string[] = [];
    const statics: string[] = [];
    for (const member of declaration.members) {
      if (member.kind !== K.MethodDeclaration && member.kind !== K.PropertyDeclaration) continue;
      const memberName = nameText(syntax, sourceFile, member.name);
      if (memberName === undefined) continue;
      if (member.name!.kind === K.PrivateIdentifier || hasModifier(member, K.PrivateKeyword)) privates.push(memberName);
      if (hasModifier(member, K.StaticKeyword)) statics.push(memberName);
    }
    if (privates.length > 0) fact.private = privates;
    if (statics.length > 0) fact.static = statics;
    return fact;
  });
}

/** What `class X extends Y` extends: a class of the file, or an import (`Y`, `ns.Y`); undefined for anything else (a mixin call). */
function baseOf(syntax: Syntax, declaration: TS.ClassDeclaration, file: string, values: Map<number, ModuleValue>, declared: Set<string>): string | undefined {
  const { K } = syntax;
  const clause = declaration.heritageClauses?.find((heritage) => heritage.token === K.ExtendsKeyword);
  const expression = clause?.types[0] && unwrap(syntax, clause.types[0].expression);
  if (expression?.kind === K.Identifier) {
    const name = (expression as TS.Identifier).text;
    if (declared.has(name)) return `${IMPORT_VALUE}${moduleOfFile(file)}#${name}`;
    const bound = values.get(hashText(name) | 0);
    const value = bound?.[0] === name ? valueOf(bound) : undefined;
    return value?.startsWith(IMPORT_VALUE) ? value : undefined;
  }
  if (expression?.kind === K.PropertyAccessExpression) {
    const { expression: namespace, name } = expression as TS.PropertyAccessExpression;
    if (namespace.kind !== K.Identifier) return undefined;
    const bound = values.get(hashText((namespace as TS.Identifier).text) | 0);
    const value = bound?.[0] === (namespace as TS.Identifier).text ? valueOf(bound) : undefined;
    return value?.startsWith(IMPORT_VALUE) && value.endsWith('#*') ? `${value.slice(0, -1)}${name.text}` : undefined;
  }
  return undefined;
}

/** Top-level calls that start a program: `main()`, `process.on('uncaughtException', ...)`, `app.listen(3000)`. */
const STARTS_PROGRAM = /^(?:process\.\w+|[\w$.]+\.listen|main|run|start|bootstrap|init)$/;
/** What a CommonJS module exports through: assigning to these is not patching another module. */
const COMMONJS_EXPORTS = new Set(['module', 'exports']);

/**
 * Whether importing the module would run it: a top-level `await`, a call that starts a program, a script (a module
 * that exports nothing) calling its own function (`download(files)`), or an assignment into an imported module
 * (`fs.readFileSync = patched`: loading it patches `fs`).
 */
function isEntryPoint(syntax: Syntax, sourceFile: TS.SourceFile): boolean {
  const { K, ts } = syntax;
  const calls: string[] = [];
  let exports = false;
  const ownFunctions = new Set<string>();
  const imported = new Set<string>();
  for (const statement of sourceFile.statements) {
    if (statement.kind === K.ExpressionStatement) {
      let expression = unwrap(syntax, (statement as TS.ExpressionStatement).expression);
      if (expression.kind === K.AwaitExpression) return true;
      if (expression.kind === K.VoidExpression) expression = unwrap(syntax, (expression as TS.VoidExpression).expression);
      if (expression.kind === K.BinaryExpression) {
        const { left, operatorToken } = expression as TS.BinaryExpression;
        const root = rootName(syntax, left);
        if (root !== undefined && COMMONJS_EXPORTS.has(root)) exports = true;
        else if (operatorToken.kind === K.EqualsToken && left.kind === K.PropertyAccessExpression && root !== undefined && imported.has(root)) return true;
        continue;
      }
      while (expression.kind === K.CallExpression && ts.isPropertyAccessExpression((expression as TS.CallExpression).expression)) {
        // `main().catch(...)`, `bootstrap().then(...)`: what is called first.
        const inner = ((expression as TS.CallExpression).expression as TS.PropertyAccessExpression).expression;
        if (inner.kind !== K.CallExpression) break;
        expression = inner;
      }
      if (expression.kind !== K.CallExpression) continue;
      const callee = (expression as TS.CallExpression).expression;
      if (STARTS_PROGRAM.test(sourceFile.text.slice(callee.getStart(sourceFile), callee.end))) return true;
      if (callee.kind === K.Identifier) calls.push((callee as TS.Identifier).text);
    } else if (statement.kind === K.FunctionDeclaration) {
      const declaration = statement as TS.FunctionDeclaration;
      if (declaration.name) ownFunctions.add(declaration.name.text);
      exports ||= hasModifier(declaration, K.ExportKeyword);
    } else if (statement.kind === K.VariableStatement) {
      exports ||= hasModifier(statement, K.ExportKeyword);
      for (const declaration of (statement as TS.VariableStatement).declarationList.declarations) {
        if (declaration.name.kind !== K.Identifier || !declaration.initializer) continue;
        const name = (declaration.name as TS.Identifier).text;
        const initializer = unwrap(syntax, declaration.initializer);
        if (initializer.kind === K.ArrowFunction || initializer.kind === K.FunctionExpression) ownFunctions.add(name);
        else if (isRequireCall(syntax, initializer)) imported.add(name);
      }
    } else if (statement.kind === K.ImportDeclaration) {
      const clause = (statement as TS.ImportDeclaration).importClause;
      if (clause?.name) imported.add(clause.name.text);
      if (clause?.namedBindings?.kind === K.NamespaceImport) imported.add((clause.namedBindings as TS.NamespaceImport).name.text);
    } else if (statement.kind === K.ExportDeclaration || statement.kind === K.ExportAssignment || hasModifier(statement, K.ExportKeyword)) {
      exports = true;
    }
  }
  // Function declarations are hoisted: `main(); function main() {}` calls its own.
  return !exports && calls.some((name) => ownFunctions.has(name));
}

/** `a` of `a.b.c` or `a['b']`; undefined for anything else. */
function rootName(syntax: Syntax, node: TS.Node): string | undefined {
  const { K } = syntax;
  let current = node;
  while (current.kind === K.PropertyAccessExpression || current.kind === K.ElementAccessExpression) current = (current as TS.PropertyAccessExpression).expression;
  return current.kind === K.Identifier ? (current as TS.Identifier).text : undefined;
}

const INITIALIZER_LENGTH = 120;

/**
 * The file's module-level variables and functions, by name hash, with what they hold: a helper that reads one
 * does something else in each module that declares its own (`const key = Symbol('env:public')`, a local
 * `logout()` that also deletes tokens). Data is kept as its initializer's text; a function as
 * `fn#<hash of its text>` (two copies calling their own, different, `logout` are not copies).
 */
/** A module value, computed only if a helper reads it (most are never read). */
type ModuleValue = [name: string, value: string | (() => string)];

const DIRNAME = hashText('__dirname') | 0;
const FILENAME = hashText('__filename') | 0;

function valueOf(entry: ModuleValue): string {
  if (typeof entry[1] === 'function') entry[1] = entry[1]();
  return entry[1];
}

/** Whether a helper's tokens contain `this` (`code`: the token code of `this`). */
function readsThis(tokens: TokenBuffer, start: number, end: number, code: number): boolean {
  for (let i = start; i < end; i++) if (tokens.ops[i] === Op.Kind && tokens.a[i] === code) return true;
  return false;
}

/** The module values of a file, which of them are functions and which are collections (see {@link moduleValuesOf}). */
interface ModuleValues {
  values: Map<number, ModuleValue>;
  functions: Set<number>;
  /** `const relations = new Set<string>()`, `const seen = []`: collections code can fill. */
  containers: Set<number>;
}

/** A module-level collection's writes, found in the text: `relations.add(`, `cache.set(`, `seen.push(`, `byId[id] =`. */
class ContainerWrites {
  private readonly positions = new Map<string, number[]>();

  constructor(private readonly text: string) {}

  /** Whether the module writes to `name` outside the text range `[start, end)`. */
  outside(name: string, start: number, end: number): boolean {
    return this.of(name).some((position) => position < start || position >= end);
  }

  private of(name: string): number[] {
    let found = this.positions.get(name);
    if (found) return found;
    found = [];
    const escaped = name.replace(/\$/g, '\\$');
    const write = new RegExp(`(?<![\\w$.])${escaped}\\s*(?:\\.\\s*(?:add|set|push|unshift|splice|delete|clear)\\s*\\(|\\[[^\\]\\n]*\\]\\s*=(?!=))`, 'g');
    for (let match = write.exec(this.text); match !== null; match = write.exec(this.text)) found.push(match.index);
    this.positions.set(name, found);
    return found;
  }
}

const CONTAINER_CLASSES = new Set(['Set', 'Map', 'WeakMap', 'WeakSet', 'Array']);

/** `new Set<string>()`, `new Map()`, `[]`, `{}`: an empty collection. */
function isEmptyCollection(syntax: Syntax, initializer: TS.Node): boolean {
  const { K } = syntax;
  if (isEmptyLiteral(syntax, initializer)) return true;
  const value = unwrap(syntax, initializer);
  if (value.kind !== K.NewExpression) return false;
  const callee = unwrap(syntax, (value as TS.NewExpression).expression);
  return callee.kind === K.Identifier && CONTAINER_CLASSES.has((callee as TS.Identifier).text) && !(value as TS.NewExpression).arguments?.length;
}

function moduleValuesOf(syntax: Syntax, sourceFile: TS.SourceFile, file: string): ModuleValues {
  const { K } = syntax;
  const values = new Map<number, ModuleValue>();
  const functions = new Set<number>();
  const containers = new Set<number>();
  // Each file's own: equal only for two files of one folder.
  const folder = () => `${LOCATION_VALUE}${path.posix.dirname(file)}`;
  values.set(DIRNAME, ['__dirname', folder]);
  values.set(FILENAME, ['__filename', `${LOCATION_VALUE}${file}`]);
  // Read for its url, dirname or a relative glob: one folder's modules resolve alike.
  values.set(IMPORT_META, [IMPORT_META_NAME, folder]);
  values.set(RELATIVE_IMPORT, [RELATIVE_IMPORT_NAME, folder]);
  for (const [name, value] of importBindings(syntax, sourceFile, file)) values.set(hashText(name) | 0, [name, value]);
  // Without its own name: two modules' functions of two names with one text are one function.
  const functionText = (node: TS.Node, from = node.getStart(sourceFile)) => () => `${FUNCTION_VALUE}${hashText(sourceFile.text.slice(from, node.end).replace(/\s+/g, ' '))}`;
  const component = isComponentFile(file);
  const state = (name: string): string => `${STATE_VALUE}${file}#${name}`;
  for (const statement of sourceFile.statements) {
    if (statement.kind === K.FunctionDeclaration) {
      const declaration = statement as TS.FunctionDeclaration;
      if (declaration.name && declaration.body) {
        const key = hashText(declaration.name.text) | 0;
        values.set(key, [declaration.name.text, functionText(declaration, declaration.name.end)]);
        functions.add(key);
      }
      continue;
    }
    if (statement.kind !== K.VariableStatement) continue;
    const declarations = (statement as TS.VariableStatement).declarationList;
    const mutable = (declarations.flags & (syntax.ts.NodeFlags.Const | syntax.ts.NodeFlags.Using)) === 0;
    for (const declaration of declarations.declarations) {
      if (declaration.name.kind !== K.Identifier) {
        // `const { filter, search } = usePreset()`: in a component, each name is instance state too.
        if (component) for (const name of boundIdentifiers(syntax, declaration.name)) values.set(hashText(name) | 0, [name, state(name)]);
        else if (!mutable) for (const [name, value] of unpackedImports(syntax, declaration, values)) values.set(hashText(name) | 0, [name, value]);
        continue;
      }
      const name = (declaration.name as TS.Identifier).text;
      const kind = declaration.initializer && unwrap(syntax, declaration.initializer).kind;
      if (kind === K.ClassExpression) continue;
      let value: ModuleValue[1];
      const initializer = declaration.initializer;
      const required = initializer && !mutable ? requiredValue(syntax, file, unwrap(syntax, initializer)) : undefined;
      if (kind === K.ArrowFunction || kind === K.FunctionExpression) value = functionText(initializer!);
      else if (required) value = required;
      // A `let` is state of its own module, whatever it starts as: two modules' are never one. In a component, so is
      // what a call makes (`const store = useStore()`, `ref(0)`, `$state(0)`): each instance's own.
      else if (mutable || (component && (kind === K.CallExpression || kind === K.NewExpression || kind === K.AwaitExpression))) value = state(name);
      else if (initializer) value = () => initializerText(syntax, sourceFile, initializer);
      else continue;
      const key = hashText(name) | 0;
      values.set(key, [name, value]);
      if (kind === K.ArrowFunction || kind === K.FunctionExpression) functions.add(key);
      else functions.delete(key);
      if (!mutable && initializer && isEmptyCollection(syntax, initializer)) containers.add(key);
      else containers.delete(key);
    }
  }
  // Svelte's `$page` is the current value of the store `page`, subscribed by each instance: component state, which
  // a module cannot read by that name.
  if (file.endsWith('.svelte')) for (const [name] of [...values.values()]) values.set(hashText(`$${name}`) | 0, [`$${name}`, state(`$${name}`)]);
  return { values, functions, containers };
}

/**
 * `const { Pool, types } = pg` where `pg` is imported: `types` is the package's export as much as
 * `import { types } from 'pg'` is.
 */
function unpackedImports(syntax: Syntax, declaration: TS.VariableDeclaration, values: Map<number, ModuleValue>): Array<[string, string]> {
  const { K } = syntax;
  const source = declaration.initializer && unwrap(syntax, declaration.initializer);
  if (declaration.name.kind !== K.ObjectBindingPattern || source?.kind !== K.Identifier) return [];
  const imported = values.get(hashText((source as TS.Identifier).text) | 0);
  const value = imported && valueOf(imported);
  if (!value?.startsWith(IMPORT_VALUE)) return [];
  const module = value.replace(/#(?:\*|default)$/, '');
  const unpacked: Array<[string, string]> = [];
  for (const element of (declaration.name as TS.ObjectBindingPattern).elements) {
    const property = element.propertyName ?? element.name;
    if (element.dotDotDotToken || element.name.kind !== K.Identifier || property.kind !== K.Identifier) continue;
    const exported = (property as TS.Identifier).text;
    unpacked.push([(element.name as TS.Identifier).text, module === value ? `${value}.${exported}` : `${module}#${exported}`]);
  }
  return unpacked;
}

/** The names a destructuring pattern binds: `{ a, b: { c }, ...rest }` binds `a`, `c` and `rest`. */
function boundIdentifiers(syntax: Syntax, name: TS.BindingName): string[] {
  const { K } = syntax;
  if (name.kind === K.Identifier) return [(name as TS.Identifier).text];
  const names: string[] = [];
  for (const element of (name as TS.ObjectBindingPattern | TS.ArrayBindingPattern).elements) {
    if (element.kind === K.BindingElement) names.push(...boundIdentifiers(syntax, (element as TS.BindingElement).name));
  }
  return names;
}

/**
 * Names bound by imports, each with `import#<module>#<export>`: a relative module resolved from the project root
 * and without its extension, an alias such as `@/pages/x` as the path below it, a package by its name and subpath: `dataGuard` from `./types.js` of one connector is another value than the
 * same import in another connector.
 */
/**
 * Specifiers of the project's own modules through an alias: `@/pages/x` and `~/lib/y` (tsconfig paths), `#internal/z`
 * (package imports), SvelteKit's `$lib/z` and `kit.alias` entries (`$database/x`).
 */
const LOCAL_ALIAS = /^(?:@\/|~\/|#|\$(?=[\w-]+\/))/;
/**
 * The module a bare specifier names, with its subpath: `@libsql/client/http` and `@libsql/client/node` are two
 * platforms' clients, `fs` and `fs/promises` two APIs. `node:fs` is `fs`.
 */
function packageModuleOf(specifier: string): string {
  return specifier.replace(/^node:/, '').replace(/\.[cm]?js$/, '');
}

/** A stylesheet, image, font or data file: `./index.module.scss`, `./logo.svg`. */
const ASSET = /\.(?:css|scss|sass|less|styl|svg|png|jpe?g|gif|webp|avif|ico|bmp|woff2?|ttf|otf|eot|json|ya?ml|html?|md|mdx|txt|wasm)(?:\?.*)?$/i;

function isLocalSpecifier(specifier: string): boolean {
  return specifier.startsWith('.') || LOCAL_ALIAS.test(specifier);
}

/**
 * What an import binds: an alias is kept as `~` and the path below it (`@/shared/schema` may be `../../shared/schema`
 * elsewhere); a package is kept as written (`useContext` from 'react' and from 'solid-js' are two functions).
 */
function importValue(file: string, specifier: string, exported: string): string {
  const module = specifier.startsWith('.')
    ? moduleOfFile(path.posix.join(path.posix.dirname(file), specifier))
    : LOCAL_ALIAS.test(specifier)
      ? `~${specifier.replace(LOCAL_ALIAS, '')}`.replace(/\.(?:[cm]?[jt]sx?)$/, '').replace(/\/index$/, '')
      : `pkg:${packageModuleOf(specifier)}`;
  return `${IMPORT_VALUE}${module}#${exported}`;
}

/** `require('pkg')` (the module object, as `import pkg from 'pkg'` binds it) and `require('pkg').name`. */
function requiredValue(syntax: Syntax, file: string, initializer: TS.Node): (() => string) | undefined {
  const { K } = syntax;
  let node = initializer;
  let exported = '*';
  if (node.kind === K.PropertyAccessExpression) {
    exported = (node as TS.PropertyAccessExpression).name.text;
    node = unwrap(syntax, (node as TS.PropertyAccessExpression).expression);
  }
  if (!isRequireCall(syntax, node)) return undefined;
  const [argument] = (node as TS.CallExpression).arguments;
  if (argument?.kind !== K.StringLiteral) return undefined;
  const specifier = (argument as TS.StringLiteral).text;
  if (ASSET.test(specifier)) return undefined;
  // A local module's `module.exports` is what an ES module's default import of it gives.
  if (exported === '*' && isLocalSpecifier(specifier)) exported = 'default';
  return () => importValue(file, specifier, exported);
}

function importBindings(syntax: Syntax, sourceFile: TS.SourceFile, file: string): ModuleValue[] {
  const { K } = syntax;
  const bindings: ModuleValue[] = [];
  for (const statement of sourceFile.statements) {
    if (statement.kind !== K.ImportDeclaration) continue;
    const declaration = statement as TS.ImportDeclaration;
    const clause = declaration.importClause;
    if (!clause || clause.isTypeOnly || declaration.moduleSpecifier.kind !== K.StringLiteral) continue;
    const specifier = (declaration.moduleSpecifier as TS.StringLiteral).text;
    // Stylesheets, images and other assets come along with whichever copy is kept.
    if (ASSET.test(specifier)) continue;
    const local = isLocalSpecifier(specifier);
    const value = (exported: string) => () => importValue(file, specifier, exported);
    // `import fs from 'fs'` and `import * as fs from 'fs'` are one module object (CommonJS interop).
    if (clause.name) bindings.push([clause.name.text, value(local ? 'default' : '*')]);
    const named = clause.namedBindings;
    if (named?.kind === K.NamespaceImport) bindings.push([named.name.text, value('*')]);
    if (named?.kind === K.NamedImports) {
      for (const element of named.elements) {
        if (element.isTypeOnly) continue;
        const exported = (element.propertyName ?? element.name).text;
        // `import { format } from 'date-fns/format'` is `import format from 'date-fns/format'`: the module is the function.
        bindings.push([element.name.text, value(!local && exported === lastSegment(specifier) ? '*' : exported)]);
      }
    }
  }
  return bindings;
}

/** The last segment of a package's subpath: `date-fns/format` -> `format`; `lodash` and `@scope/pkg` have none. */
function lastSegment(specifier: string): string | undefined {
  const segments = specifier.split('/');
  if (segments.length < (specifier.startsWith('@') ? 3 : 2)) return undefined;
  return segments[segments.length - 1]!.replace(/\.[cm]?js$/, '');
}

/** An empty container's type arguments say nothing about its value: `new Map<A, B>()` is `new Map()`. */
function initializerText(syntax: Syntax, sourceFile: TS.SourceFile, initializer: TS.Expression): string {
  const value = unwrap(syntax, initializer);
  const text = (node: TS.Node) => sourceFile.text.slice(node.getStart(sourceFile), node.end).replace(/\s+/g, ' ');
  if (value.kind === syntax.K.NewExpression && !(value as TS.NewExpression).arguments?.length) return `new ${text((value as TS.NewExpression).expression)}()`;
  return text(initializer).slice(0, INITIALIZER_LENGTH);
}

function nameRange(sourceFile: TS.SourceFile, pending: PendingUnit) {
  if (pending.hint.nameNode) return rangeOf(sourceFile, pending.hint.nameNode);
  const start = pending.fn.getStart(sourceFile);
  const lineEnd = sourceFile.text.indexOf('\n', start);
  return rangeBetween(sourceFile, start, lineEnd < 0 || lineEnd > pending.fn.end ? pending.fn.end : lineEnd);
}

function isGenerated(text: string): boolean {
  const head = text.slice(0, 1000);
  const comment = head.match(/^\s*(?:#![^\n]*\n\s*)?((?:\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)+)/);
  if (comment === null) return false;
  const block = comment[1]!;
  return GENERATED_MARKER.test(block) || VENDORED_FROM.test(block) || (VENDORED_NOTE.test(block) && URL_IN_COMMENT.test(block));
}

/**
 * The start of each statement as one line: whitespace collapsed, a compound statement cut after its
 * header (`if (a && b)`), shortened to {@link SNIPPET_STORED} characters.
 */
function snippets(text: string, spans: number[]): string[] {
  const result: string[] = [];
  for (let i = 0; i < spans.length; i += 2) {
    const rawEnd = spans[i + 1]!;
    const expressionBody = rawEnd < 0;
    const end = expressionBody ? ~rawEnd : rawEnd;
    const start = skipTrivia(text, spans[i]!, end);
    let line = text.slice(start, Math.min(end, start + SNIPPET_STORED * 2)).replace(/\s+/g, ' ').trim();
    line = headerOf(line);
    if (expressionBody) line = `=> ${line}`;
    result.push(line.length > SNIPPET_STORED ? `${line.slice(0, SNIPPET_STORED - 1).trimEnd()}…` : line);
  }
  return result;
}

const COMPOUND = /^(?:if|for|while|switch|catch|with)\b|^(?:else|try|do|finally)\b/;

/** `if (a) { ... }` -> `if (a)`; other statements unchanged. */
function headerOf(line: string): string {
  if (!COMPOUND.test(line)) return line;
  const open = line.indexOf('(');
  if (open < 0) return line.replace(/\s*\{.*$/, '');
  let depth = 0;
  for (let i = open; i < line.length; i++) {
    const char = line[i];
    if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return line.slice(0, i + 1);
  }
  return line;
}

function skipTrivia(text: string, position: number, end: number): number {
  let i = position;
  while (i < end) {
    const char = text.charCodeAt(i);
    if (char === 32 || char === 9 || char === 10 || char === 13 || char === 0xfeff || char === 0xa0) {
      i++;
    } else if (char === 47 && text.charCodeAt(i + 1) === 47) {
      const newline = text.indexOf('\n', i);
      i = newline < 0 ? end : newline + 1;
    } else if (char === 47 && text.charCodeAt(i + 1) === 42) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? end : close + 2;
    } else {
      break;
    }
  }
  return i;
}

const SIGNATURE_STORED = 120;

/** What comes before a function's body but its name: `async ({ pixelId }: Props)`, `*(items, limit = 10)`. */
function signatureOf(syntax: Syntax, sourceFile: TS.SourceFile, fn: TS.Node): string {
  const { K } = syntax;
  const declaration = fn as TS.FunctionLikeDeclaration;
  const text = sourceFile.text;
  const asynchronous = declaration.modifiers?.some((modifier) => modifier.kind === K.AsyncKeyword) ? 'async ' : '';
  const generator = declaration.asteriskToken ? '*' : '';
  const { pos, end } = declaration.parameters;
  // The list between its parentheses: an arrow's lone parameter (`x => ...`) has none, and is shown with them.
  return `${asynchronous}${generator}(${text.slice(pos, end).trim()})`.replace(/\s+/g, ' ').slice(0, SIGNATURE_STORED);
}
