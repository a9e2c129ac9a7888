import type * as TS from 'typescript';
import { isComponentFile } from '../../project/components.js';
import { hashText } from './hash.js';
import { importSpecifierOf, mayNameProjectFile } from './import-specifiers.js';
import { nameKey } from './names.js';
import type { Syntax } from './syntax.js';
import { LITERAL_PATH, MARK_OPTIONAL, Op, TokenBuffer } from './tokens.js';
import { hasModifier, isTrivialBody, nameText, unwrap, type FunctionLike, type UnitHint } from './units.js';

/** A helper found in the file, with the slice of the token stream that holds its parameters and body. */
export interface PendingUnit {
  fn: FunctionLike;
  hint: UnitHint;
  start: number;
  end: number;
  /** Index of the enclosing helper in the file's list, or -1. */
  parent: number;
  nameHash: number;
  /** The function that is not a helper (an IIFE, a callback, a getter) it is nested in, if any. */
  scope?: AnonymousScope;
  /** Hash of the type a type guard claims (`value is object`). */
  guard?: number;
  /** Hash of each parameter's type annotation (0: none, `any` or `unknown`), when one has one. */
  parameterTypes?: number[];
}

/**
 * A function that is not a helper, holding helpers: what it declares (parameters and locals, and those of the
 * scopes around it) is what its helpers may capture. Computed when first asked.
 */
export class AnonymousScope {
  private names: Set<number> | undefined;

  constructor(
    private readonly syntax: Syntax,
    private readonly fn: TS.Node,
    private readonly outer: AnonymousScope | undefined,
  ) {}

  declaredNames(): Set<number> {
    if (this.names) return this.names;
    const names = new Set<number>(this.outer?.declaredNames());
    const { K, ts } = this.syntax;
    const visit = (node: TS.Node, depth: number): void => {
      if (depth > MAX_DEPTH) return;
      const kind = node.kind;
      if (kind === K.Identifier) {
        names.add(hashText((node as TS.Identifier).text) | 0);
        return;
      }
      if (kind === K.VariableDeclaration || kind === K.Parameter || kind === K.BindingElement) {
        visit((node as TS.VariableDeclaration).name, depth + 1);
        const initializer = (node as TS.VariableDeclaration).initializer;
        if (initializer) collect(initializer, depth + 1);
        return;
      }
      if (kind === K.ObjectBindingPattern || kind === K.ArrayBindingPattern) {
        ts.forEachChild(node, (child) => visit(child, depth + 1));
        return;
      }
      collect(node, depth);
    };
    // Declarations anywhere in the body except inside nested functions, whose locals are their own.
    const collect = (node: TS.Node, depth: number): void => {
      if (depth > MAX_DEPTH) return;
      const kind = node.kind;
      if (kind === K.VariableDeclaration || kind === K.Parameter) return visit(node, depth);
      if ((kind === K.FunctionDeclaration || kind === K.ClassDeclaration) && (node as TS.FunctionDeclaration).name) {
        names.add(hashText((node as TS.FunctionDeclaration).name!.text) | 0);
      }
      if (this.syntax.functionLike[kind] || kind === K.ClassDeclaration || kind === K.ClassExpression) return;
      ts.forEachChild(node, (child) => collect(child, depth + 1));
    };
    ts.forEachChild(this.fn, (child) => collect(child, 1));
    this.names = names;
    return names;
  }
}

export interface EmittedFile {
  units: PendingUnit[];
  /** Module specifiers of imports, re-exports and `require`s that may name project files. */
  imports: string[];
  /** Top-level names exported by `export { a }`, `export default a`, `module.exports = { a }`. */
  exportedNames: Set<string>;
  /** Names declared by `export const` / `export let`. */
  exportedVariables: Set<string>;
}

/** Deeper than this, a function's tokens are cut (a marker stands for the rest): no stack overflow. */
const MAX_DEPTH = 220;

/**
 * The names a module's location is read under: `import.meta`, and a relative `import()` (not identifiers: no
 * binding can have them).
 */
export const IMPORT_META_NAME = 'import.meta';
export const IMPORT_META = hashText(IMPORT_META_NAME) | 0;
export const RELATIVE_IMPORT_NAME = 'import()';
export const RELATIVE_IMPORT = hashText(RELATIVE_IMPORT_NAME) | 0;
const LITERAL_STRING = hashText('literal:string') | 0;
const LITERAL_NUMBER = hashText('literal:number') | 0;
const LITERAL_REGEX = hashText('literal:regex') | 0;
const PATH_TEXT = /^(?:\/[A-Za-z_][\w.-]*(?:\/|$)|https?:\/\/\S)/;
/** A template's relative path before its first value: `files/${key}`, `v1/users/${id}` (an API client's endpoint). */
const RELATIVE_PATH_HEAD = /^[A-Za-z_][\w.-]*(?:\/[\w.-]+)*\/$/;
const MARK_ELSE = hashText('mark:else') | 0;
const MARK_FINALLY = hashText('mark:finally') | 0;
const MARK_ASYNC = hashText('mark:async') | 0;
const MARK_GENERATOR = hashText('mark:generator') | 0;
const MARK_REST = hashText('mark:rest') | 0;
const MARK_DEEP = hashText('mark:too-deep') | 0;

/** `onopen`, `onmessage`, `onload`...: DOM, WebSocket, XHR, worker and IndexedDB event handler properties. */
const EVENT_HANDLER_PROPERTY =
  /^on(?:open|close|message|messageerror|error|load|loadstart|loadend|abort|progress|timeout|readystatechange|change|input|click|submit|keydown|keyup|resize|scroll|success|upgradeneeded|blocked|versionchange|complete|connect|disconnect|data|end|ready)$/;
const CONFIG_FILE = /\.config\.[cm]?[jt]sx?$/;
/** What wraps a Vue component's options: `defineComponent({ ... })`, `Vue.extend({ ... })`. */
const COMPONENT_DEFINER = /^(?:defineComponent|defineNuxtComponent|extend)$/;
/**
 * Options of a Vue component that the framework calls (lifecycle hooks, `data`, `setup`, `render`) or that hold
 * callbacks (`watch`): never helpers. `methods` and `computed` hold the component's own functions.
 */
