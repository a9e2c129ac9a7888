import type * as TS from 'typescript';
import type { Syntax } from './syntax.js';

export type UnitKind = 'function' | 'arrow' | 'function-expression' | 'method' | 'object-method' | 'field';

/** What the binding context tells about a function: its name, where it lives, whether it is exported. */
export interface UnitHint {
  name: string;
  /** Node whose range is reported; undefined for anonymous default exports. */
  nameNode: TS.Node | undefined;
  exported: boolean;
  /** Class or object the function is a member of. */
  qualifier: string | undefined;
  member: boolean;
  /** A member of an object literal (`{ decode: (data) => ... }`, `{ decode(data) {} }`), not of a class. */
  objectMember?: boolean;
}

export type FunctionLike = TS.ArrowFunction | TS.FunctionExpression | TS.FunctionDeclaration | TS.MethodDeclaration;

export function unitKindOf(syntax: Syntax, fn: FunctionLike, hint: UnitHint): UnitKind {
  const { K } = syntax;
  if (fn.kind === K.FunctionDeclaration) return 'function';
  if (fn.kind === K.MethodDeclaration) return hint.qualifier !== undefined && !hint.member ? 'object-method' : 'method';
  if (hint.member) return 'field';
  return fn.kind === K.ArrowFunction ? 'arrow' : 'function-expression';
}

/** Strips parentheses and type-only wrappers: `(x as Foo)!` is `x`. */
export function unwrap(syntax: Syntax, node: TS.Node): TS.Node {
  const { K } = syntax;
  let current = node as TS.Node & { expression?: TS.Node };
  while (
    current.expression &&
    (current.kind === K.ParenthesizedExpression ||
      current.kind === K.AsExpression ||
      current.kind === K.SatisfiesExpression ||
      current.kind === K.NonNullExpression ||
      current.kind === K.TypeAssertionExpression)
  ) {
    current = current.expression as TS.Node & { expression?: TS.Node };
  }
  return current;
}

/** A printable name for a property or declaration name node. */
export function nameText(syntax: Syntax, sourceFile: TS.SourceFile, name: TS.Node | undefined): string | undefined {
  if (!name) return undefined;
  const { K } = syntax;
  if (name.kind === K.Identifier || name.kind === K.PrivateIdentifier || name.kind === K.StringLiteral || name.kind === K.NumericLiteral) {
    return (name as TS.Identifier).text;
  }
  if (name.kind === K.ComputedPropertyName) return sourceFile.text.slice(name.getStart(sourceFile), name.end);
  return undefined;
}

export function hasModifier(node: TS.Node, kind: number): boolean {
  const modifiers = (node as { modifiers?: readonly TS.Node[] }).modifiers;
  if (!modifiers) return false;
  for (const modifier of modifiers) if (modifier.kind === kind) return true;
  return false;
}

/**
 * A body that is not worth sharing: empty, or one statement that returns or forwards something without
 * computing anything (`return this.x`, `return fetchUser(id)`, `this.x = x`, `throw new Error('todo')`), also
 * followed by `return this` (fluent registration), or that returns an object of the instance's own fields
 * (`toJSON() { return { id: this.id } }`).
 */
