import type * as TS from 'typescript';
import { propertyNameText } from './ast.js';
import type { SafeHelper } from './facts.js';
import type { Options } from './options.js';
import type { TypeScriptApi } from '../../core/location.js';

/** Functions and methods whose name says they make a value safe to log (configured, or by pattern). */
export function collectSafeHelpers(ts: TypeScriptApi, sourceFile: TS.SourceFile, file: string, options: Options): SafeHelper[] {
  let pattern: RegExp | undefined;
  try {
    pattern = options.safeHelperPattern ? new RegExp(options.safeHelperPattern, 'i') : undefined;
  } catch {
    pattern = undefined;
  }
  const named = new Set(options.safeHelpers);
  const matches = (name: string): boolean => named.has(name) || (pattern !== undefined && pattern.test(name));
  const helpers: SafeHelper[] = [];
  // `exported` is asked only of the few functions whose name matches.
  const add = (name: string, nameNode: TS.Node, fn: TS.SignatureDeclaration, exported: () => boolean): void => {
    if (!matches(name)) return;
    const position = sourceFile.getLineAndCharacterOfPosition(nameNode.getStart(sourceFile));
    helpers.push({ name, file, line: position.line + 1, column: position.character + 1, exported: exported(), acceptedTypes: acceptedTypes(ts, fn) });
  };
  const stack: TS.Node[] = [sourceFile];
  const pushChild = (child: TS.Node): void => {
    stack.push(child);
  };
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (ts.isFunctionDeclaration(node) && node.name) {
      const declaration = node;
      add(node.name.text, node.name, node, () => isExported(ts, declaration));
    } else if (ts.isMethodDeclaration(node)) {
      const method = node;
      const name = propertyNameText(ts, method.name);
      const isPrivate = () => ts.getModifiers(method)?.some((m) => m.kind === ts.SyntaxKind.PrivateKeyword) || ts.isPrivateIdentifier(method.name);
      if (name !== undefined) add(name, method.name, method, () => !isPrivate() && isExportedClassMember(ts, method));
    } else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      const initializer = node.initializer;
      if (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)) {
        const statement = node.parent.parent;
        add(node.name.text, node.name, initializer, () => ts.isVariableStatement(statement) && isExported(ts, statement));
      }
    }
    if (ts.isBlock(node) || ts.isSourceFile(node) || ts.isClassLike(node) || ts.isModuleBlock(node) || ts.isModuleDeclaration(node) ||
      ts.isVariableStatement(node) || ts.isVariableDeclarationList(node)) {
      ts.forEachChild(node, pushChild);
    }
  }
  return helpers;
}

function isExported(ts: TypeScriptApi, node: TS.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ?? false);
}

function isExportedClassMember(ts: TypeScriptApi, node: TS.MethodDeclaration): boolean {
  return ts.isClassDeclaration(node.parent) && isExported(ts, node.parent);
}

/** Type names in the first parameter's annotation: `state: WebSocketState | number` -> [WebSocketState]. */
function acceptedTypes(ts: TypeScriptApi, fn: TS.SignatureDeclaration): string[] {
  const annotation = fn.parameters[0]?.type;
  if (!annotation) return [];
  const names = new Set<string>();
  const stack: TS.Node[] = [annotation];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (ts.isTypeReferenceNode(node)) {
      const name = ts.isIdentifier(node.typeName) ? node.typeName.text : node.typeName.right.text;
      names.add(name);
    }
    ts.forEachChild(node, (child) => {
      stack.push(child);
    });
  }
  return [...names].sort();
}