const FRAMEWORK_OPTIONS = new Set([
  'data', 'setup', 'render', 'beforeCreate', 'created', 'beforeMount', 'mounted', 'beforeUpdate', 'updated', 'beforeUnmount',
  'unmounted', 'beforeDestroy', 'destroyed', 'activated', 'deactivated', 'errorCaptured', 'renderTracked', 'renderTriggered',
  'serverPrefetch', 'watch', 'props', 'emits', 'provide', 'inject', 'head', 'asyncData', 'fetch', 'validate', 'middleware',
]);

/** Children of JSX, `case` labels and discriminants: their literals are part of the shape. */
const FIXED_LITERALS = 1;

const buffer = new TokenBuffer();

/**
 * Walks one file: an explicit stack over module-level code (any depth), and a depth-guarded recursion
 * inside each helper that writes its tokens. Helpers nested in helpers are recorded as slices.
 */
export class FileEmitter {
  readonly tokens = buffer;
  private readonly K: typeof TS.SyntaxKind;
  private readonly hints = new Map<TS.Node, UnitHint>();
  private readonly units: PendingUnit[] = [];
  private readonly imports = new Set<string>();
  private readonly exportedNames = new Set<string>();
  private readonly exportedVariables = new Set<string>();
  /** Methods written in object literals (`{ decode(data) {} }`), as opposed to class methods. */
  private readonly objectMethods = new Set<TS.Node>();
  private currentUnit = -1;
  /** While the module walk is in a body that is no unit of its own (see `noteCallbacks`). */
  private inFunctionBody = false;
  /**
   * Names bound so far in the enclosing functions (name hash -> count), and the fresh identity of a parameter
   * that shadows one of them: `const attribute = list.find((attribute) => ...)` binds two variables, as
   * `const found = list.find((attribute) => ...)` does, so that a copy that renamed one is still a renamed copy.
   */
  private readonly boundAbove = new Map<number, number>();
  private readonly shadowing = new Map<number, number>();
  private bindingParameters = false;
  /** What the function being emitted bound and shadowed, undone when it ends; undefined at module level. */
  private frame: { binds: number[]; shadowed: Array<[number, number | undefined]> } | undefined;
  /** The non-helper function around the module-level helper being emitted. */
  private currentScope: AnonymousScope | undefined;
  /** Normalized name of the innermost helper: literals spelling it out are its identity, not data. */
  private currentNameKey = '';
  /** Members of object literals passed to calls (`defineConfig({ onSuccess() {} })`): callbacks, not helpers. */
  private readonly callbackMembers = new Set<TS.Node>();
  /** The methods a class declares itself, by each of its methods. */
  private readonly ownMethodsOf = new Map<TS.Node, ReadonlySet<string>>();
  /** Object literals inside an array or another object: `steps: [{ title, prepare() {} }]`. */
  private readonly nestedObjects = new Set<TS.Node>();
  // State of the recursion, saved and restored around each child list (avoids a closure per node).
  private childDepth = 0;
  private childFlags = 0;
  private childParent: TS.Node | undefined;
  private skipChild: TS.Node | undefined;
  private readonly visitChild = (child: TS.Node): undefined => {
    if (child !== this.skipChild) this.node(child, this.childParent!, this.childDepth, this.childFlags);
    return undefined;
  };

  /**
   * A tool's configuration (`vite.config.ts`, `web-test-runner.config.js`): the functions of its objects are hooks,
   * and the function it exports is the configuration.
   */
  private readonly configFile: boolean;
  /** A Vue, Svelte or Astro component (its scripts, see `componentScriptText`). */
  private readonly component: boolean;

  constructor(
    private readonly syntax: Syntax,
    private readonly sourceFile: TS.SourceFile,
  ) {
    this.K = syntax.K;
    this.configFile = CONFIG_FILE.test(sourceFile.fileName);
    this.component = isComponentFile(sourceFile.fileName);
    buffer.reset();
  }

  run(): EmittedFile {
    this.discover();
    return { units: this.units, imports: [...this.imports].sort(), exportedNames: this.exportedNames, exportedVariables: this.exportedVariables };
  }

  // ---- module-level discovery (explicit stack) -------------------------------------------------------

  private discover(): void {
    const { K, syntax } = this;
    const nodes: TS.Node[] = [this.sourceFile];
    const containers: (string | undefined)[] = [undefined];
    const scopes: (AnonymousScope | undefined)[] = [undefined];
    let childScope: AnonymousScope | undefined;
    const push = (child: TS.Node, container: string | undefined): void => {
      nodes.push(child);
      containers.push(container);
      scopes.push(childScope);
    };
    while (nodes.length) {
      const node = nodes.pop()!;
      const container = containers.pop();
      const scope = scopes.pop();
      const kind = node.kind;
      childScope = scope;
      if (syntax.functionLike[kind] || kind === K.GetAccessor || kind === K.SetAccessor || kind === K.Constructor) {
        const hint = syntax.functionLike[kind] ? this.unitHint(node as FunctionLike, container) : undefined;
        if (hint) {
          this.currentScope = scope;
          this.func(node as FunctionLike, 0, 0, hint);
          this.currentScope = undefined;
          continue;
        }
        if ((node as TS.FunctionLikeDeclaration).body) childScope = new AnonymousScope(syntax, node, scope);
      }
      this.noteModuleFacts(node);
      // In the body of a getter, a constructor or a callback: objects built there are built inside a function.
      this.inFunctionBody = scope !== undefined;
      this.noteCallbacks(node);
      this.inFunctionBody = false;
      this.noteBinding(node, container, true);
      if (kind === K.ModuleDeclaration && hasModifier(node, K.DeclareKeyword)) continue;
      let childContainer: string | undefined;
      if (kind === K.ClassDeclaration || kind === K.ClassExpression) {
        childContainer = nameText(syntax, this.sourceFile, (node as TS.ClassLikeDeclaration).name);
        this.noteOwnMethods(node as TS.ClassLikeDeclaration);
      } else if (kind === K.ObjectLiteralExpression) {
        childContainer = container;
        for (const property of (node as TS.ObjectLiteralExpression).properties) if (property.kind === K.MethodDeclaration) this.objectMethods.add(property);
      } else if (kind === K.VariableDeclaration) {
        childContainer = nameText(syntax, this.sourceFile, (node as TS.VariableDeclaration).name);
      }
      const before = nodes.length;
      this.syntax.ts.forEachChild(node, (child) => push(child, childContainer));
      // Reverse the pushed children so that they are visited in source order.
      for (let i = before, j = nodes.length - 1; i < j; i++, j--) {
        [nodes[i], nodes[j]] = [nodes[j]!, nodes[i]!];
        [containers[i], containers[j]] = [containers[j], containers[i]];
      }
    }
  }