export function isTrivialBody(syntax: Syntax, fn: FunctionLike, ownMethods?: ReadonlySet<string>): boolean {
  const { K } = syntax;
  const body = fn.body;
  if (!body) return true;
  if (body.kind !== K.Block) return isTrivialValue(syntax, body);
  const statements = (body as TS.Block).statements;
  if (statements.length === 0) return true;
  // A log line says what happens; it does no work of its own: `log.info('adding'); await this.space.add(id);`.
  // Nor does a directive: `'worklet'; return { height: 0 };` (Reanimated), `'use server'`.
  const working = statements.filter((statement) => !isLogStatement(syntax, statement) && !isDirective(syntax, statement));
  if (working.length === 0 || (working.length === 1 && isTrivialStatement(syntax, working[0]!))) return true;
  if (statements.length === 2 && returnsThis(syntax, statements[1]!)) return isTrivialStatement(syntax, statements[0]!);
  if (statements.length === 2 && isThisDestructuring(syntax, statements[0]!) && returnsShorthandObject(syntax, statements[1]!)) return true;
  // `this.#transport().close(); this.reset();`: plumbing over methods each class declares itself. (Inherited ones,
  // `this.setDocuments(this.documents); this.spotlight.register(this)`, make a copy the base class could hold.)
  // So is setting a field to a passed value first: `this.pageIndex = page.pageIndex; this.fetchActivities();`.
  if (ownMethods && statements.length <= 3 && statements.some((statement) => callsOwnMethod(syntax, statement, ownMethods))) {
    if (statements.every((statement) => callsOwnMethod(syntax, statement, ownMethods) || isFieldSet(syntax, statement))) return true;
  }
  // `offset = 0; search = ''; show = false;`, `if (hide) { saved = data.default; data.default = null; } else ...`: state
  // set to values it already has or constants (a component's `let`s, which a shared function could not assign).
  // (Calls alone, `this.modal.hide(); this.$refs.confirm.show();`, are a component's work: they stay.)
  if (statements.every((statement) => isStateAssignment(syntax, statement, 0)) && !statements.every((statement) => isBareCall(syntax, statement))) return true;
  // `const req = context.getRequest(); return req.user;`: one forward and a property chain, split over a const; or
  // `const { ctx, skeleton } = input; return ctx.hydrator.hydrate(skeleton.dids);`: a forward of what a const unpacked.
  if (statements.length === 2 && isSimpleConst(syntax, statements[0]!) && returnsSimple(syntax, statements[1]!)) return true;
  if (statements.length === 2 && isUnpacking(syntax, statements[0]!) && isTrivialStatement(syntax, statements[1]!)) return true;
  return statements.length === 1 && isTrivialStatement(syntax, statements[0]!);
}

/** What a trivial body may return: a simple value, a forward, the instance's fields, constant data, static markup. */
function isTrivialValue(syntax: Syntax, value: TS.Node): boolean {
  return (
    isSimple(syntax, value) ||
    isForward(syntax, value) ||
    isDefaultedValue(syntax, value) ||
    isOwnFieldsObject(syntax, value) ||
    isDataLiteral(syntax, value, 0) ||
    isStaticMarkup(syntax, value, 0)
  );
}

/** `this.settings[type] ?? Defaults[type] ?? false`: a lookup with fallbacks, each a simple value. */
function isDefaultedValue(syntax: Syntax, node: TS.Node): boolean {
  const { K } = syntax;
  const value = unwrap(syntax, node);
  if (value.kind !== K.BinaryExpression) return false;
  const binary = value as TS.BinaryExpression;
  const operator = binary.operatorToken.kind;
  if (operator !== K.QuestionQuestionToken && operator !== K.BarBarToken) return false;
  const operand = (side: TS.Expression) => isSimple(syntax, side) || isDefaultedValue(syntax, side);
  return operand(binary.left) && operand(binary.right);
}

/**
 * `{ success: true, message: 'Integrated', code: Code.SUCCESS }`: an object or array of literals and named
 * constants, a constant itself. A projection of a parameter (`{ id: star.id, index: star.index }`) is not one.
 */
function isDataLiteral(syntax: Syntax, node: TS.Node, depth: number): boolean {
  const { K } = syntax;
  const value = unwrap(syntax, node);
  if (depth > 0 && isConstant(syntax, value)) return true;
  if (depth > 3) return false;
  if (value.kind === K.ArrayLiteralExpression) return (value as TS.ArrayLiteralExpression).elements.every((element) => isDataLiteral(syntax, element, depth + 1));
  if (value.kind !== K.ObjectLiteralExpression) return false;
  return (value as TS.ObjectLiteralExpression).properties.every(
    (property) => property.kind === K.PropertyAssignment && isDataLiteral(syntax, (property as TS.PropertyAssignment).initializer, depth + 1),
  );
}

