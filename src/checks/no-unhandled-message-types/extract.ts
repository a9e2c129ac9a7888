import type * as TS from 'typescript';
import { rangeOf, type TypeScriptApi } from '../../core/location.js';
import type { Range } from '../../core/finding.js';
import type {
  AliasFact,
  CallFact,
  CatalogFact,
  CatalogMemberFact,
  HandlerFact,
  HandlerGroupFact,
  HandlerGroupKind,
  MessageFacts,
  SendFact,
  SendVia,
  ValueRef,
  WrapperFact,
} from './facts.js';
import type { MessageTypesOptions } from './options.js';
import {
  ALIAS_CONTAINER,
  BUILDER_CONTAINER,
  COLYSEUS_IMPORT,
  DISCRIMINANT_SUFFIX,
  ERROR_NAMES,
  HANDLER_CONTAINER,
  ENVELOPE_KEYS,
  HTTP_RESPONSE_NAMES,
  SENDISH,
  SOCKET_CLASS,
  SOCKET_FACTORY,
  SOCKET_NARROWING_CALLS,
  SOCKET_NARROWING_PROPERTIES,
  isSocketName,
} from './patterns.js';
import { classFactOf, className, declaresMethod, enclosingClass, fieldTypeOf, typeNameOf } from './classes.js';
import { compactText, hasExportModifier, hasModifier, isFunctionLike, isHandlerValue, isPlainData, lastName, sameValueRef, staticPropertyName, unwrap, valueRefOf } from './syntax.js';

/** Deeper nesting than this is generated code; we stop descending instead of overflowing the stack. */
const MAX_DEPTH = 500;
const MAX_LITERAL_LENGTH = 64;
/** A parameter that carries a request's or operation's context (`ctx`, `context`, `measureCtx`). */
const CONTEXT_PARAMETER = /^(?:ctx|context)$|[a-z](?:Ctx|Context)$/;
/** The `field` of an event name: `socket.emit(T)`, `socket.on(T, fn)`. */
const EVENT_FIELD = '#event';
/** A call's range until `finish` knows the call is kept. */
const RANGE_UNSET: Range = { line: 0, column: 0, endLine: 0, endColumn: 0 };

interface FunctionScope {
  wrapper: WrapperFact;
  params: Map<string, number>;
  /** The one message type every object literal it returns carries (null: several, or one it is given). */
  builds?: ValueRef | null;
  /** Declared at module level, so other code can call it by name. */
  topLevel: boolean;
}

/** What a payload argument of a send carries: a concrete type, or a parameter of an enclosing function. */
type Carried = { value: ValueRef; at?: TS.Node; field?: string; topic?: ValueRef } | { scope: FunctionScope; param: number; how: 'object' | 'type' };

// What `visit` does with a node, by its kind (one table lookup instead of a chain of kind tests per node).
const NONE = 0;
const IMPORT = 1;
const EXPORT = 2;
const IMPORT_EQUALS = 3;
const ENUM = 4;
const TYPE_ALIAS = 5;
const VARIABLE = 6;
const PROPERTY = 7;
const CLASS = 8;
const EXPORT_ASSIGNMENT = 9;
const FUNCTION = 10;
const CALL = 11;
const NEW = 12;
const SWITCH = 13;
const IF = 14;
const CONDITIONAL = 15;
const BINARY = 16;
const OBJECT_LITERAL = 17;
const ELEMENT_ACCESS = 18;
const PROPERTY_ACCESS = 19;
const QUALIFIED_NAME = 20;
const LITERAL = 21;
const RETURN = 22;
// What `collectBindings` does with a node, by its kind.
const BIND_VARIABLE = 1;
const BIND_ASSIGNMENT = 2;
const BIND_PROPERTY = 3;
const BIND_FUNCTION = 4;
const BIND_CALL = 5;
const BIND_SKIP = 6;
const BIND_DECLARATION_LIST = 7;
// Which nodes open a scope for `let`/`const` (a block), also for `var`s (the file, a static block) and also for
// parameters (a function).
const NO_SCOPE = 0;
const BLOCK_SCOPE = 1;
const VAR_SCOPE = 2;
const FUNCTION_SCOPE = 3;

interface KindTables {
  visit: Uint8Array;
  bind: Uint8Array;
  scope: Uint8Array;
  lastToken: number;
}

/** A variable of one scope, and what pass 1 learnt about the values it is given. */
interface LocalBinding {
  /** The one type of the message objects it is given (`const msg = { type: 'join' }`); null: several types. */
  messageType?: ValueRef | null;
  /** Those message objects. */
  messages?: TS.ObjectLiteralExpression[];
  /** It holds the command line or part of it: `const args = process.argv.slice(2)`, `let action = args[0]`. */
  commandLine?: true;
  /** The class it is declared as (`room: Room`, `new Room()`). */
  declaredType?: string;
}

/** A file that may read its command line: `process.argv`, `Bun.argv`, `Deno.args`. */
const COMMAND_LINE_TEXT = /\.argv\b|\bDeno\.args\b/;
/** How deep an initializer is searched for the command line (`yargs(hideBin(process.argv)).option(...)...argv`). */
const MAX_COMMAND_LINE_DEPTH = 64;

/** Names of variables holding a message's type: `type`, `messageType`, `eventName`, `kind`, `op`. */
const TYPE_VARIABLE = /(?:^|[a-z_])(?:type|kind|event|eventName|op|opcode|action|command)$/i;

/** Per TypeScript namespace: SyntaxKind numbers differ between versions. */
const kindTables = new WeakMap<TypeScriptApi, KindTables>();

function kindTablesOf(ts: TypeScriptApi): KindTables {
  let tables = kindTables.get(ts);
  if (tables) return tables;
  const K = ts.SyntaxKind;
  const size = Math.max(...Object.values(K).filter((value): value is number => typeof value === 'number')) + 1;
  const visit = new Uint8Array(size);
  const visitKinds: Array<[TS.SyntaxKind, number]> = [
    [K.ImportDeclaration, IMPORT],
    [K.ExportDeclaration, EXPORT],
    [K.ImportEqualsDeclaration, IMPORT_EQUALS],
    [K.EnumDeclaration, ENUM],
    [K.TypeAliasDeclaration, TYPE_ALIAS],
    [K.VariableDeclaration, VARIABLE],
    [K.PropertySignature, PROPERTY],
    [K.PropertyDeclaration, PROPERTY],
    [K.ClassDeclaration, CLASS],
    [K.ClassExpression, CLASS],
    [K.ExportAssignment, EXPORT_ASSIGNMENT],
    [K.FunctionDeclaration, FUNCTION],
    [K.MethodDeclaration, FUNCTION],
    [K.ArrowFunction, FUNCTION],
    [K.FunctionExpression, FUNCTION],
    [K.Constructor, FUNCTION],
    [K.GetAccessor, FUNCTION],
    [K.SetAccessor, FUNCTION],
    [K.CallExpression, CALL],
    [K.NewExpression, NEW],
    [K.SwitchStatement, SWITCH],
    [K.IfStatement, IF],
    [K.ConditionalExpression, CONDITIONAL],
    [K.BinaryExpression, BINARY],
    [K.ObjectLiteralExpression, OBJECT_LITERAL],
    [K.ElementAccessExpression, ELEMENT_ACCESS],
    [K.PropertyAccessExpression, PROPERTY_ACCESS],
    [K.QualifiedName, QUALIFIED_NAME],
    [K.StringLiteral, LITERAL],
    [K.NoSubstitutionTemplateLiteral, LITERAL],
    [K.ReturnStatement, RETURN],
  ];
  for (const [kind, action] of visitKinds) visit[kind] = action;
  const bind = new Uint8Array(size);
  bind[K.VariableDeclaration] = BIND_VARIABLE;
  bind[K.BinaryExpression] = BIND_ASSIGNMENT;
  bind[K.PropertyDeclaration] = BIND_PROPERTY;
  bind[K.FunctionDeclaration] = BIND_FUNCTION;
  bind[K.CallExpression] = BIND_CALL;
  // Types and imports bind no values: their subtrees are not walked for bindings.
  for (let kind = K.FirstTypeNode; kind <= K.LastTypeNode; kind++) bind[kind] = BIND_SKIP;
  bind[K.InterfaceDeclaration] = BIND_SKIP;
  bind[K.TypeAliasDeclaration] = BIND_SKIP;
  bind[K.ImportDeclaration] = BIND_SKIP;
  bind[K.VariableDeclarationList] = BIND_DECLARATION_LIST;
  const scope = new Uint8Array(size);
  for (const kind of [K.Block, K.ForStatement, K.ForInStatement, K.ForOfStatement, K.CaseBlock, K.CatchClause]) scope[kind] = BLOCK_SCOPE;
  for (const kind of [K.SourceFile, K.ModuleBlock, K.ClassStaticBlockDeclaration]) scope[kind] = VAR_SCOPE;
  for (const kind of [K.FunctionDeclaration, K.FunctionExpression, K.ArrowFunction, K.MethodDeclaration, K.Constructor, K.GetAccessor, K.SetAccessor]) {
    scope[kind] = FUNCTION_SCOPE;
  }
  tables = { visit, bind, scope, lastToken: K.LastToken };
  kindTables.set(ts, tables);
  return tables;
}

export function extractMessageFacts(ts: TypeScriptApi, sourceFile: TS.SourceFile, options: MessageTypesOptions): MessageFacts {
  return new Extractor(ts, sourceFile, options).run();
}

