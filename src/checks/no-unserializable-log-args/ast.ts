import type * as TS from 'typescript';
import type { TypeScriptApi } from '../../core/location.js';

/** Strips parentheses, `!` and `satisfies`, which do not change the runtime value. */
export function unwrapExpression(ts: TypeScriptApi, node: TS.Expression): TS.Expression {
  let current = node;
  for (let guard = 0; guard < 64; guard++) {
    if (ts.isParenthesizedExpression(current) || ts.isNonNullExpression(current)) {
      current = current.expression;
    } else if (ts.isSatisfiesExpression?.(current)) {
      current = current.expression;
    } else {
      return current;
    }
  }
  return current;
}

/** `a.b.c` / `this.x.y` / `f` as written, or undefined for anything else (calls, element access...). */
export function dottedName(ts: TypeScriptApi, node: TS.Expression): string | undefined {
  const parts: string[] = [];
  let current: TS.Expression = unwrapExpression(ts, node);
  for (let guard = 0; guard < 16; guard++) {
    if (ts.isIdentifier(current)) {
      parts.unshift(current.text);
      return parts.join('.');
    }
    if (current.kind === ts.SyntaxKind.ThisKeyword) {
      parts.unshift('this');
      return parts.join('.');
    }
    if (ts.isPropertyAccessExpression(current) && ts.isIdentifier(current.name)) {
      parts.unshift(current.name.text);
      current = unwrapExpression(ts, current.expression);
      continue;
    }
    return undefined;
  }
  return undefined;
}

/** The first name of what `dottedName` gives (`a` for `a.b.c`), without building the whole name. */
export function dottedRoot(ts: TypeScriptApi, node: TS.Expression): string | undefined {
  let current: TS.Expression = unwrapExpression(ts, node);
  for (let guard = 0; guard < 16; guard++) {
    if (ts.isIdentifier(current)) return current.text;
    if (current.kind === ts.SyntaxKind.ThisKeyword) return 'this';
    if (ts.isPropertyAccessExpression(current) && ts.isIdentifier(current.name)) {
      current = unwrapExpression(ts, current.expression);
      continue;
    }
    return undefined;
  }
  return undefined;
}

/** The last name of a callee: `info` for `a.b.info(...)`, `write` for `write(...)`. */
export function calleeName(ts: TypeScriptApi, callee: TS.Expression): string | undefined {
  const inner = unwrapExpression(ts, callee);
  if (ts.isIdentifier(inner)) return inner.text;
  if (ts.isPropertyAccessExpression(inner) && ts.isIdentifier(inner.name)) return inner.name.text;
  return undefined;
}

/** Short source text of a node for messages: whitespace collapsed, cut at 60 characters. */
export function shortText(sourceFile: TS.SourceFile, node: TS.Node): string {
  const text = node.getText(sourceFile).replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function propertyNameText(ts: TypeScriptApi, name: TS.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) {
    return name.text;
  }
  if (ts.isComputedPropertyName(name)) {
    const expression = unwrapExpression(ts, name.expression);
    if (ts.isStringLiteral(expression) || ts.isNumericLiteral(expression)) return expression.text;
  }
  return undefined;
}

/** A string literal or a template (its literal parts only): the text a format string is made of. */
export function literalText(ts: TypeScriptApi, node: TS.Expression): string | undefined {
  const inner = unwrapExpression(ts, node);
  if (ts.isStringLiteral(inner) || ts.isNoSubstitutionTemplateLiteral(inner)) return inner.text;
  if (ts.isTemplateExpression(inner)) {
    return inner.head.text + inner.templateSpans.map((span) => ' ' + span.literal.text).join('');
  }
  if (ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = literalText(ts, inner.left);
    const right = literalText(ts, inner.right);
    if (left !== undefined || right !== undefined) return (left ?? ' ') + (right ?? ' ');
  }
  return undefined;
}

/** Number of printf placeholders (`%s`, `%d`, `%j`, `%o`...) that consume an argument; `%%` does not. */
export function countPlaceholders(format: string): number {
  let count = 0;
  for (let i = 0; i < format.length - 1; i++) {
    if (format[i] !== '%') continue;
    const next = format[i + 1]!;
    if (next === '%') {
      i++;
    } else if ('sdifjoOc'.includes(next)) {
      count++;
      i++;
    }
  }
  return count;
}

export function hasJsonPlaceholder(format: string): boolean {
  return /(^|[^%])(%%)*%j/.test(format);
}

/** Name of the function, method or variable a function-like node is known by (for messages and identity). */
export function functionNameOf(ts: TypeScriptApi, node: TS.Node): string | undefined {
  if ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isClassDeclaration(node)) && node.name) {
    return node.name.text;
  }
  if (ts.isMethodDeclaration(node) || ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node)) {
    const name = propertyNameText(ts, node.name);
    const owner = ownerName(ts, node.parent);
    return owner && name ? `${owner}.${name}` : name;
  }
  if (ts.isConstructorDeclaration(node)) {
    const owner = ownerName(ts, node.parent);
    return owner ? `${owner}.constructor` : 'constructor';
  }
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
    const parent = node.parent;
    if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
    if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.name) {
      const name = propertyNameText(ts, parent.name);
      const owner = ownerName(ts, parent.parent);
      return owner && name ? `${owner}.${name}` : name;
    }
  }
  return undefined;
}

