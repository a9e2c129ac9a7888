import type * as TS from 'typescript';
import type { Syntax } from './syntax.js';
import { hasModifier } from './units.js';

/**
 * The module specifier a node imports from: `import ... from 'x'`, `export ... from 'x'`, `import x = require('x')`,
 * `require('x')` and `import('x')`; undefined for any other node.
 */
export function importSpecifierOf(syntax: Syntax, node: TS.Node): string | undefined {
  const { K } = syntax;
  const kind = node.kind;
  if (kind === K.ImportDeclaration || kind === K.ExportDeclaration) {
    const specifier = (node as TS.ImportDeclaration).moduleSpecifier;
    return specifier && specifier.kind === K.StringLiteral ? (specifier as TS.StringLiteral).text : undefined;
  }
  if (kind === K.ImportEqualsDeclaration) {
    const reference = (node as TS.ImportEqualsDeclaration).moduleReference;
    if (reference.kind !== K.ExternalModuleReference) return undefined;
    const expression = (reference as TS.ExternalModuleReference).expression;
    return expression.kind === K.StringLiteral ? (expression as TS.StringLiteral).text : undefined;
  }
  if (kind === K.CallExpression) {
    const call = node as TS.CallExpression;
    const callee = call.expression;
    if (!isRequireCall(syntax, call) && callee.kind !== K.ImportKeyword) return undefined;
    const first = call.arguments[0];
    return first && (first.kind === K.StringLiteral || first.kind === K.NoSubstitutionTemplateLiteral) ? (first as TS.StringLiteral).text : undefined;
  }
  return undefined;
}

/** `require(...)`. */
export function isRequireCall(syntax: Syntax, node: TS.Node): boolean {
  if (node.kind !== syntax.K.CallExpression) return false;
  const callee = (node as TS.CallExpression).expression;
  return callee.kind === syntax.K.Identifier && (callee as TS.Identifier).text === 'require';
}

/** Where a `require(` or `import(` call may be; without one, only declarations can import. */
const IMPORT_CALL = /\brequire\b|\bimport\s*\(/;

/**
 * A specifier that may name one of the project's files: relative, through an alias (`@/x`, `~/x`, `#x`, `$lib/x`),
 * or a path from a `baseUrl` (`src/processors/table.processor`). A package's subpath (`lodash/fp`) looks like the
 * last, and simply resolves to no file.
 */
export function mayNameProjectFile(specifier: string): boolean {
  return specifier.startsWith('.') || specifier.startsWith('#') || (specifier.includes('/') && !/^@[\w-]/.test(specifier) && !specifier.startsWith('node:'));
}

/**
 * The specifiers a file imports from that may name project files (see {@link mayNameProjectFile}), sorted: what `FileEmitter` records, without writing any tokens
 * (for files whose helpers are never compared but whose imports still count, such as tests). Like the emitter,
 * it does not look inside `declare module` blocks.
 */
export function relativeImportsOf(syntax: Syntax, sourceFile: TS.SourceFile): string[] {
  const { K, ts } = syntax;
  const found = new Set<string>();
  const deep = IMPORT_CALL.test(sourceFile.text);
  const nodes: TS.Node[] = [sourceFile];
  const push = (child: TS.Node): void => {
    nodes.push(child);
  };
  while (nodes.length) {
    const node = nodes.pop()!;
    const specifier = importSpecifierOf(syntax, node);
    if (specifier !== undefined && mayNameProjectFile(specifier)) found.add(specifier);
    const kind = node.kind;
    if (kind === K.ModuleDeclaration) {
      if (hasModifier(node, K.DeclareKeyword)) continue;
      ts.forEachChild(node, push);
    } else if (deep || kind === K.SourceFile || kind === K.ModuleBlock) {
      // Declarations sit at the top level or in namespaces; calls anywhere.
      ts.forEachChild(node, push);
    }
  }
  return [...found].sort();
}