/** A literal, or a named constant: `Code.SUCCESS`, `MAX_SIZE`, `Defaults.timeout`. */
function isConstant(syntax: Syntax, node: TS.Node): boolean {
  const { K } = syntax;
  let current = unwrap(syntax, node);
  if (current.kind === K.Identifier) return /^[A-Z][A-Z0-9_]*$/.test((current as TS.Identifier).text);
  if (current.kind !== K.PropertyAccessExpression) return isLeaf(syntax, current) && current.kind !== K.ThisKeyword && current.kind !== K.SuperKeyword && current.kind !== K.PrivateIdentifier;
  while (current.kind === K.PropertyAccessExpression) current = unwrap(syntax, (current as TS.PropertyAccessExpression).expression);
  return current.kind === K.Identifier && /^[A-Z]/.test((current as TS.Identifier).text);
}

/**
 * `<svg {...props}><path d="..." /></svg>`: an icon, markup with no logic (attributes and children are literals,
 * simple values, spread props or more such markup), a JSX fragment, not a helper.
 */
function isStaticMarkup(syntax: Syntax, node: TS.Node, depth: number): boolean {
  const { K } = syntax;
  const value = unwrap(syntax, node);
  if (depth > 40) return false;
  if (value.kind === K.JsxFragment) return depth > 0 && (value as TS.JsxFragment).children.every((child) => isStaticChild(syntax, child, depth));
  const element = value.kind === K.JsxElement ? (value as TS.JsxElement).openingElement : value.kind === K.JsxSelfClosingElement ? (value as TS.JsxSelfClosingElement) : undefined;
  if (!element) return false;
  // An icon (one static <svg>), or a wrapper of at most two elements that passes props on
  // (`<TeamProvider teamId={id}><TeamSettings teamId={id} /></TeamProvider>`). Larger static markup (a skeleton, a
  // layout) is a component of its own.
  const isSvg = element.tagName.kind === K.Identifier && (element.tagName as TS.Identifier).text === 'svg';
  if (depth === 0 && !isSvg && countElements(syntax, value) > MAX_WRAPPER_ELEMENTS) return false;
  const attributesStatic = element.attributes.properties.every((attribute) => {
    if (attribute.kind === K.JsxSpreadAttribute) return isSimple(syntax, (attribute as TS.JsxSpreadAttribute).expression);
    const initializer = (attribute as TS.JsxAttribute).initializer;
    if (!initializer || initializer.kind === K.StringLiteral) return true;
    return initializer.kind === K.JsxExpression && (!(initializer as TS.JsxExpression).expression || isStaticAttributeValue(syntax, (initializer as TS.JsxExpression).expression!));
  });
  return attributesStatic && (value.kind !== K.JsxElement || (value as TS.JsxElement).children.every((child) => isStaticChild(syntax, child, depth)));
}

/** A simple value, or a style object of them: `style={{ color: 'inherit', ...props.style }}`. */
function isStaticAttributeValue(syntax: Syntax, expression: TS.Expression): boolean {
  const { K } = syntax;
  const value = unwrap(syntax, expression);
  if (value.kind !== K.ObjectLiteralExpression) return isSimple(syntax, value);
  return (value as TS.ObjectLiteralExpression).properties.every((property) => {
    if (property.kind === K.PropertyAssignment) return isSimple(syntax, (property as TS.PropertyAssignment).initializer);
    return property.kind === K.SpreadAssignment && isSimple(syntax, (property as TS.SpreadAssignment).expression);
  });
}

const MAX_WRAPPER_ELEMENTS = 2;

/** The JSX elements in a tree, counted up to one more than {@link MAX_WRAPPER_ELEMENTS} (a large tree is not walked). */
function countElements(syntax: Syntax, root: TS.Node): number {
  const { K } = syntax;
  const pending: TS.Node[] = [root];
  let count = 0;
  while (pending.length > 0 && count <= MAX_WRAPPER_ELEMENTS) {
    const node = pending.pop()!;
    if (node.kind === K.JsxElement || node.kind === K.JsxSelfClosingElement) count++;
    if (node.kind === K.JsxElement || node.kind === K.JsxFragment) pending.push(...(node as TS.JsxElement).children);
  }
  return count;
}