  private noteOwnMethods(node: TS.ClassLikeDeclaration): void {
    const methods = node.members.filter((member) => member.kind === this.K.MethodDeclaration);
    const names = new Set<string>();
    for (const method of methods) {
      const name = nameText(this.syntax, this.sourceFile, method.name);
      if (name !== undefined) names.add(name);
    }
    for (const method of methods) this.ownMethodsOf.set(method, names);
  }

  /** Imports, re-exports and export lists, seen at module level. */
  private noteModuleFacts(node: TS.Node): void {
    const { K } = this;
    const kind = node.kind;
    this.noteImport(node);
    if (kind === K.ExportDeclaration && !(node as TS.ExportDeclaration).moduleSpecifier) {
      const clause = (node as TS.ExportDeclaration).exportClause;
      if (clause && clause.kind === K.NamedExports) {
        for (const element of clause.elements) this.exportedNames.add((element.propertyName ?? element.name).text);
      }
    } else if (kind === K.ExportAssignment) {
      const expression = unwrap(this.syntax, (node as TS.ExportAssignment).expression);
      if (expression.kind === K.Identifier) this.exportedNames.add((expression as TS.Identifier).text);
    } else if (kind === K.BinaryExpression) {
      // module.exports = { a, b: c } / module.exports = a
      const binary = node as TS.BinaryExpression;
      if (binary.operatorToken.kind === K.EqualsToken && this.isModuleExports(binary.left)) {
        const right = unwrap(this.syntax, binary.right);
        if (right.kind === K.Identifier) this.exportedNames.add((right as TS.Identifier).text);
        if (right.kind === K.ObjectLiteralExpression) {
          for (const property of (right as TS.ObjectLiteralExpression).properties) {
            if (property.kind === K.ShorthandPropertyAssignment) this.exportedNames.add(property.name.text);
            else if (property.kind === K.PropertyAssignment) {
              const value = unwrap(this.syntax, property.initializer);
              if (value.kind === K.Identifier) this.exportedNames.add((value as TS.Identifier).text);
            }
          }
        }
      }
    }
  }

  /**
   * Marks the members of object literals that are call arguments, and of object literals nested in them,
   * directly, as array elements (`build({ plugins: [{ setup() {} }] })`) or returned by an arrow.
   */
  private noteCallbacks(node: TS.Node): void {
    const { K } = this;
    const kind = node.kind;
    if (kind === K.CallExpression || kind === K.NewExpression) {
      const call = node as TS.CallExpression;
      const options = this.component && kind === K.CallExpression ? this.componentOptionsOf(call) : undefined;
      for (const argument of call.arguments ?? []) {
        if (argument === options) this.noteComponentOptions(options);
        else this.markCallbackObjects(argument);
      }
    } else if (kind === K.ExportAssignment && this.component) {
      // A Vue component's options: `export default { methods: { ... } }`.
      const value = unwrap(this.syntax, (node as TS.ExportAssignment).expression);
      if (value.kind === K.ObjectLiteralExpression) this.noteComponentOptions(value as TS.ObjectLiteralExpression);
    } else if (kind === K.JsxAttribute) {
      // `<Table columns={[{ title: 'Name', render: (row) => ... }]} />`: props are arguments too.
      const initializer = (node as TS.JsxAttribute).initializer;
      if (initializer?.kind === K.JsxExpression && (initializer as TS.JsxExpression).expression) this.markCallbackObjects((initializer as TS.JsxExpression).expression!);
    } else if (kind === K.ArrayLiteralExpression) {
      for (const element of (node as TS.ArrayLiteralExpression).elements) if (element.kind === K.ObjectLiteralExpression) this.nestedObjects.add(element);
    } else if (kind === K.ObjectLiteralExpression) {
      const object = node as TS.ObjectLiteralExpression;
      const configuration =
        this.callbackMembers.has(node) ||
        this.configFile ||
        ((this.currentUnit >= 0 || this.inFunctionBody || this.nestedObjects.has(node)) && this.holdsData(object));
      if (configuration) this.callbackMembers.add(node);
      for (const property of object.properties) {
        if (configuration) {
          this.callbackMembers.add(property);
          if (property.kind === K.PropertyAssignment) this.markCallbackObjects(property.initializer);
        } else if (property.kind === K.PropertyAssignment && property.initializer.kind === K.ObjectLiteralExpression) {
          this.nestedObjects.add(property.initializer);
        }
      }
    }
  }

  /** The options object of `defineComponent({ ... })` / `Vue.extend({ ... })` in a component. */
  private componentOptionsOf(call: TS.CallExpression): TS.ObjectLiteralExpression | undefined {
    const { K } = this;
    const callee = unwrap(this.syntax, call.expression);
    const name =
      callee.kind === K.Identifier ? (callee as TS.Identifier).text : callee.kind === K.PropertyAccessExpression ? (callee as TS.PropertyAccessExpression).name.text : undefined;
    const first = call.arguments[0] && unwrap(this.syntax, call.arguments[0]);
    return name !== undefined && COMPONENT_DEFINER.test(name) && first?.kind === K.ObjectLiteralExpression ? (first as TS.ObjectLiteralExpression) : undefined;
  }