class Extractor {
  private readonly facts: MessageFacts = {
    catalogs: [],
    classes: [],
    consts: [],
    imports: [],
    exports: [],
    sends: [],
    calls: [],
    wrappers: [],
    handlerGroups: [],
    handlers: [],
    aliases: [],
    lookups: [],
    discriminantTypes: [],
    memberRefs: [],
    literals: [],
  };
  private readonly discriminants: Set<string>;
  private readonly handlerDiscriminants: Set<string>;
  /** Names bound to sockets by creation (`new WebSocket()`, `io()`) or as a `connection` callback parameter. */
  private readonly socketVariables = new Set<string>();
  /** Variables computed from a discriminant: `const t = normalize(msg.type)`. */
  private readonly derivedDiscriminants = new Set<string>();
  /**
   * Variables by name, then by the node of the scope declaring them (a block, a function, the file): two
   * functions' `const msg` are two variables. Undeclared names live in the file's scope.
   */
  private readonly locals = new Map<string, Map<TS.Node, LocalBinding>>();
  /** Pass 1: the scopes around the node `collectBindings` is at, and those of them that take `var`s. */
  private readonly bindingScopes: TS.Node[] = [];
  private readonly functionScopes: TS.Node[] = [];
  /** Pass 1: the declaration list `collectBindings` is in declares `var`s. */
  private declaringVar = false;
  private readonly localFunctions = new Set<string>();
  /** Fields of `this` that hold a named function: `this.post = options.post ?? postToHost` (null: ambiguous). */
  private readonly fieldFunctions = new Map<string, string | null>();
  private readonly lookups = new Set<string>();
  private readonly discriminantTypes = new Set<string>();
  /** `Ns.member` references, by namespace: most name a local, and `finish` keeps only the namespaces that may be catalogs. */
  private readonly memberRefs = new Map<string, Set<string>>();
  private readonly literals = new Set<string>();
  private readonly groupsByKey = new Map<string, number>();
  /** Keys of `if` handler groups (`if:<function>:<discriminant>`) whose discriminant the function also passes on. */
  private readonly forwardedDiscriminants = new Set<string>();
  private readonly functionStack: FunctionScope[] = [];
  /** The context of each enclosing class or function, joined with '.' up to that level (what a fact records). */
  private readonly contextStack: string[] = [];
  /** Where each entry of `facts.calls` points, once kept (see `pushCall`). */
  private readonly callSites: TS.Node[] = [];
  /**
   * The nodes from the source file down to the parent of the node `visit` is at: the walk knows each node's
   * parent, so the file needs no parent links (setting them costs a pass over every node of every file).
   */
  private readonly ancestors: TS.Node[] = [];
  private readonly kinds: KindTables;
  /** Depth of the node `visit` / `collectBindings` is at; one shared callback per walk instead of a closure per node. */
  private depth = 0;
  private readonly visitChild = (child: TS.Node): void => {
    this.visit(child);
  };
  private readonly collectChild = (child: TS.Node): void => {
    this.collectBindings(child);
  };
  private topLevelExported = false;
  /** The file imports Colyseus: `send`, `broadcast` and `onMessage` take the type first (see `visitRoomCall`). */
  private readonly colyseus: boolean;
  /** The file may read its command line (see `readsCommandLine`). */
  private readonly commandLine: boolean;
  private catalogDepth = 0;
  private wrapperCount = 0;

  constructor(
    private readonly ts: TypeScriptApi,
    private readonly sourceFile: TS.SourceFile,
    private readonly options: MessageTypesOptions,
  ) {
    this.discriminants = new Set(options.discriminants);
    this.handlerDiscriminants = new Set([...options.discriminants, ...options.codeDiscriminants]);
    this.kinds = kindTablesOf(ts);
    const text = sourceFile.text;
    this.colyseus = text.includes('colyseus') && COLYSEUS_IMPORT.test(text);
    this.commandLine = COMMAND_LINE_TEXT.test(text);
  }

  run(): MessageFacts {
    this.depth = 0;
    this.collectBindings(this.sourceFile);
    this.ancestors.push(this.sourceFile);
    for (const statement of this.sourceFile.statements) {
      this.topLevelExported = hasExportModifier(this.ts, statement) || this.ts.isExportAssignment(statement);
      this.depth = 0;
      this.visit(statement);
    }
    return this.finish();
  }

  private finish(): MessageFacts {
    const facts = this.facts;
    const importedNames = new Set(facts.imports.map((entry) => entry.local));
    // A plain call with a literal argument is a send only through a wrapper we can resolve later:
    // keep those whose callee is declared here or imported, drop `t('key')`, `describe('x')` and the like.
    const knownValues = new Set([...importedNames, ...facts.consts.map((constant) => constant.name), ...facts.catalogs.map((catalog) => catalog.name)]);
    const keep = (call: CallFact): boolean => {
      if (call.shape === 'object' || call.param !== undefined) return true;
      const value = call.value!;
      if (value.kind === 'const') return knownValues.has(value.name);
      if (value.kind === 'member') return knownValues.has(value.ns) || /^[A-Z]/.test(value.ns);
      return call.sendish || this.localFunctions.has(call.callee) || importedNames.has(call.callee);
    };
    const calls = facts.calls;
    facts.calls = [];
    calls.forEach((call, i) => {
      if (!keep(call)) return;
      call.range = this.range(this.callSites[i]!);
      facts.calls.push(call);
    });
    facts.wrappers = facts.wrappers.filter((wrapper) => wrapper.params.length > 0 || facts.calls.some((call) => call.wrapper === wrapper.key));
    for (const key of this.forwardedDiscriminants) {
      const id = this.groupsByKey.get(key);
      if (id !== undefined) facts.handlerGroups[id]!.generic = true;
    }
    const namespaces = new Set([...importedNames, ...facts.catalogs.map((catalog) => catalog.name)]);
    facts.memberRefs = [...this.memberRefs]
      .filter(([ns]) => namespaces.has(ns) || /^[A-Z]/.test(ns))
      .flatMap(([ns, members]) => [...members].map((member) => `${ns}.${member}`))
      .sort();
    facts.lookups = [...this.lookups].sort();
    facts.discriminantTypes = [...this.discriminantTypes].sort();
    facts.literals = [...this.literals].sort();
    return facts;
  }

  // ---- pass 1: names whose meaning is needed before their use site is reached ----

  /** A variable given a message object: its type is kept while every object it is given carries the same one. */
  private noteMessageObject(binding: LocalBinding, object: TS.ObjectLiteralExpression): void {
    const carried = this.discriminantOf(object)?.value;
    if (!carried) return;
    const known = binding.messageType;
    binding.messageType = known === undefined ? carried : known && sameValueRef(known, carried) ? known : null;
    (binding.messages ??= []).push(object);
  }

  private declareLocal(name: string, scope: TS.Node): LocalBinding {
    let byScope = this.locals.get(name);
    if (!byScope) this.locals.set(name, (byScope = new Map()));
    let binding = byScope.get(scope);
    if (!binding) byScope.set(scope, (binding = {}));
    return binding;
  }

  /** Pass 1: the variable `name` names where `collectBindings` is (declared before, as assignments follow declarations). */
  private localInBindingScopes(name: string): LocalBinding {
    return this.declaredInBindingScopes(name) ?? this.declareLocal(name, this.bindingScopes[0]!);
  }

  private declaredInBindingScopes(name: string): LocalBinding | undefined {
    const byScope = this.locals.get(name);
    const scopes = this.bindingScopes;
    for (let i = scopes.length - 1; byScope && i >= 0; i--) {
      const binding = byScope.get(scopes[i]!);
      if (binding) return binding;
    }
    return undefined;
  }

  /** Pass 1: `process.argv.slice(2)`, `args[0]`, `minimist(args)`: a value taken from the command line. */
  private takesCommandLine(node: TS.Node, depth: number): boolean {
    const ts = this.ts;
    if (depth > MAX_COMMAND_LINE_DEPTH || isFunctionLike(ts, node)) return false;
    if (ts.isIdentifier(node)) return this.declaredInBindingScopes(node.text)?.commandLine === true;
    if (ts.isPropertyAccessExpression(node)) return isCommandLine(ts, node) || this.takesCommandLine(node.expression, depth + 1);
    let found = false;
    ts.forEachChild(node, (child) => {
      found ||= this.takesCommandLine(child, depth + 1);
    });
    return found;
  }

  /**
   * Pass 2: `action` of `let action = args[0]` (`const args = process.argv.slice(2)`), `argv.type`: a switch over it
   * parses a command line, it handles no message.
   */
  private readsCommandLine(expression: TS.Expression): boolean {
    const ts = this.ts;
    if (!this.commandLine) return false;
    let node = unwrap(ts, expression);
    while (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      if (ts.isPropertyAccessExpression(node) && isCommandLine(ts, node)) return true;
      node = unwrap(ts, node.expression);
    }
    return ts.isIdentifier(node) && this.localBinding(node.text)?.commandLine === true;
  }

  /** Pass 2: the variable `name` names where `visit` is, as the language resolves it: the innermost scope declaring it. */
  private localBinding(name: string): LocalBinding | undefined {
    const byScope = this.locals.get(name);
    if (!byScope) return undefined;
    for (let i = this.ancestors.length - 1; i >= 0; i--) {
      const binding = byScope.get(this.ancestors[i]!);
      if (binding) return binding;
    }
    return undefined;
  }

  private messageTypeOf(name: string): ValueRef | null | undefined {
    return this.localBinding(name)?.messageType;
  }

  /** Parameters are variables of their function: a parameter `msg` hides an outer `const msg = { type }`. */
  private declareParameters(node: TS.SignatureDeclaration): void {
    const ts = this.ts;
    for (const parameter of node.parameters) {
      for (const name of bindingNames(ts, parameter.name)) this.declareLocal(name, node);
      const type = ts.isIdentifier(parameter.name) ? typeNameOf(ts, parameter.type) : undefined;
      if (type) this.declareLocal((parameter.name as TS.Identifier).text, node).declaredType = type;
    }
  }