function isStaticChild(syntax: Syntax, child: TS.JsxChild, depth: number): boolean {
  const { K } = syntax;
  if (child.kind === K.JsxText) return true;
  if (child.kind === K.JsxExpression) return !(child as TS.JsxExpression).expression || isSimple(syntax, (child as TS.JsxExpression).expression!);
  return isStaticMarkup(syntax, child, depth + 1);
}

function isTrivialStatement(syntax: Syntax, statement: TS.Statement): boolean {
  const { K } = syntax;
  if (statement.kind === K.ReturnStatement) {
    const value = (statement as TS.ReturnStatement).expression;
    return !value || isTrivialValue(syntax, value);
  }
  if (statement.kind === K.ExpressionStatement) {
    const expression = unwrap(syntax, (statement as TS.ExpressionStatement).expression);
    if (isForward(syntax, expression)) return true;
    if (expression.kind === K.BinaryExpression) {
      const binary = expression as TS.BinaryExpression;
      // `this.id = generateEntityId(this.id, 'cart')`, `this.prefs = { ...this.prefs, [key]: value }`: a field set
      // to a forward or to passed values (an ORM entity's `@BeforeCreate` and `@OnInit` hooks).
      // `this.deviceType = this.deviceService.getDeviceInfo().deviceType`: a field set from a call chain.
      // `this.serializer = options?.serializer ?? new MqttRecordSerializer()`: a passed value with a default.
      return binary.operatorToken.kind === K.EqualsToken && isSimple(syntax, binary.left) && (isPassedValue(syntax, binary.right, 0) || isCallChain(syntax, binary.right) || isDefaultedPassedValue(syntax, binary.right));
    }
    return false;
  }
  if (statement.kind === K.ThrowStatement) {
    const thrown = unwrap(syntax, (statement as TS.ThrowStatement).expression);
    return isSimple(syntax, thrown) || isForward(syntax, thrown);
  }
  return false;
}

const LOG_METHODS = new Set(['trace', 'debug', 'info', 'warn', 'warning', 'error', 'fatal', 'log', 'verbose', 'silly']);
const LOGGER_NAME = /^(?:console|log|logger|_?log[A-Z]\w*|\w*Logger)$/;

/** `log.info(...)`, `console.debug(...)`, `this.logger.warn(...)`: a call of a level method on something named like a logger. */
function isLogStatement(syntax: Syntax, statement: TS.Statement): boolean {
  const { K } = syntax;
  if (statement.kind !== K.ExpressionStatement) return false;
  const call = unwrap(syntax, (statement as TS.ExpressionStatement).expression);
  if (call.kind !== K.CallExpression) return false;
  const callee = (call as TS.CallExpression).expression;
  if (callee.kind !== K.PropertyAccessExpression || !LOG_METHODS.has((callee as TS.PropertyAccessExpression).name.text)) return false;
  const receiver = unwrap(syntax, (callee as TS.PropertyAccessExpression).expression);
  const name =
    receiver.kind === K.Identifier ? (receiver as TS.Identifier).text : receiver.kind === K.PropertyAccessExpression ? (receiver as TS.PropertyAccessExpression).name.text : undefined;
  return name !== undefined && LOGGER_NAME.test(name);
}

/** `'worklet';`, `'use strict';`: a string literal alone as a statement. */
function isDirective(syntax: Syntax, statement: TS.Statement): boolean {
  const { K } = syntax;
  return statement.kind === K.ExpressionStatement && (statement as TS.ExpressionStatement).expression.kind === K.StringLiteral;
}

/** `return req.user;`, `return <Settings id={id} />;` */
function returnsSimple(syntax: Syntax, statement: TS.Statement): boolean {
  const value = statement.kind === syntax.K.ReturnStatement ? (statement as TS.ReturnStatement).expression : undefined;
  return value !== undefined && (isSimple(syntax, value) || isStaticMarkup(syntax, value, 0));
}