  /** The framework's options of a Vue component are callbacks; its `methods` and `computed` stay helpers. */
  private noteComponentOptions(options: TS.ObjectLiteralExpression): void {
    const { K } = this;
    for (const property of options.properties) {
      const name = property.name && nameText(this.syntax, this.sourceFile, property.name);
      if (name === undefined || !FRAMEWORK_OPTIONS.has(name)) continue;
      this.callbackMembers.add(property);
      if (property.kind === K.PropertyAssignment) this.markCallbackObjects(property.initializer);
    }
  }

  /**
   * An object built inside a function, or nested in another object or an array, that holds literal data beside
   * its functions (`{ title: 'Name', dataIndex: 'name', render: (row) => ... }`, a tour's `steps: [{ element:
   * '#menu', prepare() {} }]`) is configuration: its functions are callbacks.
   */
  private holdsData(object: TS.ObjectLiteralExpression): boolean {
    const { K } = this;
    let data = false;
    let functions = false;
    for (const property of object.properties) {
      if (property.kind === K.MethodDeclaration) functions = true;
      if (property.kind !== K.PropertyAssignment) continue;
      const value = unwrap(this.syntax, (property as TS.PropertyAssignment).initializer);
      const kind = value.kind;
      if (kind === K.ArrowFunction || kind === K.FunctionExpression) functions = true;
      else if (isText(this.syntax, value) || kind === K.NumericLiteral || kind === K.TrueKeyword || kind === K.FalseKeyword || this.isTranslated(value)) data = true;
    }
    return data && functions;
  }

  /** A translated text: `t('Name')`, `_(msg\`Team Member\`)`, `intl.formatMessage({ id })`. */
  private isTranslated(node: TS.Node): boolean {
    const { K } = this;
    if (node.kind !== K.CallExpression) return false;
    const call = node as TS.CallExpression;
    const callee = unwrap(this.syntax, call.expression);
    const name = callee.kind === K.Identifier ? (callee as TS.Identifier).text : callee.kind === K.PropertyAccessExpression ? (callee as TS.PropertyAccessExpression).name.text : undefined;
    const [first] = call.arguments;
    return name !== undefined && TRANSLATE.has(name) && first !== undefined && (isText(this.syntax, unwrap(this.syntax, first)) || first.kind === K.ObjectLiteralExpression);
  }

  private markCallbackObjects(expression: TS.Expression): void {
    const { K } = this;
    const value = unwrap(this.syntax, expression);
    if (value.kind === K.ObjectLiteralExpression) {
      this.callbackMembers.add(value);
    } else if (value.kind === K.ArrayLiteralExpression) {
      for (const element of (value as TS.ArrayLiteralExpression).elements) {
        const item = unwrap(this.syntax, element);
        if (item.kind === K.ObjectLiteralExpression) this.callbackMembers.add(item);
      }
    } else if (value.kind === K.ArrowFunction) {
      // A factory of the configuration: `@Scopes(() => ({ withUser: () => ({...}) }))`, `defineConfig(() => ({...}))`.
      const body = unwrap(this.syntax, (value as TS.ArrowFunction).body);
      if (body.kind === K.ObjectLiteralExpression) this.callbackMembers.add(body);
    }
  }

  private noteImport(node: TS.Node): void {
    const specifier = importSpecifierOf(this.syntax, node);
    if (specifier !== undefined && mayNameProjectFile(specifier)) this.imports.add(specifier);
  }

  /** `import(\`./${name}.js\`)` resolves from where its module is, as a relative `import.meta.glob` does. */
  private importsRelatively(call: TS.CallExpression): boolean {
    const { K } = this;
    if (call.expression.kind !== K.ImportKeyword) return false;
    const specifier = call.arguments[0];
    if (!specifier) return false;
    const text =
      specifier.kind === K.TemplateExpression
        ? (specifier as TS.TemplateExpression).head.text
        : specifier.kind === K.StringLiteral || specifier.kind === K.NoSubstitutionTemplateLiteral
          ? (specifier as TS.StringLiteral).text
          : '';
    return text.startsWith('./') || text.startsWith('../');
  }

  private isModuleExports(node: TS.Node): boolean {
    const { K } = this;
    if (node.kind !== K.PropertyAccessExpression) return false;
    const access = node as TS.PropertyAccessExpression;
    return access.name.text === 'exports' && access.expression.kind === K.Identifier && (access.expression as TS.Identifier).text === 'module';
  }

  /**
   * Records the name a function gets from where it is bound: `const f = () => {}`, `{ f: function () {} }`,
   * a class field `f = () => {}`, `exports.f = function () {}`, `export default () => {}`.
   */
  private noteBinding(node: TS.Node, container: string | undefined, moduleLevel: boolean): void {
    const { K, syntax } = this;
    const kind = node.kind;
    if (kind === K.VariableStatement && moduleLevel) {
      const exported = hasModifier(node, K.ExportKeyword);
      for (const declaration of (node as TS.VariableStatement).declarationList.declarations) {
        if (exported && declaration.name.kind === K.Identifier) this.exportedVariables.add((declaration.name as TS.Identifier).text);
        this.hintInitializer(declaration.initializer, declaration.name, exported, undefined, false);
      }
    } else if (kind === K.VariableDeclaration) {
      const declaration = node as TS.VariableDeclaration;
      this.hintInitializer(declaration.initializer, declaration.name, false, undefined, false);
    } else if (kind === K.PropertyAssignment) {
      if (this.callbackMembers.has(node)) return;
      const property = node as TS.PropertyAssignment;
      this.hintInitializer(property.initializer, property.name, false, container, true, true);
    } else if (kind === K.PropertyDeclaration) {
      const property = node as TS.PropertyDeclaration;
      this.hintInitializer(property.initializer, property.name, false, container, true);
    } else if (kind === K.BinaryExpression) {
      const binary = node as TS.BinaryExpression;
      if (binary.operatorToken.kind !== K.EqualsToken) return;
      const left = binary.left;
      if (left.kind === K.Identifier) {
        this.hintInitializer(binary.right, left, false, undefined, false);
      } else if (left.kind === K.PropertyAccessExpression) {
        const access = left as TS.PropertyAccessExpression;
        const target = access.expression;
        // `this.socket.onopen = () => {...}`, `ws.onmessage = ...`: an event handler of another object, a callback.
        if (EVENT_HANDLER_PROPERTY.test(access.name.text) && target.kind !== K.ThisKeyword) return;
        // `module.exports = function () {}`: the module's export itself, as `export default` is.
        if (moduleLevel && this.isModuleExports(left)) return this.hintInitializer(binary.right, access.name, true, 'module', false);
        const exported =
          moduleLevel &&
          ((target.kind === K.Identifier && (target as TS.Identifier).text === 'exports') || this.isModuleExports(target));
        this.hintInitializer(binary.right, access.name, exported, exported ? undefined : this.assignedOwner(target), !exported);
      }
    } else if (kind === K.ExportAssignment && moduleLevel) {
      const value = unwrap(syntax, (node as TS.ExportAssignment).expression);
      if (value.kind === K.ArrowFunction || value.kind === K.FunctionExpression) {
        this.hints.set(value, { name: 'default', nameNode: undefined, exported: true, qualifier: undefined, member: false });
      }
    }
  }

