import type * as TS from 'typescript';
import type { TypeScriptApi } from '../../core/location.js';
import { hashText } from './hash.js';

/**
 * Per-TypeScript-version lookup tables. SyntaxKind numbers differ between versions, so every kind is
 * fingerprinted by its name: facts computed by ts-morph's TypeScript and by the user's agree.
 */
export interface Syntax {
  ts: TypeScriptApi;
  K: typeof TS.SyntaxKind;
  /** Stable 32-bit code of each kind, by kind number. */
  code: Int32Array;
  /** Kinds that start a statement of their own in the statement list used for near-miss matching. */
  statement: Uint8Array;
  /** Modifiers that say nothing about what a function does (`export`, `private`, `readonly`...). */
  ignoredModifier: Uint8Array;
  /** Declarations and annotations that carry no runtime behaviour. */
  typeOnly: Uint8Array;
  /** Function-like nodes that can be a helper. */
  functionLike: Uint8Array;
  /** The last token kind: nodes above it have children and get a closing marker. */
  lastToken: number;
}

const bySyntaxKind = new WeakMap<object, Syntax>();

export function syntaxOf(ts: TypeScriptApi): Syntax {
  let syntax = bySyntaxKind.get(ts);
  if (!syntax) {
    syntax = buildSyntax(ts);
    bySyntaxKind.set(ts, syntax);
  }
  return syntax;
}

function buildSyntax(ts: TypeScriptApi): Syntax {
  const K = ts.SyntaxKind;
  const size = Math.max(...Object.values(K).filter((v): v is number => typeof v === 'number')) + 1;
  const code = new Int32Array(size);
  for (let kind = 0; kind < size; kind++) code[kind] = hashText(`kind:${String(K[kind])}`) | 0;
  // One code for every function-like node: an arrow, a function expression and a method are one shape.
  const functionCode = hashText('kind:Function') | 0;
  for (const kind of [K.ArrowFunction, K.FunctionExpression, K.FunctionDeclaration, K.MethodDeclaration]) code[kind] = functionCode;
  const table = (kinds: (number | undefined)[]): Uint8Array => {
    const marks = new Uint8Array(size);
    for (const kind of kinds) if (kind !== undefined) marks[kind] = 1;
    return marks;
  };
  return {
    ts,
    K,
    code,
    statement: table([
      K.VariableStatement, K.ExpressionStatement, K.IfStatement, K.DoStatement, K.WhileStatement, K.ForStatement,
      K.ForInStatement, K.ForOfStatement, K.ContinueStatement, K.BreakStatement, K.ReturnStatement, K.WithStatement,
      K.SwitchStatement, K.LabeledStatement, K.ThrowStatement, K.TryStatement, K.DebuggerStatement, K.CaseClause,
      K.DefaultClause, K.CatchClause, K.FunctionDeclaration, K.ClassDeclaration, K.EnumDeclaration,
    ]),
    ignoredModifier: table([
      K.ExportKeyword, K.DeclareKeyword, K.PublicKeyword, K.PrivateKeyword, K.ProtectedKeyword, K.ReadonlyKeyword,
      K.AbstractKeyword, K.OverrideKeyword, K.AccessorKeyword, K.DefaultKeyword, K.ConstKeyword, K.InKeyword, K.OutKeyword,
    ]),
    typeOnly: table([
      K.TypeParameter, K.InterfaceDeclaration, K.TypeAliasDeclaration, K.Decorator, K.IndexSignature,
      K.SemicolonClassElement, K.ImportDeclaration, K.ImportEqualsDeclaration, K.ExportDeclaration, K.ModuleDeclaration,
      K.HeritageClause, K.EmptyStatement, K.QuestionToken, K.ExclamationToken,
    ]),
    functionLike: table([K.ArrowFunction, K.FunctionExpression, K.FunctionDeclaration, K.MethodDeclaration]),
    lastToken: K.LastToken,
  };
}