/** `const { ctx, params } = input;`: names for the fields of a value, no work. */
function isUnpacking(syntax: Syntax, statement: TS.Statement): boolean {
  const { K } = syntax;
  if (statement.kind !== K.VariableStatement) return false;
  const declarations = (statement as TS.VariableStatement).declarationList.declarations;
  if (declarations.length !== 1 || declarations[0]!.name.kind !== K.ObjectBindingPattern) return false;
  const initializer = declarations[0]!.initializer;
  return initializer !== undefined && isSimple(syntax, initializer);
}

/**
 * `const x = <identifier, literal, property chain, or calls over simple values>;`, also `const { id } = await params;`
 * and `const [first] = await this.execute(options);`
 */
function isSimpleConst(syntax: Syntax, statement: TS.Statement): boolean {
  const { K } = syntax;
  if (statement.kind !== K.VariableStatement) return false;
  const declarations = (statement as TS.VariableStatement).declarationList.declarations;
  const name = declarations.length === 1 ? declarations[0]!.name.kind : undefined;
  const bound = name === K.Identifier || name === K.ObjectBindingPattern || name === K.ArrayBindingPattern;
  const initializer = bound ? declarations[0]!.initializer : undefined;
  return initializer !== undefined && (isSimple(syntax, initializer) || isCallChain(syntax, initializer));
}

/**
 * `context.switchToHttp().getRequest()`, `await this.orchestrator.run(id, options)`: calls and property reads over
 * simple values, one after the other, maybe awaited.
 */
function isCallChain(syntax: Syntax, node: TS.Node): boolean {
  const { K } = syntax;
  let current = unwrap(syntax, node);
  if (current.kind === K.AwaitExpression) current = unwrap(syntax, (current as TS.AwaitExpression).expression);
  for (;;) {
    if (current.kind === K.CallExpression) {
      const call = current as TS.CallExpression;
      if (!call.arguments.every((argument) => isSimple(syntax, argument))) return false;
      current = unwrap(syntax, call.expression);
    } else if (current.kind === K.PropertyAccessExpression) {
      current = unwrap(syntax, (current as TS.PropertyAccessExpression).expression);
    } else {
      return current.kind === K.Identifier || current.kind === K.ThisKeyword;
    }
  }
}

/** `const { id, type } = this;` */
function isThisDestructuring(syntax: Syntax, statement: TS.Statement): boolean {
  const { K } = syntax;
  if (statement.kind !== K.VariableStatement) return false;
  const declarations = (statement as TS.VariableStatement).declarationList.declarations;
  return declarations.length === 1 && declarations[0]!.name.kind === K.ObjectBindingPattern && !!declarations[0]!.initializer && unwrap(syntax, declarations[0]!.initializer).kind === K.ThisKeyword;
}

/** `return { id, type, owner: userId };`: the destructured fields put back, a projection of the instance. */
function returnsShorthandObject(syntax: Syntax, statement: TS.Statement): boolean {
  const { K } = syntax;
  const value = statement.kind === K.ReturnStatement ? (statement as TS.ReturnStatement).expression : undefined;
  if (!value || unwrap(syntax, value).kind !== K.ObjectLiteralExpression) return false;
  return (unwrap(syntax, value) as TS.ObjectLiteralExpression).properties.every(
    (property) => property.kind === K.ShorthandPropertyAssignment || (property.kind === K.PropertyAssignment && isSimple(syntax, (property as TS.PropertyAssignment).initializer)),
  );
}

function returnsThis(syntax: Syntax, statement: TS.Statement): boolean {
  const value = statement.kind === syntax.K.ReturnStatement ? (statement as TS.ReturnStatement).expression : undefined;
  return value !== undefined && unwrap(syntax, value).kind === syntax.K.ThisKeyword;
}