  /** The name a member assigned to `Emitter.prototype.x` or `utils.x` is reached by: `Emitter`, `utils`. */
  private assignedOwner(target: TS.Expression): string | undefined {
    const { K } = this;
    let owner = target;
    if (owner.kind === K.PropertyAccessExpression && (owner as TS.PropertyAccessExpression).name.text === 'prototype') {
      owner = (owner as TS.PropertyAccessExpression).expression;
    }
    return owner.kind === K.Identifier ? (owner as TS.Identifier).text : undefined;
  }

  private hintInitializer(
    initializer: TS.Node | undefined,
    name: TS.Node,
    exported: boolean,
    qualifier: string | undefined,
    member: boolean,
    objectMember = false,
  ): void {
    if (!initializer) return;
    const value = unwrap(this.syntax, initializer);
    if (value.kind !== this.K.ArrowFunction && value.kind !== this.K.FunctionExpression) return;
    if (this.hints.has(value)) return;
    const text = nameText(this.syntax, this.sourceFile, name);
    if (text === undefined) return;
    this.hints.set(value, { name: text, nameNode: name, exported, qualifier, member, objectMember });
  }

  /** The hint of a function that is a helper (named, with a real body), or undefined. */
  private unitHint(fn: FunctionLike, container: string | undefined): UnitHint | undefined {
    const { K, syntax } = this;
    if (!fn.body) return undefined;
    let hint = this.hints.get(fn);
    if (!hint) {
      if (fn.kind === K.FunctionDeclaration) {
        const name = (fn as TS.FunctionDeclaration).name;
        const isDefault = hasModifier(fn, K.DefaultKeyword);
        if (!name && !isDefault) return undefined;
        hint = {
          name: name ? name.text : 'default',
          nameNode: name,
          exported: hasModifier(fn, K.ExportKeyword),
          qualifier: undefined,
          member: false,
        };
      } else if (fn.kind === K.MethodDeclaration) {
        if (this.callbackMembers.has(fn)) return undefined;
        const name = nameText(syntax, this.sourceFile, fn.name);
        if (name === undefined) return undefined;
        hint = { name, nameNode: fn.name, exported: false, qualifier: container, member: true };
        if (this.objectMethods.has(fn)) hint.objectMember = true;
      } else {
        return undefined;
      }
      this.hints.set(fn, hint);
    }
    // A tool's configuration as a function (`module.exports = function (api) {...}` in babel.config.cjs): the tool calls it.
    if (this.configFile && ((hint.qualifier === 'module' && hint.name === 'exports') || (hint.exported && hint.name === 'default'))) return undefined;
    return isTrivialBody(syntax, fn, this.ownMethodsOf.get(fn)) ? undefined : hint;
  }

  // ---- tokens of function bodies (depth-guarded recursion) ------------------------------------------

  private children(node: TS.Node, depth: number, flags: number, skip?: TS.Node): void {
    const parent = this.childParent;
    const childDepth = this.childDepth;
    const childFlags = this.childFlags;
    const skipChild = this.skipChild;
    this.childParent = node;
    this.childDepth = depth + 1;
    this.childFlags = flags;
    this.skipChild = skip;
    this.syntax.ts.forEachChild(node, this.visitChild);
    this.childParent = parent;
    this.childDepth = childDepth;
    this.childFlags = childFlags;
    this.skipChild = skipChild;
  }

  private node(node: TS.Node, parent: TS.Node, depth: number, flags: number): void {
    const { syntax, tokens } = this;
    if (depth > MAX_DEPTH) {
      tokens.push(Op.Mark, MARK_DEEP);
      return;
    }
    const kind = node.kind;
    if (syntax.typeOnly[kind]) return;
    if (syntax.ignoredModifier[kind] && parent.kind !== this.K.BinaryExpression) return;
    if (syntax.ts.isTypeNode(node)) return;
    if (syntax.statement[kind]) {
      tokens.push(Op.Statement, node.pos, node.end);
      this.inner(node, depth, flags);
      tokens.push(Op.StatementEnd, 0);
      return;
    }
    this.inner(node, depth, flags);
  }

  /** `import.meta` reads where the module is (its url, dirname, a relative glob), as `__dirname` does; `new.target` does not. */
  private metaProperty(meta: TS.MetaProperty, location: boolean): void {
    const { syntax, tokens } = this;
    tokens.push(Op.Kind, syntax.code[meta.kind]!);
    tokens.push(Op.Mark, syntax.code[meta.keywordToken]!);
    tokens.push(Op.Prop, hashText(meta.name.text));
    if (location && meta.keywordToken === syntax.ts.SyntaxKind.ImportKeyword) tokens.push(Op.Ref, IMPORT_META);
    tokens.push(Op.Close, 0);
  }