/** The name of a class or of the variable an object literal is assigned to. */
function ownerName(ts: TypeScriptApi, node: TS.Node): string | undefined {
  if ((ts.isClassDeclaration(node) || ts.isClassExpression(node)) && node.name) return node.name.text;
  if (ts.isObjectLiteralExpression(node)) {
    const parent = node.parent;
    if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  }
  return undefined;
}

/** The innermost named function-like around a node, for finding identity. */
export function enclosingFunctionName(ts: TypeScriptApi, node: TS.Node): string {
  for (let current: TS.Node | undefined = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current) || ts.isClassDeclaration(current)) {
      const name = functionNameOf(ts, current);
      if (name) return name;
    }
  }
  return '';
}

/** The package a declaration comes from: `node_modules/<pkg>` or `declare module '<pkg>'`. */
export function packageOfDeclaration(ts: TypeScriptApi, declaration: TS.Node): string | undefined {
  for (let current: TS.Node | undefined = declaration.parent; current; current = current.parent) {
    if (ts.isModuleDeclaration(current) && ts.isStringLiteral(current.name)) return current.name.text;
  }
  const fileName = declaration.getSourceFile().fileName;
  const match = /\/node_modules\/(?:@types\/)?((?:@[^/]+\/)?[^/]+)\/(?!.*\/node_modules\/)/.exec(fileName);
  if (!match) return undefined;
  const name = match[1]!;
  return name.includes('__') ? '@' + name.replace('__', '/') : name;
}

/** Declared in a TypeScript default library file (lib.*.d.ts). */
export function isDefaultLibDeclaration(declaration: TS.Node): boolean {
  const fileName = declaration.getSourceFile().fileName;
  return /(^|\/)lib\.[\w.]*\.d\.ts$/.test(fileName);
}

export function isInDeclarationFileOrPackage(declaration: TS.Node): boolean {
  const sourceFile = declaration.getSourceFile();
  return sourceFile.isDeclarationFile || sourceFile.fileName.includes('/node_modules/');
}

/** Array methods whose callback receives each element: `args.map((a) => ...)`. */
const ELEMENT_CALLBACK_METHODS = new Set(['map', 'flatMap', 'forEach']);

/** The array a function is the element callback of (`args` in `args.map((a) => ...)`), or undefined. */
export function elementCallbackArray(ts: TypeScriptApi, fn: TS.Node): TS.Expression | undefined {
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return undefined;
  const call = fn.parent;
  if (!ts.isCallExpression(call) || call.arguments[0] !== fn) return undefined;
  const callee = unwrapExpression(ts, call.expression);
  return ts.isPropertyAccessExpression(callee) && ELEMENT_CALLBACK_METHODS.has(callee.name.text) ? unwrapExpression(ts, callee.expression) : undefined;
}

/** A function a declaration binds: `function f() {}`, `const f = () => ...`, `const f = function () {}`. */
export function functionOfDeclaration(ts: TypeScriptApi, declaration: TS.Declaration): TS.FunctionDeclaration | TS.ArrowFunction | TS.FunctionExpression | undefined {
  if (ts.isFunctionDeclaration(declaration)) return declaration;
  if (!ts.isVariableDeclaration(declaration) || !declaration.initializer) return undefined;
  const initializer = unwrapExpression(ts, declaration.initializer);
  return ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer) ? initializer : undefined;
}

/** What a function body's own `return`s return (not those of functions or classes nested in it), in source order. */
export function returnedExpressions(ts: TypeScriptApi, body: TS.Block): TS.Expression[] {
  const returned: TS.Expression[] = [];
  const visit = (node: TS.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isReturnStatement(node) && node.expression) returned.push(node.expression);
    else ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return returned;
}

/** What a class's constructor assigns to `this.<name>` (also `this.#name`), in source order (top-level statements of its body). */
export function constructorAssignments(ts: TypeScriptApi, owner: TS.ClassLikeDeclaration, name: string): TS.Expression[] {
  const values: TS.Expression[] = [];
  for (const member of owner.members) {
    if (!ts.isConstructorDeclaration(member) || !member.body) continue;
    for (const statement of member.body.statements) {
      const assignment = ts.isExpressionStatement(statement) ? statement.expression : undefined;
      if (
        assignment &&
        ts.isBinaryExpression(assignment) &&
        assignment.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        (dottedName(ts, assignment.left) === `this.${name}` ||
          (ts.isPropertyAccessExpression(assignment.left) && assignment.left.expression.kind === ts.SyntaxKind.ThisKeyword && assignment.left.name.text === name))
      ) {
        values.push(assignment.right);
      }
    }
  }
  return values;
}