/** `{ id: this.id, state: this.socket.readyState }`: a projection of the instance, not a computation. */
function isOwnFieldsObject(syntax: Syntax, node: TS.Node): boolean {
  const { K } = syntax;
  const object = unwrap(syntax, node);
  if (object.kind !== K.ObjectLiteralExpression) return false;
  const properties = (object as TS.ObjectLiteralExpression).properties;
  return (
    properties.length > 0 &&
    properties.every((property) => property.kind === K.PropertyAssignment && isThisChain(syntax, (property as TS.PropertyAssignment).initializer))
  );
}

function isThisChain(syntax: Syntax, node: TS.Node): boolean {
  const { K } = syntax;
  let current = unwrap(syntax, node);
  while (current.kind === K.PropertyAccessExpression) current = unwrap(syntax, (current as TS.PropertyAccessExpression).expression);
  return current.kind === K.ThisKeyword;
}

/** An identifier, literal, keyword, `this`, or a property chain over them (`this.a.b`, `x[0]`, `!x`). */
function isSimple(syntax: Syntax, node: TS.Node): boolean {
  const { K } = syntax;
  let current = unwrap(syntax, node);
  for (;;) {
    const kind = current.kind;
    if (kind === K.AwaitExpression || kind === K.PrefixUnaryExpression || kind === K.TypeOfExpression || kind === K.VoidExpression) {
      current = unwrap(syntax, (current as TS.AwaitExpression).expression ?? (current as TS.PrefixUnaryExpression).operand);
      continue;
    }
    if (kind === K.PropertyAccessExpression) {
      current = unwrap(syntax, (current as TS.PropertyAccessExpression).expression);
      continue;
    }
    if (kind === K.ElementAccessExpression) {
      // `row[key]`, `this.state.items[this.state.selectedIdx]`: a lookup by a simple key.
      const access = current as TS.ElementAccessExpression;
      const key = unwrap(syntax, access.argumentExpression);
      if (!isLeaf(syntax, key) && (key.kind !== K.PropertyAccessExpression || !isSimple(syntax, key))) return false;
      current = unwrap(syntax, access.expression);
      continue;
    }
    return isLeaf(syntax, current);
  }
}

function isLeaf(syntax: Syntax, node: TS.Node): boolean {
  const { K } = syntax;
  const kind = unwrap(syntax, node).kind;
  return (
    kind === K.Identifier ||
    kind === K.PrivateIdentifier ||
    kind === K.ThisKeyword ||
    kind === K.SuperKeyword ||
    kind === K.StringLiteral ||
    kind === K.NumericLiteral ||
    kind === K.BigIntLiteral ||
    kind === K.NoSubstitutionTemplateLiteral ||
    kind === K.TrueKeyword ||
    kind === K.FalseKeyword ||
    kind === K.NullKeyword ||
    kind === K.RegularExpressionLiteral
  );
}

/**
 * One call or `new` whose callee is simple and whose arguments only pass values along: simple values,
 * spreads, object and array literals of such values, nested forwarding calls. `return new Class({ type:
 * 'email', ...normalize(params) })` configures a call rather than computing anything.
 */
function isForward(syntax: Syntax, node: TS.Node, depth = 0): boolean {
  const { K } = syntax;
  let current = unwrap(syntax, node);
  while (current.kind === K.AwaitExpression || current.kind === K.PrefixUnaryExpression) {
    current = unwrap(syntax, (current as TS.AwaitExpression).expression ?? (current as TS.PrefixUnaryExpression).operand);
  }
  if (current.kind !== K.CallExpression && current.kind !== K.NewExpression) return false;
  const call = current as TS.CallExpression;
  // The callee: a name or property chain, a forward itself, or a method of an object built for the call
  // (`new Task().schedule(...)`; not of another call's result: `createHash('sha256').update(x).digest('hex')` is work).
  let callee = unwrap(syntax, call.expression);
  if (!isSimple(syntax, callee) && !(depth < 2 && isForward(syntax, callee, depth + 1))) {
    while (callee.kind === K.PropertyAccessExpression) callee = unwrap(syntax, (callee as TS.PropertyAccessExpression).expression);
    if (callee.kind !== K.NewExpression || !(depth < 2 && isForward(syntax, callee, depth + 1))) return false;
  }
  for (const argument of call.arguments ?? []) if (!isPassedValue(syntax, argument, depth)) return false;
  return true;
}