  private inner(node: TS.Node, depth: number, flags: number): void {
    const { K, syntax, tokens } = this;
    const kind = node.kind;
    const code = syntax.code[kind]!;
    switch (kind) {
      case K.Identifier:
        tokens.push(Op.Ref, this.refId((node as TS.Identifier).text));
        return;
      case K.PrivateIdentifier:
        tokens.push(Op.Prop, hashText((node as TS.PrivateIdentifier).text));
        return;
      case K.StringLiteral:
      case K.NoSubstitutionTemplateLiteral:
      case K.TemplateHead:
      case K.TemplateMiddle:
      case K.TemplateTail: {
        const text = (node as TS.LiteralLikeNode).text;
        const fixed = flags & FIXED_LITERALS || this.namesHelper(text);
        const path = PATH_TEXT.test(text) || (kind === K.TemplateHead && RELATIVE_PATH_HEAD.test(text));
        tokens.push(fixed ? Op.FixedLiteral : Op.Literal, path ? LITERAL_PATH : LITERAL_STRING, hashText(text));
        return;
      }
      case K.NumericLiteral:
      case K.BigIntLiteral:
        tokens.push(flags & FIXED_LITERALS ? Op.FixedLiteral : Op.Literal, LITERAL_NUMBER, hashText((node as TS.LiteralLikeNode).text));
        return;
      case K.RegularExpressionLiteral:
        tokens.push(Op.FixedLiteral, LITERAL_REGEX, hashText((node as TS.LiteralLikeNode).text));
        return;
      case K.JsxText: {
        const text = (node as TS.JsxText).text.trim();
        if (text) tokens.push(Op.FixedLiteral, LITERAL_STRING, hashText(text));
        return;
      }
      case K.ParenthesizedExpression:
      case K.AsExpression:
      case K.SatisfiesExpression:
      case K.NonNullExpression:
      case K.TypeAssertionExpression:
        this.node((node as TS.ParenthesizedExpression).expression, node, depth + 1, flags);
        return;
      case K.Block:
        this.children(node, depth, flags);
        return;
      case K.ArrowFunction:
      case K.FunctionExpression:
      case K.FunctionDeclaration:
      case K.MethodDeclaration:
        this.func(node as FunctionLike, depth, flags, this.unitHint(node as FunctionLike, undefined));
        return;
      case K.PropertyAccessExpression: {
        const access = node as TS.PropertyAccessExpression;
        tokens.push(Op.Kind, code);
        // `import.meta.env` is the build's, the same in every module.
        if (access.expression.kind === K.MetaProperty && access.name.text === 'env') this.metaProperty(access.expression as TS.MetaProperty, false);
        else this.node(access.expression, node, depth + 1, flags);
        if (access.questionDotToken) tokens.push(Op.Mark, MARK_OPTIONAL);
        tokens.push(Op.Prop, hashText(access.name.text));
        tokens.push(Op.Close, 0);
        return;
      }
      case K.ElementAccessExpression: {
        const access = node as TS.ElementAccessExpression;
        tokens.push(Op.Kind, code);
        this.node(access.expression, node, depth + 1, flags);
        if (access.questionDotToken) tokens.push(Op.Mark, MARK_OPTIONAL);
        this.node(access.argumentExpression, node, depth + 1, flags | FIXED_LITERALS);
        tokens.push(Op.Close, 0);
        return;
      }
      case K.ComputedPropertyName:
        tokens.push(Op.Kind, code);
        this.children(node, depth, flags | FIXED_LITERALS);
        tokens.push(Op.Close, 0);
        return;
      case K.PropertyAssignment:
      case K.PropertyDeclaration:
      case K.GetAccessor:
      case K.SetAccessor:
      case K.EnumMember:
      case K.JsxAttribute: {
        if (kind === K.JsxAttribute) this.noteCallbacks(node);
        this.noteBinding(node, undefined, false);
        const name = (node as TS.PropertyAssignment).name as TS.Node;
        tokens.push(Op.Kind, code);
        this.propertyName(name, depth, flags);
        this.children(node, depth, flags, name);
        tokens.push(Op.Close, 0);
        return;
      }
      case K.ShorthandPropertyAssignment: {
        const property = node as TS.ShorthandPropertyAssignment;
        tokens.push(Op.Kind, code);
        tokens.push(Op.Prop, hashText(property.name.text));
        tokens.push(Op.Ref, this.refId(property.name.text));
        if (property.objectAssignmentInitializer) this.node(property.objectAssignmentInitializer, node, depth + 1, flags);
        tokens.push(Op.Close, 0);
        return;
      }
      case K.ObjectBindingPattern:
      case K.ArrayBindingPattern: {
        const inObject = kind === K.ObjectBindingPattern;
        tokens.push(Op.Kind, code);
        for (const element of (node as TS.BindingPattern).elements) {
          if (element.kind === K.BindingElement) this.bindingElement(element as TS.BindingElement, inObject, depth + 1, flags);
          else tokens.push(Op.Kind, syntax.code[element.kind]!);
        }
        tokens.push(Op.Close, 0);
        return;
      }
      case K.Parameter: {
        const parameter = node as TS.ParameterDeclaration;
        tokens.push(Op.Kind, code);
        if (parameter.dotDotDotToken) tokens.push(Op.Mark, MARK_REST);
        this.bindingParameters = true;
        this.bindingName(parameter.name, node, depth, flags);
        this.bindingParameters = false;
        if (parameter.initializer) this.node(parameter.initializer, node, depth + 1, flags);
        tokens.push(Op.Close, 0);
        return;
      }
      case K.VariableDeclaration: {
        const declaration = node as TS.VariableDeclaration;
        this.noteBinding(node, undefined, false);
        tokens.push(Op.Kind, code);
        this.bindingName(declaration.name, node, depth, flags);
        if (declaration.initializer) this.node(declaration.initializer, node, depth + 1, flags);
        tokens.push(Op.Close, 0);
        return;
      }
      case K.ClassDeclaration:
      case K.ClassExpression: {
        const name = (node as TS.ClassLikeDeclaration).name;
        tokens.push(Op.Kind, code);
        if (name) tokens.push(Op.Bind, hashText(name.text));
        this.children(node, depth, flags, name);
        tokens.push(Op.Close, 0);
        return;
      }
      case K.LabeledStatement:
        tokens.push(Op.Kind, code);
        this.node((node as TS.LabeledStatement).statement, node, depth + 1, flags);
        tokens.push(Op.Close, 0);
        return;
      case K.BreakStatement:
      case K.ContinueStatement:
        tokens.push(Op.Kind, code);
        return;
      case K.MetaProperty:
        this.metaProperty(node as TS.MetaProperty, true);
        return;
      case K.PrefixUnaryExpression:
      case K.PostfixUnaryExpression: {
        const unary = node as TS.PrefixUnaryExpression;
        tokens.push(Op.Kind, code);
        tokens.push(Op.Mark, syntax.code[unary.operator]!);
        this.node(unary.operand, node, depth + 1, flags);
        tokens.push(Op.Close, 0);
        return;
      }
      case K.BinaryExpression:
        this.binary(node as TS.BinaryExpression, depth, flags);
        return;
      case K.IfStatement: {
        const statement = node as TS.IfStatement;
        tokens.push(Op.Kind, code);
        this.node(statement.expression, node, depth + 1, flags);
        this.node(statement.thenStatement, node, depth + 1, flags);
        if (statement.elseStatement) {
          tokens.push(Op.Mark, MARK_ELSE);
          this.node(statement.elseStatement, node, depth + 1, flags);
        }
        tokens.push(Op.Close, 0);
        return;
      }
      case K.TryStatement: {
        const statement = node as TS.TryStatement;
        tokens.push(Op.Kind, code);
        this.node(statement.tryBlock, node, depth + 1, flags);
        if (statement.catchClause) this.node(statement.catchClause, node, depth + 1, flags);
        if (statement.finallyBlock) {
          tokens.push(Op.Mark, MARK_FINALLY);
          this.node(statement.finallyBlock, node, depth + 1, flags);
        }
        tokens.push(Op.Close, 0);
        return;
      }
      case K.CaseClause: {
        const clause = node as TS.CaseClause;
        tokens.push(Op.Kind, code);
        this.node(clause.expression, node, depth + 1, flags | FIXED_LITERALS);
        for (const statement of clause.statements) this.node(statement, node, depth + 1, flags);
        tokens.push(Op.Close, 0);
        return;
      }
      case K.CallExpression:
        this.noteImport(node);
        this.noteCallbacks(node);
        if (this.importsRelatively(node as TS.CallExpression)) tokens.push(Op.Ref, RELATIVE_IMPORT);
        break;
      case K.NewExpression:
      case K.ObjectLiteralExpression:
        this.noteCallbacks(node);
        break;
      case K.JsxElement:
      case K.JsxSelfClosingElement:
      case K.JsxFragment:
        flags |= FIXED_LITERALS;
        break;
      default:
        break;
    }
    tokens.push(Op.Kind, code);
    if (kind > syntax.lastToken) {
      this.children(node, depth, flags);
      tokens.push(Op.Close, 0);
    }
  }