  private collectBindings(node: TS.Node): void {
    if (this.depth > MAX_DEPTH) return;
    const ts = this.ts;
    const kind = node.kind;
    switch (this.kinds.bind[kind]) {
      case BIND_VARIABLE: {
        const declaration = node as TS.VariableDeclaration;
        const scope = this.declaringVar ? this.functionScopes[this.functionScopes.length - 1]! : this.bindingScopes[this.bindingScopes.length - 1]!;
        const commandLine = this.commandLine && declaration.initializer !== undefined && this.takesCommandLine(declaration.initializer, 0);
        for (const name of bindingNames(ts, declaration.name)) {
          const binding = this.declareLocal(name, scope);
          if (commandLine) binding.commandLine = true;
        }
        if (!declaration.initializer) break;
        const init = unwrap(ts, declaration.initializer);
        if (ts.isIdentifier(declaration.name)) {
          const name = declaration.name.text;
          const type = typeNameOf(ts, declaration.type, init);
          if (type) this.declareLocal(name, scope).declaredType = type;
          if (this.createsSocket(init)) this.socketVariables.add(name);
          if (this.readsDiscriminant(init, 0)) this.derivedDiscriminants.add(name);
          if (isFunctionLike(ts, init)) this.localFunctions.add(name);
          if (ts.isObjectLiteralExpression(init)) {
            this.noteMessageObject(this.declareLocal(name, scope), init);
          }
        }
        break;
      }
      case BIND_ASSIGNMENT: {
        const binary = node as TS.BinaryExpression;
        if (binary.operatorToken.kind !== ts.SyntaxKind.EqualsToken) break;
        const name = lastName(ts, binary.left);
        if (name && this.createsSocket(unwrap(ts, binary.right))) this.socketVariables.add(name);
        const left = unwrap(ts, binary.left);
        if (ts.isPropertyAccessExpression(left) && left.expression.kind === ts.SyntaxKind.ThisKeyword) this.noteFieldFunction(left.name.text, binary.right);
        const right = unwrap(ts, binary.right);
        // `let result; if (ok) result = { type: 'push_result', ... } else result = { ... }; send(result)`
        if (ts.isIdentifier(left) && ts.isObjectLiteralExpression(right)) this.noteMessageObject(this.localInBindingScopes(left.text), right);
        if (ts.isIdentifier(left) && this.commandLine && this.takesCommandLine(right, 0)) this.localInBindingScopes(left.text).commandLine = true;
        break;
      }
      case BIND_PROPERTY: {
        const property = node as TS.PropertyDeclaration;
        if (property.initializer && ts.isIdentifier(property.name)) {
          if (this.createsSocket(unwrap(ts, property.initializer))) this.socketVariables.add(property.name.text);
          this.noteFieldFunction(property.name.text, property.initializer);
        }
        break;
      }
      case BIND_FUNCTION: {
        const declaration = node as TS.FunctionDeclaration;
        if (declaration.name) this.localFunctions.add(declaration.name.text);
        break;
      }
      case BIND_CALL:
        this.collectConnectionSocket(node as TS.CallExpression);
        break;
      case BIND_SKIP:
        return;
    }
    if (kind <= this.kinds.lastToken) return;
    const scope = this.kinds.scope[kind];
    const declaringVar = this.declaringVar;
    if (scope !== NO_SCOPE) {
      this.bindingScopes.push(node);
      if (scope !== BLOCK_SCOPE) this.functionScopes.push(node);
      if (scope === FUNCTION_SCOPE) this.declareParameters(node as TS.SignatureDeclaration);
      this.declaringVar = false;
    }
    if (this.kinds.bind[kind] === BIND_DECLARATION_LIST) this.declaringVar = ((node as TS.VariableDeclarationList).flags & ts.NodeFlags.BlockScoped) === 0;
    this.depth++;
    ts.forEachChild(node, this.collectChild);
    this.depth--;
    this.declaringVar = declaringVar;
    if (scope !== NO_SCOPE) {
      this.bindingScopes.pop();
      if (scope !== BLOCK_SCOPE) this.functionScopes.pop();
    }
  }

  /**
   * What `this.type` holds when the class around declares it once and never assigns it again: hocuspocus's outgoing
   * messages keep their opcode in a field (`type = MessageType.Close`) and write `this.type`.
   */
  private classFieldValue(node: TS.Expression): TS.Expression | undefined {
    const ts = this.ts;
    if (!ts.isPropertyAccessExpression(node) || node.expression.kind !== ts.SyntaxKind.ThisKeyword) return undefined;
    const field = node.name.text;
    let owner: TS.ClassLikeDeclaration | undefined;
    for (let i = this.ancestors.length - 1; i >= 0 && !owner; i--) {
      const ancestor = this.ancestors[i]!;
      if (ts.isClassDeclaration(ancestor) || ts.isClassExpression(ancestor)) owner = ancestor;
      // A function expression has a `this` of its own.
      else if (ts.isFunctionExpression(ancestor) || ts.isFunctionDeclaration(ancestor)) return undefined;
    }
    if (!owner) return undefined;
    const member = owner.members.find(
      (candidate): candidate is TS.PropertyDeclaration =>
        ts.isPropertyDeclaration(candidate) && ts.isIdentifier(candidate.name) && candidate.name.text === field && !hasModifier(ts, candidate, ts.SyntaxKind.StaticKeyword),
    );
    if (!member?.initializer) return undefined;
    const escaped = field.replace(/\$/g, '\\$');
    const reassigned = new RegExp(String.raw`\bthis\s*\.\s*${escaped}\s*(?:[-+*/%&|^]|\?\?|&&|\|\|)?=(?!=)`);
    if (reassigned.test(this.sourceFile.text.slice(owner.pos, owner.end))) return undefined;
    return unwrap(ts, member.initializer);
  }

  /**
   * `this.post = options.post ?? postToHost`: the field holds that function (an injected dependency with a
   * default), so `this.post(message)` is a call to it when no method of that name forwards to a send. A field
   * assigned two different functions holds neither for sure.
   */
  private noteFieldFunction(field: string, value: TS.Expression): void {
    const ts = this.ts;
    const names = new Set<string>();
    const { QuestionQuestionToken, BarBarToken } = ts.SyntaxKind;
    const collect = (expression: TS.Expression): void => {
      const node = unwrap(ts, expression);
      if (ts.isIdentifier(node)) {
        names.add(node.text);
      } else if (ts.isConditionalExpression(node)) {
        collect(node.whenTrue);
        collect(node.whenFalse);
      } else if (ts.isBinaryExpression(node) && (node.operatorToken.kind === QuestionQuestionToken || node.operatorToken.kind === BarBarToken)) {
        collect(node.left);
        collect(node.right);
      }
    };
    collect(value);
    if (names.size !== 1) return;
    const name = [...names][0]!;
    const known = this.fieldFunctions.get(field);
    this.fieldFunctions.set(field, known === undefined || known === name ? name : null);
  }

  /** `io.on('connection', (socket) => ...)`: the callback's parameter is a socket whatever its name. */
  private collectConnectionSocket(call: TS.CallExpression): void {
    const ts = this.ts;
    const callee = call.expression;
    if (!ts.isPropertyAccessExpression(callee) || !['on', 'once'].includes(callee.name.text)) return;
    const [event, listener] = call.arguments;
    if (!event || !listener || !ts.isStringLiteral(event) || !['connection', 'connect'].includes(event.text)) return;
    const fn = unwrap(ts, listener);
    if (!isFunctionLike(ts, fn)) return;
    const first = fn.parameters[0];
    if (first && ts.isIdentifier(first.name)) this.socketVariables.add(first.name.text);
  }

  private createsSocket(init: TS.Expression): boolean {
    const ts = this.ts;
    if (ts.isNewExpression(init)) {
      const name = lastName(ts, init.expression);
      return name !== undefined && SOCKET_CLASS.test(name);
    }
    if (ts.isCallExpression(init)) {
      const callee = unwrap(ts, init.expression);
      if (ts.isIdentifier(callee)) return SOCKET_FACTORY.test(callee.text);
      if (ts.isPropertyAccessExpression(callee)) {
        const receiver = lastName(ts, callee.expression);
        return (callee.name.text === 'connect' && receiver === 'io') || (callee.name.text === 'of' && receiver !== undefined && this.isSocketReceiver(callee.expression));
      }
    }
    return false;
  }

  private readsDiscriminant(node: TS.Node, depth: number): boolean {
    const ts = this.ts;
    if (depth > 4) return false;
    if (ts.isPropertyAccessExpression(node) && this.handlerDiscriminants.has(node.name.text) && !this.isErrorReceiver(node.expression)) return true;
    let found = false;
    ts.forEachChild(node, (child) => {
      if (!found && !isFunctionLike(ts, child)) found = this.readsDiscriminant(child, depth + 1);
    });
    return found;
  }

  // ---- pass 2: declarations, sends, handlers ----

  private visit(node: TS.Node): void {
    if (this.depth > MAX_DEPTH) return;
    const ts = this.ts;
    const kind = node.kind;
    let scope: FunctionScope | undefined;
    let context: string | undefined;
    let enteredCatalog = false;
    /** An arrow's expression body, compared like a condition: `(event) => event.data.type === 'ready'`. */
    let predicate: TS.Expression | undefined;

    switch (this.kinds.visit[kind]) {
      case IMPORT:
        return this.recordImport(node as TS.ImportDeclaration);
      case EXPORT:
        return this.recordExport(node as TS.ExportDeclaration);
      case IMPORT_EQUALS: {
        const declaration = node as TS.ImportEqualsDeclaration;
        const reference = declaration.moduleReference;
        if (ts.isExternalModuleReference(reference) && ts.isStringLiteral(reference.expression)) {
          this.facts.imports.push({ local: declaration.name.text, module: reference.expression.text, imported: '*' });
        }
        return;
      }
      case ENUM:
        this.recordEnum(node as TS.EnumDeclaration);
        enteredCatalog = true;
        break;
      case TYPE_ALIAS:
        enteredCatalog = this.recordUnion(node as TS.TypeAliasDeclaration);
        break;
      case VARIABLE:
        enteredCatalog = this.recordVariable(node as TS.VariableDeclaration);
        break;
      case PROPERTY:
        this.recordDiscriminantType(node as TS.PropertySignature | TS.PropertyDeclaration);
        break;
      case CLASS:
        context = className(node as TS.ClassLikeDeclaration);
        this.facts.classes.push(classFactOf(ts, node as TS.ClassLikeDeclaration));
        break;
      case EXPORT_ASSIGNMENT:
        this.recordExportAssignment(node as TS.ExportAssignment);
        break;
      case FUNCTION:
        scope = this.enterFunction(node as TS.SignatureDeclaration);
        context = scope.wrapper.name;
        if (ts.isArrowFunction(node) && !ts.isBlock(node.body)) predicate = node.body;
        break;
      case CALL:
        this.visitCall(node as TS.CallExpression);
        break;
      case NEW:
        this.visitNewMap(node as TS.NewExpression);
        break;
      case SWITCH:
        this.visitSwitch(node as TS.SwitchStatement);
        break;
      case IF:
        this.visitCondition((node as TS.IfStatement).expression);
        break;
      case CONDITIONAL:
        this.visitCondition((node as TS.ConditionalExpression).condition);
        break;
      case BINARY:
        if ((node as TS.BinaryExpression).operatorToken.kind === ts.SyntaxKind.EqualsToken) {
          this.visitIndexAssignment(node as TS.BinaryExpression);
          this.visitTypeAssignment(node as TS.BinaryExpression);
        }
        break;
      case OBJECT_LITERAL:
        this.visitObjectLiteral(node as TS.ObjectLiteralExpression);
        break;
      case ELEMENT_ACCESS:
        this.visitLookup(node as TS.ElementAccessExpression);
        break;
      case PROPERTY_ACCESS:
        this.recordMemberRef(node as TS.PropertyAccessExpression);
        break;
      case QUALIFIED_NAME: {
        const name = node as TS.QualifiedName;
        if (ts.isIdentifier(name.left)) this.addMemberRef(name.left.text, name.right.text);
        break;
      }
      case LITERAL:
        if (this.catalogDepth === 0) this.recordLiteral(node as TS.StringLiteral | TS.NoSubstitutionTemplateLiteral);
        break;
      case RETURN: {
        const returned = (node as TS.ReturnStatement).expression;
        const innermost = this.functionStack[this.functionStack.length - 1];
        if (returned && innermost) this.noteReturned(innermost, returned);
        // A predicate: `return event.data.type === 'payload-document-event'`, called as `if (isDocumentEvent(e))`.
        if (returned) this.visitCondition(returned);
        break;
      }
    }

    if (kind <= this.kinds.lastToken) return;
    if (enteredCatalog) this.catalogDepth++;
    if (scope) this.functionStack.push(scope);
    if (predicate) this.visitCondition(predicate);
    if (context !== undefined) {
      const outer = this.contextStack.length > 0 ? this.contextStack[this.contextStack.length - 1] : undefined;
      this.contextStack.push(outer === undefined ? context : `${outer}.${context}`);
    }
    this.depth++;
    this.ancestors.push(node);
    ts.forEachChild(node, this.visitChild);
    this.ancestors.pop();
    this.depth--;
    if (context !== undefined) this.contextStack.pop();
    if (scope) {
      this.functionStack.pop();
      this.recordBuilder(scope);
    }
    if (enteredCatalog) this.catalogDepth--;
  }