/** `this.reset();`, `await this.#manager().flush(id);`: calls over passed values, from a call of a method the class declares. */
function callsOwnMethod(syntax: Syntax, statement: TS.Statement, ownMethods: ReadonlySet<string>): boolean {
  const { K } = syntax;
  if (statement.kind !== K.ExpressionStatement) return false;
  let current = unwrap(syntax, (statement as TS.ExpressionStatement).expression);
  if (current.kind === K.AwaitExpression) current = unwrap(syntax, (current as TS.AwaitExpression).expression);
  let called = false;
  for (;;) {
    if (current.kind === K.CallExpression) {
      const call = current as TS.CallExpression;
      if (!call.arguments.every((argument) => isPassedValue(syntax, argument, 0))) return false;
      current = unwrap(syntax, call.expression);
      called = true;
    } else if (current.kind === K.PropertyAccessExpression) {
      const access = current as TS.PropertyAccessExpression;
      if (unwrap(syntax, access.expression).kind === K.ThisKeyword) return called && ownMethods.has(access.name.text);
      current = unwrap(syntax, access.expression);
      called = false;
    } else {
      return false;
    }
  }
}

function isBareCall(syntax: Syntax, statement: TS.Statement): boolean {
  return statement.kind === syntax.K.ExpressionStatement && unwrap(syntax, (statement as TS.ExpressionStatement).expression).kind === syntax.K.CallExpression;
}

/**
 * `show = false;`, `data.default = saved;`, `items = [];`, `selected.clear();`, or an `if` on a simple value choosing
 * between such statements.
 */
function isStateAssignment(syntax: Syntax, statement: TS.Statement, depth: number): boolean {
  const { K } = syntax;
  if (depth > 2) return false;
  if (statement.kind === K.Block) return (statement as TS.Block).statements.every((inner) => isStateAssignment(syntax, inner, depth + 1));
  if (statement.kind === K.IfStatement) {
    const { expression, thenStatement, elseStatement } = statement as TS.IfStatement;
    return isSimple(syntax, expression) && isStateAssignment(syntax, thenStatement, depth + 1) && (!elseStatement || isStateAssignment(syntax, elseStatement, depth + 1));
  }
  if (statement.kind !== K.ExpressionStatement) return false;
  const expression = unwrap(syntax, (statement as TS.ExpressionStatement).expression);
  // `selected.clear()`: emptied in place.
  if (expression.kind === K.CallExpression) return (expression as TS.CallExpression).arguments.length === 0 && isSimple(syntax, (expression as TS.CallExpression).expression);
  if (expression.kind !== K.BinaryExpression) return false;
  const { left, operatorToken, right } = expression as TS.BinaryExpression;
  if (operatorToken.kind !== K.EqualsToken || !isSimple(syntax, left)) return false;
  return isEmptyLiteral(syntax, right) || isSimple(syntax, right);
}

/** `[]` or `{}`. */
export function isEmptyLiteral(syntax: Syntax, node: TS.Node): boolean {
  const { K } = syntax;
  const value = unwrap(syntax, node);
  if (value.kind === K.ArrayLiteralExpression) return (value as TS.ArrayLiteralExpression).elements.length === 0;
  return value.kind === K.ObjectLiteralExpression && (value as TS.ObjectLiteralExpression).properties.length === 0;
}