  /** `_email` building `{ format: 'email' }`: a literal that the helper's own name spells out. */
  private namesHelper(text: string): boolean {
    if (text.length < 3 || text.length > 40 || this.currentNameKey.length < 3) return false;
    const normalized = text.toLowerCase().replace(/[^a-z0-9]/g, '');
    return normalized.length >= 3 && this.currentNameKey.includes(normalized);
  }

  private binary(binary: TS.BinaryExpression, depth: number, flags: number): void {
    const { K, syntax, tokens } = this;
    this.noteBinding(binary, undefined, false);
    const operator = binary.operatorToken.kind;
    let leftFlags = flags;
    let rightFlags = flags;
    // `x.type === 'start'`, `typeof x === 'string'`, `'key' in obj`: these literals decide what the code does.
    if (operator === K.EqualsEqualsEqualsToken || operator === K.ExclamationEqualsEqualsToken || operator === K.EqualsEqualsToken || operator === K.ExclamationEqualsToken) {
      if (this.isStringLike(binary.left)) leftFlags |= FIXED_LITERALS;
      if (this.isStringLike(binary.right)) rightFlags |= FIXED_LITERALS;
    } else if (operator === K.InKeyword) {
      leftFlags |= FIXED_LITERALS;
    }
    tokens.push(Op.Kind, syntax.code[binary.kind]!);
    this.node(binary.left, binary, depth + 1, leftFlags);
    tokens.push(Op.Mark, syntax.code[operator]!);
    this.node(binary.right, binary, depth + 1, rightFlags);
    tokens.push(Op.Close, 0);
  }

  private isStringLike(node: TS.Node): boolean {
    const kind = unwrap(this.syntax, node).kind;
    return kind === this.K.StringLiteral || kind === this.K.NoSubstitutionTemplateLiteral;
  }

  private bindingElement(element: TS.BindingElement, inObject: boolean, depth: number, flags: number): void {
    const { K, syntax, tokens } = this;
    tokens.push(Op.Kind, syntax.code[element.kind]!);
    if (element.dotDotDotToken) tokens.push(Op.Mark, MARK_REST);
    // `{ a }` reads key `a` into local `a`: the key is shape, the local is renamable.
    if (element.propertyName) this.propertyName(element.propertyName, depth, flags);
    else if (inObject && element.name.kind === K.Identifier && !element.dotDotDotToken) tokens.push(Op.Prop, hashText(element.name.text));
    this.bindingName(element.name, element, depth, flags);
    if (element.initializer) this.node(element.initializer, element, depth + 1, flags);
    tokens.push(Op.Close, 0);
  }

  private propertyName(name: TS.Node, depth: number, flags: number): void {
    const { K, tokens } = this;
    if (name.kind === K.Identifier || name.kind === K.PrivateIdentifier || name.kind === K.StringLiteral || name.kind === K.NumericLiteral || name.kind === K.NoSubstitutionTemplateLiteral) {
      tokens.push(Op.Prop, hashText((name as TS.Identifier).text));
    } else {
      this.node(name, name, depth + 1, flags);
    }
  }