  /** The parent of the node `visit` is at, or its grandparent (`up` 2), and so on. */
  private ancestor(up: number): TS.Node | undefined {
    return this.ancestors[this.ancestors.length - up];
  }

  private range(node: TS.Node): Range {
    return rangeOf(this.sourceFile, node);
  }

  private context(): string {
    return this.contextStack.length > 0 ? this.contextStack[this.contextStack.length - 1]! : '';
  }

  // ---- imports, exports, declarations ----

  private recordImport(node: TS.ImportDeclaration): void {
    const ts = this.ts;
    if (!ts.isStringLiteral(node.moduleSpecifier)) return;
    const module = node.moduleSpecifier.text;
    const clause = node.importClause;
    if (!clause) return;
    if (clause.name) this.facts.imports.push({ local: clause.name.text, module, imported: 'default' });
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) this.facts.imports.push({ local: bindings.name.text, module, imported: '*' });
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) {
        const imported = element.propertyName ? staticPropertyName(ts, element.propertyName as TS.PropertyName) : element.name.text;
        if (imported) this.facts.imports.push({ local: element.name.text, module, imported });
      }
    }
  }

  private recordExport(node: TS.ExportDeclaration): void {
    const ts = this.ts;
    const module = node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : undefined;
    const clause = node.exportClause;
    if (!clause) {
      if (module) this.facts.exports.push({ exported: '*', module, imported: '*' });
      return;
    }
    if (ts.isNamespaceExport(clause)) {
      if (module) this.facts.exports.push({ exported: clause.name.text, module, imported: '*' });
      return;
    }
    for (const element of clause.elements) {
      const exported = element.name.text;
      const inner = element.propertyName ? staticPropertyName(ts, element.propertyName as TS.PropertyName) ?? exported : exported;
      this.facts.exports.push(module ? { exported, module, imported: inner } : { exported, local: inner });
    }
  }

  private recordExportAssignment(node: TS.ExportAssignment): void {
    const ts = this.ts;
    const value = unwrap(ts, node.expression);
    if (ts.isIdentifier(value)) this.facts.exports.push({ exported: 'default', local: value.text });
  }

  private recordEnum(node: TS.EnumDeclaration): void {
    const ts = this.ts;
    const members: CatalogMemberFact[] = [];
    let next: number | null = 0;
    for (const member of node.members) {
      const name = staticPropertyName(ts, member.name);
      if (name === undefined) continue;
      let value: string | number | null;
      if (!member.initializer) {
        value = next;
      } else {
        const ref = valueRefOf(ts, member.initializer);
        value = ref?.kind === 'literal' ? ref.value : null;
      }
      next = typeof value === 'number' ? value + 1 : null;
      members.push({ name, value, range: this.range(member.name) });
    }
    this.pushCatalog(node.name.text, 'enum', node.name, members, hasExportModifier(ts, node) || this.topLevelExported);
  }

  private recordUnion(node: TS.TypeAliasDeclaration): boolean {
    const ts = this.ts;
    if (!ts.isUnionTypeNode(node.type)) return false;
    const members: CatalogMemberFact[] = [];
    for (const part of node.type.types) {
      if (!ts.isLiteralTypeNode(part)) return false;
      const literal = part.literal;
      if (ts.isStringLiteral(literal) || ts.isNoSubstitutionTemplateLiteral(literal)) members.push({ name: literal.text, value: literal.text, range: this.range(literal) });
      else if (ts.isNumericLiteral(literal)) members.push({ name: literal.text, value: Number(literal.text), range: this.range(literal) });
      else return false;
    }
    if (members.length < 2) return false;
    this.pushCatalog(node.name.text, 'union', node.name, members, hasExportModifier(ts, node) || this.topLevelExported);
    return true;
  }

  private pushCatalog(name: string, kind: CatalogFact['kind'], nameNode: TS.Node, members: CatalogMemberFact[], exported: boolean): void {
    this.facts.catalogs.push({ name, kind, exported, range: this.range(nameNode), members });
  }

  /** Returns true when the declaration is a catalog, whose literals are not uses. */
  private recordVariable(node: TS.VariableDeclaration): boolean {
    const ts = this.ts;
    if (!ts.isIdentifier(node.name)) {
      this.recordRequireDestructuring(node);
      return false;
    }
    if (!node.initializer) return false;
    const name = node.name.text;
    const list = this.ancestor(1);
    const statement = this.ancestor(2);
    const isConst = list !== undefined && ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) !== 0;
    const topLevel = statement !== undefined && ts.isVariableStatement(statement) && this.ancestor(3) === this.sourceFile;
    const exported = topLevel && hasExportModifier(ts, statement);
    let init = unwrap(ts, node.initializer);
    if (ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'require') {
      const [specifier] = init.arguments;
      if (specifier && ts.isStringLiteral(specifier)) this.facts.imports.push({ local: name, module: specifier.text, imported: '*' });
      return false;
    }
    if (ts.isCallExpression(init) && ts.isPropertyAccessExpression(init.expression) && init.expression.name.text === 'freeze' && init.arguments[0]) {
      init = unwrap(ts, init.arguments[0]);
    }
    if (!topLevel || !isConst) return false;
    if (ts.isObjectLiteralExpression(init)) {
      const members = this.literalObjectMembers(init);
      if (members) {
        this.pushCatalog(name, 'object', node.name, members, exported);
        return true;
      }
      return false;
    }
    const value = valueRefOf(ts, init);
    if (value && !(value.kind === 'const' && value.name === name)) this.facts.consts.push({ name, value, exported });
    return false;
  }

  /** `{ A: 'a', B: 1 }` with only literal values: a catalog. */
  private literalObjectMembers(init: TS.ObjectLiteralExpression): CatalogMemberFact[] | undefined {
    const ts = this.ts;
    const members: CatalogMemberFact[] = [];
    for (const property of init.properties) {
      if (!ts.isPropertyAssignment(property)) return undefined;
      const key = staticPropertyName(ts, property.name);
      const ref = valueRefOf(ts, property.initializer);
      if (key === undefined || ref?.kind !== 'literal') return undefined;
      members.push({ name: key, value: ref.value, range: this.range(property.name) });
    }
    return members.length > 0 ? members : undefined;
  }

  private recordRequireDestructuring(node: TS.VariableDeclaration): void {
    const ts = this.ts;
    if (!ts.isObjectBindingPattern(node.name) || !node.initializer) return;
    const init = unwrap(ts, node.initializer);
    if (!ts.isCallExpression(init) || !ts.isIdentifier(init.expression) || init.expression.text !== 'require') return;
    const [specifier] = init.arguments;
    if (!specifier || !ts.isStringLiteral(specifier)) return;
    for (const element of node.name.elements) {
      if (!ts.isIdentifier(element.name)) continue;
      const imported = element.propertyName ? staticPropertyName(ts, element.propertyName) : element.name.text;
      if (imported) this.facts.imports.push({ local: element.name.text, module: specifier.text, imported });
    }
  }

  private recordDiscriminantType(node: TS.PropertySignature | TS.PropertyDeclaration): void {
    const ts = this.ts;
    const name = staticPropertyName(ts, node.name);
    if (!name || !this.discriminants.has(name) || !node.type) return;
    const types = ts.isUnionTypeNode(node.type) ? node.type.types : [node.type];
    for (const type of types) {
      if (ts.isTypeReferenceNode(type)) {
        const typeName = type.typeName;
        this.discriminantTypes.add(ts.isIdentifier(typeName) ? typeName.text : ts.isIdentifier(typeName.left) ? typeName.left.text : typeName.right.text);
      }
    }
  }

  private recordMemberRef(node: TS.PropertyAccessExpression): void {
    const ts = this.ts;
    if (ts.isIdentifier(node.expression) && ts.isIdentifier(node.name)) this.addMemberRef(node.expression.text, node.name.text);
  }

  private addMemberRef(ns: string, member: string): void {
    const members = this.memberRefs.get(ns);
    if (members) members.add(member);
    else this.memberRefs.set(ns, new Set([member]));
  }

  private recordLiteral(node: TS.StringLiteral | TS.NoSubstitutionTemplateLiteral): void {
    const ts = this.ts;
    const parent = this.ancestor(1);
    if (parent && (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isExternalModuleReference(parent))) return;
    if (node.text.length > 0 && node.text.length <= MAX_LITERAL_LENGTH) this.literals.add(node.text);
  }

  // ---- functions that may wrap a send ----

  private enterFunction(node: TS.SignatureDeclaration): FunctionScope {
    const ts = this.ts;
    let name = node.name && staticPropertyName(ts, node.name as TS.PropertyName);
    let method = ts.isMethodDeclaration(node);
    if (!name && (ts.isArrowFunction(node) || ts.isFunctionExpression(node))) {
      const parent = this.ancestor(1);
      if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) name = parent.name.text;
      else if (parent && (ts.isPropertyDeclaration(parent) || ts.isPropertyAssignment(parent))) {
        name = staticPropertyName(ts, parent.name);
        method = true;
      } else if (parent && ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(parent.left)) {
        name = parent.left.name.text;
        method = true;
      }
    }
    if (ts.isConstructorDeclaration(node)) name = 'constructor';
    const params = new Map<string, number>();
    node.parameters.forEach((parameter, index) => {
      if (ts.isIdentifier(parameter.name)) params.set(parameter.name.text, index);
    });
    const wrapper: WrapperFact = { key: String(this.wrapperCount++), name: name ?? '', method, params: [] };
    const owner = method ? this.declaringClass(node) : undefined;
    if (owner) wrapper.owner = className(owner);
    if (name) this.facts.wrappers.push(wrapper);
    const scope: FunctionScope = { wrapper, params, topLevel: !method && this.isModuleLevel(node) };
    const body = (node as TS.FunctionLikeDeclaration).body;
    // `const build = () => ({ type: 'x' })`: an expression body is what it returns (read with the function on
    // the stack, so that its own parameters are known as such).
    if (body && !ts.isBlock(body)) {
      this.functionStack.push(scope);
      this.noteReturned(scope, body);
      this.functionStack.pop();
    }
    return scope;
  }

  /** The class a method (or a field given a function) belongs to (the walk is at the function). */
  private declaringClass(node: TS.SignatureDeclaration): TS.ClassLikeDeclaration | undefined {
    const ts = this.ts;
    const parent = ts.isMethodDeclaration(node) ? this.ancestor(1) : this.ancestor(1) && ts.isPropertyDeclaration(this.ancestor(1)!) ? this.ancestor(2) : undefined;
    return parent && (ts.isClassDeclaration(parent) || ts.isClassExpression(parent)) ? parent : undefined;
  }

  /** `function f() {}` or `const f = () => {}` at the top of the module (the walk is at the function). */
  private isModuleLevel(node: TS.SignatureDeclaration): boolean {
    const ts = this.ts;
    const parent = this.ancestor(1);
    if (ts.isFunctionDeclaration(node)) return parent?.kind === ts.SyntaxKind.SourceFile;
    // VariableDeclaration <- VariableDeclarationList <- VariableStatement <- SourceFile
    return parent !== undefined && ts.isVariableDeclaration(parent) && this.ancestor(4)?.kind === ts.SyntaxKind.SourceFile;
  }

  /** A returned object literal with a concrete message type makes the function a message builder, if it is the only type. */
  private noteReturned(scope: FunctionScope, returned: TS.Expression): void {
    for (const branch of this.branchesOf(returned)) this.noteReturnedObject(scope, branch);
  }

  private noteReturnedObject(scope: FunctionScope, node: TS.Expression): void {
    if (!this.ts.isObjectLiteralExpression(node)) return;
    const discriminant = this.discriminantOf(node);
    if (!discriminant?.value) return;
    const carried = this.carriedValue(discriminant.value, 'type');
    if (!('value' in carried)) {
      scope.builds = null;
      return;
    }
    // Made in-process (`computeUpdate()` returning `{ type: 'noop' }`): a switch over it handles no wire message.
    this.facts.sends.push({ value: carried.value, range: this.range(node), via: 'inProcess', context: this.context(), field: discriminant.field });
    if (scope.builds === null) return;
    scope.builds = scope.builds === undefined || sameValueRef(scope.builds, carried.value) ? carried.value : null;
  }

  /**
   * `function hubState() { return { type: 'hub_state', ... } }`: a send of `hubState()` sends 'hub_state'. Recorded
   * as a constant of that name, so that sends in other files resolve it through imports like any constant.
   */
  private recordBuilder(scope: FunctionScope): void {
    const { builds, wrapper } = scope;
    if (!builds || !scope.topLevel || !wrapper.name) return;
    this.facts.consts.push({ name: wrapper.name, value: builds, exported: this.topLevelExported, builder: true });
  }

  /** The innermost function whose parameter is `name`, if `name` is not shadowed by a closer function. */
  private parameterOf(name: string): { scope: FunctionScope; index: number } | undefined {
    // `producer.send(ctx, key, messages)`: a context passed along for logging and tracing is no message.
    if (CONTEXT_PARAMETER.test(name)) return undefined;
    for (let i = this.functionStack.length - 1; i >= 0; i--) {
      const scope = this.functionStack[i]!;
      const index = scope.params.get(name);
      if (index !== undefined) return scope.wrapper.name ? { scope, index } : undefined;
    }
    return undefined;
  }

  private addWrapperParam(scope: FunctionScope, index: number, how: 'object' | 'type'): void {
    if (!scope.wrapper.params.some((param) => param.index === index && param.how === how)) scope.wrapper.params.push({ index, how });
  }

  // ---- sends ----

  /** The discriminant of an object literal (`{ type: T }` or `{ type }`): its type and the property holding it. */
  private discriminantOf(object: TS.ObjectLiteralExpression): { value: ValueRef | undefined; field: string } | undefined {
    const ts = this.ts;
    for (const field of this.options.discriminants) {
      for (const property of object.properties) {
        if (ts.isPropertyAssignment(property) && staticPropertyName(ts, property.name) === field) return { value: valueRefOf(ts, property.initializer), field };
        if (ts.isShorthandPropertyAssignment(property) && property.name.text === field) return { value: { kind: 'const', name: field }, field };
      }
    }
    return undefined;
  }

  /** What a message payload carries: `{ type: T }`, `JSON.stringify({ type: T })`, a message variable, a parameter. */
  private carriedByPayload(expression: TS.Expression): Carried | undefined {
    const ts = this.ts;
    let payload = unwrap(ts, expression);
    const built = this.builtBy(payload);
    if (ts.isCallExpression(payload) && payload.arguments.length >= 1) payload = unwrap(ts, payload.arguments[0]!);
    // A batch of one: `send(JSON.stringify([msg]))`.
    const [only] = ts.isArrayLiteralExpression(payload) && payload.elements.length === 1 ? payload.elements : [];
    if (only && !ts.isSpreadElement(only)) payload = unwrap(ts, only);
    if (ts.isObjectLiteralExpression(payload)) {
      const discriminant = this.discriminantOf(payload);
      if (!discriminant?.value) return undefined;
      const carried = this.carriedValue(discriminant.value, 'type');
      return 'value' in carried ? { ...carried, at: this.typeNodeOf(payload), field: discriminant.field } : carried;
    }
    if (ts.isIdentifier(payload)) {
      const object = this.messageTypeOf(payload.text);
      const param = this.parameterOf(payload.text);
      if (param && object === undefined) {
        // `dispatch(msg) { switch (msg.type) { case 'urlback': post(msg) } }` receives and dispatches: it forwards
        // one type it handles, so it is no wrapper sending whatever its callers pass.
        if (this.narrowedByType(payload.text)) return undefined;
        if (!built) return { scope: param.scope, param: param.index, how: 'object' };
        // `send(encode(msg))` forwards `msg` unless `encode` turns out to build its own message
        // (`send(hubState(ctx))`): the function is a wrapper, and the builder's type is sent too.
        this.addWrapperParam(param.scope, param.index, 'object');
        return built;
      }
      if (object) return this.carriedValue(object, 'type');
    }
    // `send(JSON.stringify(hubState()))`, `send(peer, hubState(ctx))`: whatever the builder it names returns.
    return this.builtBy(payload) ?? built;
  }

  /**
   * The node `visit` is at runs only for some types of message `name`: inside a `case` of `switch (name.type)`, or
   * the `then` branch of `if (name.type === T)`, in the innermost function.
   */
  private narrowedByType(name: string): boolean {
    const ts = this.ts;
    const { ancestors } = this;
    const readsType = (expression: TS.Expression): boolean => {
      const node = unwrap(ts, expression);
      return ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === name && this.isDiscriminant(node);
    };
    const testsType = (condition: TS.Expression): boolean => {
      const node = unwrap(ts, condition);
      if (!ts.isBinaryExpression(node)) return false;
      const operator = node.operatorToken.kind;
      if (operator === ts.SyntaxKind.AmpersandAmpersandToken) return testsType(node.left) || testsType(node.right);
      const equality = operator === ts.SyntaxKind.EqualsEqualsEqualsToken || operator === ts.SyntaxKind.EqualsEqualsToken;
      return equality && (readsType(node.left) || readsType(node.right));
    };
    for (let i = ancestors.length - 1; i >= 1; i--) {
      const node = ancestors[i]!;
      if (isFunctionLike(ts, node) || ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) return false;
      if (ts.isCaseClause(node) && i >= 2 && ts.isSwitchStatement(ancestors[i - 2]!) && readsType((ancestors[i - 2] as TS.SwitchStatement).expression)) return true;
      const parent = ancestors[i - 1]!;
      if (ts.isIfStatement(parent) && parent.thenStatement === node && testsType(parent.expression)) return true;
    }
    return false;
  }

  /** A call of a function by name (not a parameter): the message it builds, if it turns out to be a builder. */
  private builtBy(node: TS.Expression): Carried | undefined {
    const ts = this.ts;
    if (!ts.isCallExpression(node)) return undefined;
    const callee = unwrap(ts, node.expression);
    if (!ts.isIdentifier(callee) || this.parameterOf(callee.text)) return undefined;
    return { value: { kind: 'const', name: callee.text } };
  }

  /** A type value that names a parameter of the enclosing function makes that function a wrapper. */
  private carriedValue(value: ValueRef, how: 'object' | 'type'): Carried {
    if (value.kind === 'const') {
      const param = this.parameterOf(value.name);
      if (param) return { scope: param.scope, param: param.index, how };
    }
    return { value };
  }

  private recordSend(carried: Carried | undefined, via: SendVia, at: TS.Node, receiverType?: string): void {
    if (!carried) return;
    if ('scope' in carried) {
      // A function emitting its parameter in-process (`notify(type) { this.emit(type) }`) is no sender.
      if (via !== 'inProcess' && via !== 'made') this.addWrapperParam(carried.scope, carried.param, carried.how);
      return;
    }
    const send: SendFact = { value: carried.value, range: this.range(carried.at ?? at), via, context: this.context() };
    const field = via === 'emit' || via === 'typeArgument' || via === 'inProcess' ? EVENT_FIELD : carried.field;
    if (field !== undefined) send.field = field;
    if (carried.topic) send.topic = carried.topic;
    if (receiverType) send.receiverType = receiverType;
    this.facts.sends.push(send);
  }

  /** A message object sent as `payload`, and the messages it carries inside. */
  private recordPayloadSend(carried: Carried | undefined, via: SendVia, payload: TS.Expression): void {
    this.recordSend(carried, via, payload);
    if (carried && 'value' in carried) this.recordEnvelopedSends(payload, via);
  }

  /** `event`: the socket event the envelope travels on, which then names the messages' topic. */
  private recordEnvelopedSends(payload: TS.Expression, via: SendVia, event?: ValueRef): void {
    for (const inner of this.envelopedMessages(payload)) {
      const carried = this.carriedValue(inner.value, 'type');
      this.recordSend('value' in carried ? { ...carried, at: inner.at, field: inner.field, topic: event ?? inner.envelope } : carried, via, payload);
    }
  }

  /**
   * The messages a message carries under an envelope key: `{ type: 'COLLABROOM', data: { type: 'NEW_CHANGES' } }`
   * sends 'NEW_CHANGES' too. Each is an object literal or a variable given one; it is reported where its type is
   * written when that is inside `payload`, else at `payload` (as a message variable is). `envelope` is the outer
   * type: the messages of one envelope type are a topic of their own, as a bus's are (a receiver of `COLLABROOM`
   * messages says nothing about another envelope's).
   */
  private envelopedMessages(payload: TS.Expression): Array<{ value: ValueRef; field: string; at: TS.Node; envelope: ValueRef }> {
    const ts = this.ts;
    const found: Array<{ value: ValueRef; field: string; at: TS.Node; envelope: ValueRef }> = [];
    for (const envelope of this.messageObjectsOf(payload, true)) {
      const envelopeType = this.discriminantOf(envelope)!.value!;
      for (const property of envelope.properties) {
        const key = ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property) ? staticPropertyName(ts, property.name) : undefined;
        if (key === undefined || !ENVELOPE_KEYS.has(key)) continue;
        const content = ts.isPropertyAssignment(property) ? property.initializer : (property as TS.ShorthandPropertyAssignment).name;
        for (const message of this.messageObjectsOf(content, false)) {
          const discriminant = this.discriminantOf(message)!;
          const inline = message.pos >= payload.pos && message.end <= payload.end;
          found.push({ value: discriminant.value!, field: discriminant.field, at: (inline && this.typeNodeOf(message)) || payload, envelope: envelopeType });
        }
      }
    }
    return found;
  }

  /** The message objects (with a type) an expression is or names; for a whole payload, also inside `JSON.stringify(...)`. */
  private messageObjectsOf(expression: TS.Expression, serialized: boolean): TS.ObjectLiteralExpression[] {
    const ts = this.ts;
    let node = unwrap(ts, expression);
    if (serialized && ts.isCallExpression(node) && node.arguments.length >= 1) node = unwrap(ts, node.arguments[0]!);
    if (ts.isObjectLiteralExpression(node)) return this.discriminantOf(node)?.value ? [node] : [];
    if (ts.isIdentifier(node)) return this.localBinding(node.text)?.messages ?? [];
    return [];
  }

  private isSocketReceiver(expression: TS.Expression): boolean {
    const ts = this.ts;
    let node = unwrap(ts, expression);
    for (let guard = 0; guard < 8; guard++) {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && SOCKET_NARROWING_CALLS.has(node.expression.name.text)) {
        node = unwrap(ts, node.expression.expression);
      } else if (ts.isPropertyAccessExpression(node) && SOCKET_NARROWING_PROPERTIES.has(node.name.text)) {
        node = unwrap(ts, node.expression);
      } else {
        break;
      }
    }
    const name = lastName(ts, node);
    if (!name || name === 'this') return false;
    return this.socketVariables.has(name) || isSocketName(name, this.options.socketNames);
  }

  /** The class a receiver is declared as: `this.client` (a field `client: MatrixClient`), `room` (a parameter `room: Room`). */
  private receiverTypeOf(receiver: TS.Expression): string | undefined {
    const ts = this.ts;
    const node = unwrap(ts, receiver);
    if (ts.isIdentifier(node)) return this.localBinding(node.text)?.declaredType;
    if (!ts.isPropertyAccessExpression(node) || node.expression.kind !== ts.SyntaxKind.ThisKeyword) return undefined;
    const owner = enclosingClass(ts, this.ancestors);
    return owner && fieldTypeOf(ts, owner, node.name.text);
  }

  private isErrorReceiver(expression: TS.Expression): boolean {
    const name = lastName(this.ts, expression);
    return name !== undefined && ERROR_NAMES.has(name);
  }

  private visitCall(call: TS.CallExpression): void {
    const ts = this.ts;
    const callee = unwrap(ts, call.expression);
    const args = call.arguments;
    this.noteForwardedDiscriminants(args);
    let name: string | undefined;
    let method = false;
    if (ts.isPropertyAccessExpression(callee)) {
      name = callee.name.text;
      method = true;
      const receiver = callee.expression;
      if (this.colyseus && (name === 'send' || name === 'broadcast' || name === 'onMessage') && this.visitRoomCall(name, receiver, args)) return;
      if (name === 'send' && args[0]) {
        const receiverName = lastName(ts, receiver);
        const first = this.carriedByPayload(args[0]);
        const isResponse = receiverName !== undefined && HTTP_RESPONSE_NAMES.has(receiverName);
        if (first && 'value' in first) return isResponse ? undefined : this.recordPayloadSend(first, 'send', args[0]);
        // `hub.send(peer, { type })`: a send to one target names it first (an HTTP response's `send` takes the body first).
        for (const argument of args.slice(1)) {
          const targeted = this.carriedByPayload(argument);
          if (targeted && 'value' in targeted) return this.recordPayloadSend(targeted, 'send', argument);
        }
        if (!isResponse) this.recordSend(first, 'send', args[0]);
        // `ipc.send('EXECUTE_TASK_RUN', payload)`: a typed IPC channel's own `send(type, payload)`, a wrapper. Not
        // `res.send('Not Found')` (one argument) nor `sse.send({ event: 'time' })` (no type first).
        const typeFirst = args.length >= 2 && valueRefOf(ts, unwrap(ts, args[0]))?.kind === 'literal';
        if (typeFirst && !(first && 'value' in first)) this.recordCall(call, name, method);
        return;
      }
      if (name === 'emit' || name === 'emitWithAck') {
        if (!args[0]) return;
        // `emit` on anything but a socket is an in-process event (an EventEmitter, a handler registry fed directly):
        // never a message channel, but its handlers are alive.
        const via = this.isSocketReceiver(receiver) ? 'emit' : 'inProcess';
        const receiverType = via === 'emit' ? this.receiverTypeOf(receiver) : undefined;
        for (const branch of this.branchesOf(args[0])) {
          for (const sent of this.narrowedLabels(branch) ?? [branch]) {
            const value = valueRefOf(ts, sent);
            this.recordSend(value && this.carriedValue(value, 'type'), via, branch, receiverType);
          }
        }
        // `socket.emit('message', { type: 'COLLABROOM', data: { type: 'NEW_CHANGES' } })`: the event carries messages.
        const event = valueRefOf(ts, args[0]);
        if (via === 'emit') for (const payload of args.slice(1)) this.recordEnvelopedSends(payload, 'send', event);
        return;
      }
      if ((name === 'on' || name === 'once' || name === 'addListener') && args.length >= 2 && this.isSocketReceiver(receiver)) {
        const key = `on:${compactText(receiver, this.sourceFile)}`;
        this.recordHandler(args[0]!, 'on', key, receiver, 'on', undefined, EVENT_FIELD);
        const group = this.groupsByKey.get(key);
        const receiverType = group === undefined ? undefined : this.receiverTypeOf(receiver);
        if (receiverType) this.facts.handlerGroups[group!]!.receiverType = receiverType;
        return;
      }
      if (name === 'set' && args.length === 2 && isHandlerValue(ts, args[1]!)) {
        return this.recordKeyedHandler(args[0]!, receiver, 'map');
      }
      if (name === 'get' && args[0] && this.isDiscriminant(args[0])) {
        const container = lastName(ts, receiver);
        if (container) this.lookups.add(container);
      }
    } else if (ts.isIdentifier(callee)) {
      name = callee.text;
    }
    if (!name) return;
    if (name === 'postMessage' && args[0]) return this.recordPayloadSend(this.carriedByPayload(args[0]), 'postMessage', args[0]);
    if (this.options.opcodeWriters.includes(name) && args.length >= 1) {
      const last = unwrap(ts, args[args.length - 1]!);
      const value = valueRefOf(ts, this.classFieldValue(last) ?? last);
      if (value && value.kind !== 'literal') this.recordSend(this.carriedValue(value, 'type'), 'writer', last);
      return;
    }
    if (this.options.registryFunctions.includes(name) && args.length >= 2 && isHandlerValue(ts, args[1]!)) {
      return this.recordHandler(args[0]!, 'register', `register:${name}`, call, 'key');
    }
    const onThis = method && ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword;
    const fieldFunction = onThis ? this.fieldFunctions.get(name) : undefined;
    const ownClass = onThis ? enclosingClass(ts, this.ancestors) : undefined;
    const owner = ownClass && declaresMethod(ts, ownClass, name) ? className(ownClass) : undefined;
    const receiver = method && !onThis ? (callee as TS.PropertyAccessExpression).expression : undefined;
    this.recordCall(call, name, method, fieldFunction ?? undefined, owner, receiver);
  }

  /**
   * Colyseus: `room.send('move', data)`, `client.send(Msg.Welcome)`, `this.broadcast('chat', msg)` send the type
   * their first argument names; `this.onMessage('move', fn)` handles it, and `onMessage('*', fn)` handles every
   * type the room has no handler of its own for. False when the call is not of that shape.
   */
  private visitRoomCall(name: string, receiver: TS.Expression, args: TS.NodeArray<TS.Expression>): boolean {
    const ts = this.ts;
    const first = args[0] && unwrap(ts, args[0]);
    const value = first && valueRefOf(ts, first);
    if (!first || !value) return false;
    if (name === 'onMessage') {
      if (args.length < 2 || !isHandlerValue(ts, args[1]!)) return false;
      const key = `onMessage:${compactText(receiver, this.sourceFile)}`;
      if (value.kind === 'literal' && value.value === '*') {
        this.facts.handlerGroups[this.group('on', key, receiver, undefined, EVENT_FIELD)]!.generic = true;
      } else {
        this.recordHandler(first, 'on', key, receiver, 'key', undefined, EVENT_FIELD);
      }
      return true;
    }
    const receiverName = lastName(ts, receiver);
    if (receiverName !== undefined && HTTP_RESPONSE_NAMES.has(receiverName)) return false;
    // A variable counts when its name says it holds a type (`room.send(type, data)`): `this.ref.send(data, opts)`
    // in the same file is a raw socket's.
    if (value.kind === 'const' && !TYPE_VARIABLE.test(value.name)) return false;
    this.recordSend(this.carriedValue(value, 'type'), 'typeArgument', first);
    return true;
  }

  /** A call to a function we cannot see yet: a send if it resolves to a wrapper (or is named like a sender). */
  private recordCall(call: TS.CallExpression, callee: string, method: boolean, fieldFunction?: string, owner?: string, receiver?: TS.Expression): void {
    const ts = this.ts;
    const args = call.arguments;
    if (args.length === 0) return;
    const sendish = SENDISH.test(callee);
    let receiverType: string | null | undefined;
    for (let argIndex = 0; argIndex < args.length; argIndex++) {
      const node = unwrap(ts, args[argIndex]!);
      let shape: 'object' | 'value';
      let value: ValueRef | undefined;
      let field: string | undefined;
      if (ts.isObjectLiteralExpression(node)) {
        shape = 'object';
        const discriminant = this.discriminantOf(node);
        value = discriminant?.value;
        field = discriminant?.field;
      } else if (ts.isIdentifier(node) && this.messageTypeOf(node.text)) {
        shape = 'object';
        value = this.messageTypeOf(node.text)!;
      } else {
        shape = 'value';
        value = valueRefOf(ts, node);
        if ((value?.kind === 'literal' || value?.kind === 'concat') && method && !sendish) continue;
        if (value?.kind === 'literal' && typeof value.value === 'string' && value.value.length > MAX_LITERAL_LENGTH) continue;
      }
      if (!value) continue;
      const at = shape === 'object' ? this.typeNodeOf(node) ?? node : node;
      const context = this.context();
      const param = value.kind === 'const' ? this.parameterOf(value.name) : undefined;
      const call: CallFact = param
        ? { callee, method, sendish, argIndex, shape, range: RANGE_UNSET, context, param: param.index, wrapper: param.scope.wrapper.key }
        : { callee, method, sendish, argIndex, shape, range: RANGE_UNSET, context, value };
      if (field !== undefined) call.field = field;
      if (fieldFunction !== undefined) call.fieldFunction = fieldFunction;
      if (owner !== undefined) call.owner = owner;
      receiverType ??= (receiver && this.receiverTypeOf(receiver)) ?? null;
      if (receiverType) call.receiverType = receiverType;
      const topic = shape === 'object' && argIndex > 0 && sendish ? valueRefOf(ts, unwrap(ts, args[0]!)) : undefined;
      if (topic && !(topic.kind === 'literal' && typeof topic.value === 'number')) call.topic = topic;
      this.pushCall(call, at);
      if (shape === 'object') for (const inner of this.envelopedMessages(node)) this.pushCall(this.callCarrying(call, inner), inner.at);
    }
  }

  /** The same call, passing a message its message carries inside (see `envelopedMessages`). */
  private callCarrying(call: CallFact, inner: { value: ValueRef; field: string; envelope: ValueRef }): CallFact {
    const { value: _value, param: _param, wrapper: _wrapper, ...rest } = call;
    const param = inner.value.kind === 'const' ? this.parameterOf(inner.value.name) : undefined;
    const carrying: CallFact = param ? { ...rest, param: param.index, wrapper: param.scope.wrapper.key } : { ...rest, value: inner.value };
    return { ...carrying, field: inner.field, topic: inner.envelope };
  }

  /** Most calls are dropped by `finish`: their ranges are computed there, for those kept. */
  private pushCall(call: CallFact, at: TS.Node): void {
    this.facts.calls.push(call);
    this.callSites.push(at);
  }

  /** `volatile ? A : B` sends either: both are sent. */
  private branchesOf(expression: TS.Expression): TS.Expression[] {
    const ts = this.ts;
    const node = unwrap(ts, expression);
    return ts.isConditionalExpression(node) ? [...this.branchesOf(node.whenTrue), ...this.branchesOf(node.whenFalse)] : [node];
  }

  /** The node of the discriminant's value inside a message object, where a finding should point. */
  private typeNodeOf(node: TS.Expression): TS.Node | undefined {
    const ts = this.ts;
    if (!ts.isObjectLiteralExpression(node)) return undefined;
    for (const discriminant of this.options.discriminants) {
      for (const property of node.properties) {
        if (ts.isPropertyAssignment(property) && staticPropertyName(ts, property.name) === discriminant) return property.initializer;
        if (ts.isShorthandPropertyAssignment(property) && property.name.text === discriminant) return property;
      }
    }
    return undefined;
  }

  // ---- handlers ----

  private isDiscriminant(expression: TS.Expression): boolean {
    const ts = this.ts;
    const node = unwrap(ts, expression);
    let name: string | undefined;
    if (ts.isIdentifier(node)) {
      name = node.text;
      if (this.derivedDiscriminants.has(name)) return !this.readsCommandLine(node);
    } else if (ts.isPropertyAccessExpression(node)) {
      if (this.isErrorReceiver(node.expression)) return false;
      name = node.name.text;
    } else if (ts.isElementAccessExpression(node) && ts.isStringLiteral(node.argumentExpression)) {
      name = node.argumentExpression.text;
    }
    return name !== undefined && (this.handlerDiscriminants.has(name) || DISCRIMINANT_SUFFIX.test(name)) && !this.readsCommandLine(node);
  }

  /**
   * `getWebhooks(data.event)`, `enqueue({ event: data.event })`: the function hands the type on, so it serves every
   * type; its `if (data.event === 'x')` tests add extras for some (see `finish`).
   */
  private noteForwardedDiscriminants(args: TS.NodeArray<TS.Expression>): void {
    const ts = this.ts;
    for (const argument of args) {
      const value = unwrap(ts, argument);
      if (ts.isObjectLiteralExpression(value)) {
        for (const property of value.properties) if (ts.isPropertyAssignment(property)) this.noteForwarded(property.initializer);
      } else if (ts.isPropertyAccessExpression(value) || ts.isElementAccessExpression(value) || ts.isIdentifier(value)) {
        this.noteForwarded(value);
      }
    }
  }

  private noteForwarded(value: TS.Expression): void {
    if (!this.isDiscriminant(value)) return;
    const owner = this.functionStack[this.functionStack.length - 1]?.wrapper.key ?? 'module';
    this.forwardedDiscriminants.add(`if:${owner}:${compactText(unwrap(this.ts, value), this.sourceFile)}`);
  }

  private group(kind: HandlerGroupKind, key: string, at: TS.Node, needsLookup?: string, field?: string): number {
    const existing = this.groupsByKey.get(key);
    if (existing !== undefined) return existing;
    const id = this.facts.handlerGroups.length;
    const group: HandlerGroupFact = { id, kind, range: this.range(at), exported: this.topLevelExported };
    if (needsLookup) group.needsLookup = needsLookup;
    if (field !== undefined) group.field = field;
    this.facts.handlerGroups.push(group);
    this.groupsByKey.set(key, id);
    return id;
  }

  private recordHandler(
    typeNode: TS.Expression,
    kind: HandlerGroupKind,
    groupKey: string,
    groupAt: TS.Node,
    via: HandlerFact['via'],
    needsLookup?: string,
    field?: string,
  ): void {
    const value = valueRefOf(this.ts, typeNode);
    if (!value) return;
    const group = this.group(kind, groupKey, groupAt, needsLookup, field);
    this.facts.handlers.push({ value, range: this.range(typeNode), group, via, context: this.context() });
  }

  /** The property a discriminant expression reads: `kind` for `entry.kind` or `entry['kind']`; undefined for a variable. */
  private fieldRead(expression: TS.Expression): string | undefined {
    const ts = this.ts;
    const node = unwrap(ts, expression);
    if (ts.isPropertyAccessExpression(node)) return node.name.text;
    if (ts.isElementAccessExpression(node) && ts.isStringLiteral(node.argumentExpression)) return node.argumentExpression.text;
    return undefined;
  }

  /**
   * `emit(event.name)` inside `case 'a': case 'b':` of `switch (event.name)`: `event.name` is one of those labels
   * there (the clause's and those of the empty clauses falling into it). Read off the enclosing nodes, innermost
   * switch first; undefined outside such a case.
   */
  private narrowedLabels(expression: TS.Expression): TS.Expression[] | undefined {
    const ts = this.ts;
    const { ancestors } = this;
    let text: string | undefined;
    for (let i = ancestors.length - 1; i >= 2; i--) {
      const clause = ancestors[i]!;
      const switchStatement = ancestors[i - 2]!;
      if (!ts.isCaseClause(clause) || !ts.isSwitchStatement(switchStatement)) continue;
      text ??= compactText(unwrap(ts, expression), this.sourceFile);
      if (compactText(switchStatement.expression, this.sourceFile) !== text) continue;
      const clauses = switchStatement.caseBlock.clauses;
      const labels = [clause.expression];
      for (let j = clauses.indexOf(clause) - 1; j >= 0; j--) {
        const previous = clauses[j]!;
        if (!ts.isCaseClause(previous) || previous.statements.length > 0) break;
        labels.unshift(previous.expression);
      }
      return labels;
    }
    return undefined;
  }

  private visitSwitch(node: TS.SwitchStatement): void {
    const ts = this.ts;
    if (!this.isDiscriminant(node.expression) || isLabelMapper(ts, node)) return;
    const key = `switch:${node.pos}`;
    for (const clause of node.caseBlock.clauses) {
      if (ts.isCaseClause(clause)) this.recordHandler(clause.expression, 'switch', key, node.expression, 'case', undefined, this.fieldRead(node.expression));
    }
  }

  /** `if (msg.type === T)`, also inside `&&` / `||` chains and negated guards. */
  private visitCondition(condition: TS.Expression): void {
    const ts = this.ts;
    const pending: TS.Expression[] = [condition];
    while (pending.length > 0) {
      const node = unwrap(ts, pending.pop()!);
      if (!ts.isBinaryExpression(node)) continue;
      const operator = node.operatorToken.kind;
      if (operator === ts.SyntaxKind.AmpersandAmpersandToken || operator === ts.SyntaxKind.BarBarToken) {
        pending.push(node.left, node.right);
        continue;
      }
      const isEquality =
        operator === ts.SyntaxKind.EqualsEqualsEqualsToken ||
        operator === ts.SyntaxKind.EqualsEqualsToken ||
        operator === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
        operator === ts.SyntaxKind.ExclamationEqualsToken;
      if (!isEquality) continue;
      const [discriminant, typeNode] = this.isDiscriminant(node.left) ? [node.left, node.right] : this.isDiscriminant(node.right) ? [node.right, node.left] : [];
      if (!discriminant || !typeNode) continue;
      const owner = this.functionStack[this.functionStack.length - 1]?.wrapper.key ?? 'module';
      this.recordHandler(typeNode, 'if', `if:${owner}:${compactText(discriminant, this.sourceFile)}`, discriminant, 'case', undefined, this.fieldRead(discriminant));
    }
  }

  /** `packet.type = cond ? PacketType.BINARY_EVENT : PacketType.BINARY_ACK`: types made, if not seen sent. */
  private visitTypeAssignment(node: TS.BinaryExpression): void {
    const ts = this.ts;
    const left = unwrap(ts, node.left);
    if (!ts.isPropertyAccessExpression(left) || !this.discriminants.has(left.name.text)) return;
    for (const branch of this.branchesOf(node.right)) {
      const value = valueRefOf(ts, branch);
      if (value && value.kind !== 'const') this.recordSend({ value, field: left.name.text }, 'made', branch);
    }
  }

  /** `handlers[messageSync] = fn`. */
  private visitIndexAssignment(node: TS.BinaryExpression): void {
    const ts = this.ts;
    const left = unwrap(ts, node.left);
    if (!ts.isElementAccessExpression(left) || !isHandlerValue(ts, node.right)) return;
    this.recordKeyedHandler(left.argumentExpression, left.expression, 'index');
  }

  /** A handler keyed by type in a map or array: always when the key is a named constant, else only in a handler container. */
  private recordKeyedHandler(keyNode: TS.Expression, container: TS.Expression, kind: HandlerGroupKind): void {
    const ts = this.ts;
    const value = valueRefOf(ts, keyNode);
    if (!value) return;
    const containerName = lastName(ts, container);
    if (!containerName) return;
    const named = HANDLER_CONTAINER.test(containerName);
    if (value.kind === 'const' && !named) return;
    const needsLookup = value.kind === 'literal' && !named ? containerName : undefined;
    this.recordHandler(keyNode, kind, `${kind}:${compactText(container, this.sourceFile)}`, container, 'key', needsLookup);
  }

  private visitLookup(node: TS.ElementAccessExpression): void {
    if (!this.isDiscriminant(node.argumentExpression)) return;
    const container = lastName(this.ts, node.expression);
    if (container && container !== 'this') this.lookups.add(container);
  }

  /** The name the node `visit` is at is bound to, through parentheses, `as`, `satisfies` and `Object.freeze`. */
  private containerNameOf(): string | undefined {
    const ts = this.ts;
    let up = 1;
    let current = this.ancestor(up);
    while (current && (ts.isAsExpression(current) || ts.isParenthesizedExpression(current) || ts.isSatisfiesExpression?.(current) || this.isFreezeCall(current))) current = this.ancestor(++up);
    if (!current) return undefined;
    if (ts.isVariableDeclaration(current) && ts.isIdentifier(current.name)) return current.name.text;
    if ((ts.isPropertyDeclaration(current) || ts.isPropertyAssignment(current)) && current.name) return staticPropertyName(ts, current.name);
    if (ts.isBinaryExpression(current) && current.operatorToken.kind === ts.SyntaxKind.EqualsToken) return lastName(ts, current.left);
    return undefined;
  }

  private isFreezeCall(node: TS.Node): boolean {
    const ts = this.ts;
    return ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'freeze';
  }

  /** Handler records (`{ [MessageType.X]: fn }`, `const handlers = { join: fn }`) and alias maps. */
  private visitObjectLiteral(node: TS.ObjectLiteralExpression): void {
    const ts = this.ts;
    const container = this.containerNameOf();
    const keyed: Array<{ keyNode: TS.Expression; computed: boolean }> = [];
    const aliases: Array<{ from: string; to: ValueRef }> = [];
    let aliasCandidate = node.properties.length > 0;
    let aliasNamespace: string | undefined;
    for (const property of node.properties) {
      const nameNode = property.name;
      const computed = nameNode !== undefined && ts.isComputedPropertyName(nameNode);
      const keyNode: TS.Expression | undefined = computed ? (nameNode as TS.ComputedPropertyName).expression : nameNode && (ts.isIdentifier(nameNode) || ts.isStringLiteral(nameNode) || ts.isNumericLiteral(nameNode)) ? nameNode : undefined;
      const handlerValue = ts.isMethodDeclaration(property) || (ts.isPropertyAssignment(property) && isHandlerValue(ts, property.initializer)) || ts.isShorthandPropertyAssignment(property);
      if (keyNode && handlerValue) keyed.push({ keyNode, computed });
      const from = !computed ? staticPropertyName(ts, nameNode as TS.PropertyName) : undefined;
      const to = ts.isPropertyAssignment(property) ? valueRefOf(ts, property.initializer) : undefined;
      const isDiscriminantKey = from !== undefined && this.discriminants.has(from);
      if (from !== undefined && !isDiscriminantKey && to && (to.kind === 'member' || (to.kind === 'literal' && container !== undefined && ALIAS_CONTAINER.test(container)))) {
        const namespace = to.kind === 'member' ? to.ns : '';
        if (aliasNamespace === undefined) aliasNamespace = namespace;
        if (aliasNamespace === namespace) aliases.push({ from, to });
        else aliasCandidate = false;
      } else {
        aliasCandidate = false;
      }
    }
    // One entry is as likely a message or a config object as a rename table, unless the name says alias.
    const aliasNamed = container !== undefined && ALIAS_CONTAINER.test(container);
    if (aliasCandidate && container !== undefined && (aliases.length >= 2 || (aliases.length === 1 && aliasNamed))) {
      const map = container;
      const mapRange = this.range(node);
      for (const alias of aliases) this.facts.aliases.push({ ...alias, map, mapRange } satisfies AliasFact);
      return;
    }
    const anyComputed = keyed.some((entry) => entry.computed && valueRefOf(ts, entry.keyNode)?.kind !== 'literal');
    if (keyed.length === 0) return;
    // A value that is a string or number makes it data (span attributes keyed by a const object), not a handler table.
    if (node.properties.some((property) => ts.isPropertyAssignment(property) && isPlainData(ts, property.initializer))) return;
    if (container !== undefined && BUILDER_CONTAINER.test(container)) return;
    if (anyComputed) {
      for (const entry of keyed) this.recordObjectKey(entry.keyNode, entry.computed, node, undefined);
      return;
    }
    if (!container) return;
    const needsLookup = HANDLER_CONTAINER.test(container) ? undefined : container;
    for (const entry of keyed) this.recordObjectKey(entry.keyNode, entry.computed, node, needsLookup);
  }

  private recordObjectKey(keyNode: TS.Expression, computed: boolean, object: TS.ObjectLiteralExpression, needsLookup: string | undefined): void {
    const ts = this.ts;
    const value: ValueRef | undefined = !computed && ts.isIdentifier(keyNode) ? { kind: 'literal', value: keyNode.text } : valueRefOf(ts, keyNode);
    if (!value) return;
    const group = this.group('record', `record:${object.pos}`, object, needsLookup);
    this.facts.handlers.push({ value, range: this.range(keyNode), group, via: 'key', context: this.context() });
  }

  /** `new Map([[T, fn], ...])` as handlers, `new Map([['chat', MessageType.X]])` as aliases. */
  private visitNewMap(node: TS.NewExpression): void {
    const ts = this.ts;
    if (!ts.isIdentifier(node.expression) || node.expression.text !== 'Map') return;
    const entries = node.arguments?.[0] && unwrap(ts, node.arguments[0]);
    if (!entries || !ts.isArrayLiteralExpression(entries)) return;
    const container = this.containerNameOf() ?? 'a Map';
    for (const entry of entries.elements) {
      if (!ts.isArrayLiteralExpression(entry) || entry.elements.length !== 2) continue;
      const [keyNode, valueNode] = entry.elements as unknown as [TS.Expression, TS.Expression];
      if (isHandlerValue(ts, valueNode)) {
        this.recordHandler(keyNode, 'map', `newmap:${node.pos}`, node, 'key');
        continue;
      }
      const from = valueRefOf(ts, keyNode);
      const to = valueRefOf(ts, valueNode);
      if (from?.kind === 'literal' && typeof from.value === 'string' && to?.kind === 'member') {
        this.facts.aliases.push({ from: from.value, to, map: container, mapRange: this.range(node) });
      }
    }
  }
}