/** `this.pageIndex = page.pageIndex;`: a field of the instance set to a simple value. */
function isFieldSet(syntax: Syntax, statement: TS.Statement): boolean {
  const { K } = syntax;
  if (statement.kind !== K.ExpressionStatement) return false;
  const expression = unwrap(syntax, (statement as TS.ExpressionStatement).expression);
  if (expression.kind !== K.BinaryExpression) return false;
  const { left, operatorToken, right } = expression as TS.BinaryExpression;
  if (operatorToken.kind !== K.EqualsToken || left.kind !== K.PropertyAccessExpression) return false;
  return unwrap(syntax, (left as TS.PropertyAccessExpression).expression).kind === K.ThisKeyword && isSimple(syntax, right);
}

/** `(row) => row.name`, `(page) => page.data.items`: a field of its one parameter. */
function isFieldProjection(syntax: Syntax, arrow: TS.ArrowFunction): boolean {
  const { K } = syntax;
  const parameter = arrow.parameters.length === 1 ? arrow.parameters[0]!.name : undefined;
  if (!parameter || parameter.kind !== K.Identifier) return false;
  let current = unwrap(syntax, arrow.body);
  if (current.kind !== K.PropertyAccessExpression) return false;
  while (current.kind === K.PropertyAccessExpression) current = unwrap(syntax, (current as TS.PropertyAccessExpression).expression);
  return current.kind === K.Identifier && (current as TS.Identifier).text === (parameter as TS.Identifier).text;
}

/** `() => 'now()'`: a literal, made lazy (an ORM column's default). */
function isConstantThunk(syntax: Syntax, arrow: TS.ArrowFunction): boolean {
  const { K } = syntax;
  const kind = unwrap(syntax, arrow.body).kind;
  const literal = kind === K.StringLiteral || kind === K.NumericLiteral || kind === K.NoSubstitutionTemplateLiteral || kind === K.TrueKeyword || kind === K.FalseKeyword || kind === K.NullKeyword;
  return arrow.parameters.length === 0 && literal;
}

/** `options?.serializer ?? new MqttRecordSerializer()`, `(options && options.serializer) || new X()`. */
function isDefaultedPassedValue(syntax: Syntax, node: TS.Node): boolean {
  const { K } = syntax;
  const value = unwrap(syntax, node);
  if (value.kind !== K.BinaryExpression) return false;
  const { left, operatorToken, right } = value as TS.BinaryExpression;
  const operator = operatorToken.kind;
  if (operator !== K.QuestionQuestionToken && operator !== K.BarBarToken && operator !== K.AmpersandAmpersandToken) return false;
  const operand = (side: TS.Node) => isPassedValue(syntax, side, 0) || isDefaultedPassedValue(syntax, side);
  return operand(left) && operand(right);
}

function isPassedValue(syntax: Syntax, node: TS.Node, depth: number): boolean {
  const { K } = syntax;
  const value = unwrap(syntax, node);
  if (isSimple(syntax, value)) return true;
  if (depth >= 3) return false;
  switch (value.kind) {
    case K.ArrowFunction:
      return isFieldProjection(syntax, value as TS.ArrowFunction) || isConstantThunk(syntax, value as TS.ArrowFunction);
    case K.TemplateExpression:
      // `${BASE_PATH}/${id}`: a URL put together from values.
      return (value as TS.TemplateExpression).templateSpans.every((span) => isSimple(syntax, span.expression));
    case K.SpreadElement:
    case K.SpreadAssignment:
      return isPassedValue(syntax, (value as TS.SpreadElement).expression, depth + 1);
    case K.ArrayLiteralExpression:
      return (value as TS.ArrayLiteralExpression).elements.every((element) => isPassedValue(syntax, element, depth + 1));
    case K.ObjectLiteralExpression:
      return (value as TS.ObjectLiteralExpression).properties.every(
        (property) =>
          property.kind === K.ShorthandPropertyAssignment ||
          (property.kind === K.PropertyAssignment && isPassedValue(syntax, (property as TS.PropertyAssignment).initializer, depth + 1)) ||
          (property.kind === K.SpreadAssignment && isPassedValue(syntax, (property as TS.SpreadAssignment).expression, depth + 1)),
      );
    default:
      return isForward(syntax, value, depth + 1);
  }
}