  private bindingName(name: TS.Node, parent: TS.Node, depth: number, flags: number): void {
    if (name.kind === this.K.Identifier) this.tokens.push(Op.Bind, this.bindId((name as TS.Identifier).text));
    else this.node(name, parent, depth + 1, flags);
  }

  private refId(text: string): number {
    const id = hashText(text);
    return this.shadowing.get(id) ?? id;
  }

  /** The identity a binding gets: its name, or for a parameter shadowing a name bound above, a fresh one. */
  private bindId(text: string): number {
    const id = hashText(text);
    const frame = this.frame;
    // Module-level names are not counted: a helper's parameter named like one is not renamed by it.
    if (!frame) return id;
    if (this.bindingParameters && (this.boundAbove.get(id) ?? 0) > 0) {
      const fresh = hashText(`${text}\0shadowing`);
      frame.shadowed.push([id, this.shadowing.get(id)]);
      this.shadowing.set(id, fresh);
      return fresh;
    }
    this.boundAbove.set(id, (this.boundAbove.get(id) ?? 0) + 1);
    frame.binds.push(id);
    return id;
  }

  /** Undoes what the function's frame bound and shadowed. */
  private leaveFrame(outer: FileEmitter['frame']): void {
    const { binds, shadowed } = this.frame!;
    for (const id of binds) this.boundAbove.set(id, this.boundAbove.get(id)! - 1);
    for (let i = shadowed.length - 1; i >= 0; i--) {
      const [id, previous] = shadowed[i]!;
      if (previous === undefined) this.shadowing.delete(id);
      else this.shadowing.set(id, previous);
    }
    this.frame = outer;
  }

  /**
   * The data a one-statement helper takes, as its parameters' annotations say (`data?: InfiniteData<Survey>`): one
   * hash per parameter, 0 where any value goes (no annotation, `any`, `unknown`). Not for generic functions.
   */
  private noteParameterTypes(fn: FunctionLike, unit: PendingUnit): void {
    const body = fn.body!;
    if (body.kind === this.K.Block && (body as TS.Block).statements.length !== 1) return;
    if (fn.typeParameters?.length) return;
    const types = fn.parameters.map((parameter) => {
      const text = parameter.type ? this.sourceFile.text.slice(parameter.type.getStart(this.sourceFile), parameter.type.end).replace(/\s+/g, '') : '';
      return text === '' || text === 'any' || text === 'unknown' ? 0 : hashText(text) | 0;
    });
    if (types.some((type) => type !== 0)) unit.parameterTypes = types;
  }

  /**
   * A function: parameters and body, with a helper's slice recorded when it is one. The slice excludes
   * the function's own name and kind, so a declaration, an arrow and a method with one body are equal.
   */
  private func(fn: FunctionLike, depth: number, flags: number, hint: UnitHint | undefined): void {
    const { K, syntax, tokens } = this;
    if (!fn.body) return;
    tokens.push(Op.Kind, syntax.code[fn.kind]!);
    if (fn.kind === K.FunctionDeclaration && fn.name) tokens.push(Op.Bind, hashText(fn.name.text));
    if (fn.kind === K.MethodDeclaration) this.propertyName(fn.name, depth, flags);
    const unitIndex = hint ? this.units.length : -1;
    const enclosing = this.currentUnit;
    const enclosingNameKey = this.currentNameKey;
    if (hint) {
      const unit: PendingUnit = { fn, hint, start: tokens.length, end: -1, parent: enclosing, nameHash: hashText(hint.name) };
      if (enclosing < 0 && this.currentScope) unit.scope = this.currentScope;
      this.units.push(unit);
      this.currentUnit = unitIndex;
      this.currentNameKey = nameKey(hint.name);
    }
    if (hasModifier(fn, K.AsyncKeyword)) tokens.push(Op.Mark, MARK_ASYNC);
    if (fn.asteriskToken) tokens.push(Op.Mark, MARK_GENERATOR);
    if (hint) this.noteParameterTypes(fn, this.units[unitIndex]!);
    const outerFrame = this.frame;
    this.frame = { binds: [], shadowed: [] };
    for (const parameter of fn.parameters) {
      if (parameter.name.kind === K.Identifier && (parameter.name as TS.Identifier).text === 'this') continue;
      this.node(parameter, fn, depth + 1, flags);
    }
    // A type guard's claim is what callers rely on: `value is object` and `error is PgError` are two guards.
    const predicate = fn.type?.kind === K.TypePredicate ? (fn.type as TS.TypePredicateNode).type : undefined;
    if (predicate && hint) this.units[unitIndex]!.guard = hashText(this.sourceFile.text.slice(predicate.getStart(this.sourceFile), predicate.end).replace(/\s+/g, ' ')) | 0;
    const body = fn.body;
    if (body.kind === K.Block) {
      for (const statement of (body as TS.Block).statements) this.node(statement, body, depth + 1, flags);
    } else {
      // An expression body is a `return` statement: `x => x + 1` equals `x => { return x + 1; }`.
      tokens.push(Op.Statement, body.pos, ~body.end);
      tokens.push(Op.Kind, syntax.code[K.ReturnStatement]!);
      this.node(body, fn, depth + 1, flags);
      tokens.push(Op.Close, 0);
      tokens.push(Op.StatementEnd, 0);
    }
    if (hint) {
      this.units[unitIndex]!.end = tokens.length;
      this.currentUnit = enclosing;
      this.currentNameKey = enclosingNameKey;
    }
    this.leaveFrame(outerFrame);
    tokens.push(Op.Close, 0);
  }
}

/** Functions that translate a message: i18next's `t`, Lingui's `_`, vue-i18n's `$t`, react-intl's `formatMessage`. */
const TRANSLATE = new Set(['t', '_', '$t', '__', 'translate', 'formatMessage', 'i18n']);

/** A string written in the code: a literal, a template, a tagged template (`msg\`Email\``, `t\`Member\``). */
function isText(syntax: Syntax, node: TS.Node): boolean {
  const { K } = syntax;
  const kind = node.kind;
  return kind === K.StringLiteral || kind === K.NoSubstitutionTemplateLiteral || kind === K.TemplateExpression || kind === K.TaggedTemplateExpression;
}