/**
 * A switch whose every branch only returns a constant (`case ChatType.WEBHOOK: return 'Webhook';`), or a
 * translated one (`return t('published')`), maps values to labels for display; it routes nothing, so its cases
 * are not handlers.
 */
function isLabelMapper(ts: TypeScriptApi, node: TS.SwitchStatement): boolean {
  let returns = 0;
  for (const clause of node.caseBlock.clauses) {
    const statements = clause.statements.length === 1 && ts.isBlock(clause.statements[0]!) ? clause.statements[0].statements : clause.statements;
    if (statements.length === 0) continue;
    const [only] = statements;
    if (statements.length > 1 || !only || !ts.isReturnStatement(only) || !only.expression || !isLabel(ts, only.expression)) return false;
    returns++;
  }
  return returns > 0;
}

/** i18next's and vue-i18n's `t`/`$t`, `translate`, gettext's `__`/`gettext`, react-intl's `formatMessage`. */
const TRANSLATION_FUNCTIONS = new Set(['t', '$t', 'translate', '__', 'gettext', 'formatMessage']);

function isLabel(ts: TypeScriptApi, expression: TS.Expression): boolean {
  if (isConstant(ts, expression)) return true;
  if (!ts.isCallExpression(expression)) return false;
  const callee = lastName(ts, expression.expression);
  const [text] = expression.arguments;
  return callee !== undefined && TRANSLATION_FUNCTIONS.has(callee) && text !== undefined && isConstant(ts, text);
}

function isConstant(ts: TypeScriptApi, expression: TS.Expression): boolean {
  return (
    ts.isStringLiteral(expression) ||
    ts.isNoSubstitutionTemplateLiteral(expression) ||
    ts.isNumericLiteral(expression) ||
    expression.kind === ts.SyntaxKind.TrueKeyword ||
    expression.kind === ts.SyntaxKind.FalseKeyword ||
    expression.kind === ts.SyntaxKind.NullKeyword
  );
}

/** The names a declaration binds: `msg`, or each name of `{ type, data: [first] }`. */
function bindingNames(ts: TypeScriptApi, name: TS.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isBindingElement(element) ? bindingNames(ts, element.name) : []));
}

/** `process.argv`, `Bun.argv`, `Deno.args`. */
function isCommandLine(ts: TypeScriptApi, node: TS.PropertyAccessExpression): boolean {
  if (!ts.isIdentifier(node.expression)) return false;
  const owner = node.expression.text;
  const name = node.name.text;
  return ((owner === 'process' || owner === 'Bun') && name === 'argv') || (owner === 'Deno' && name === 'args');
}
