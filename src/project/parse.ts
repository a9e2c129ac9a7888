import type * as TS from 'typescript';
import type { TypeScriptApi } from '../core/location.js';

export type ParseResult = { ok: true; sourceFile: TS.SourceFile } | { ok: false; reason: string };

export function scriptKindOf(ts: TypeScriptApi, fileName: string): TS.ScriptKind {
  if (/\.tsx$/.test(fileName)) return ts.ScriptKind.TSX;
  if (/\.[cm]?ts$/.test(fileName)) return ts.ScriptKind.TS;
  if (/\.jsx$/.test(fileName)) return ts.ScriptKind.JSX;
  return ts.ScriptKind.JS;
}

/** Parses one file; a file with syntax errors (or too deep to parse) is reported, not analyzed. */
export function parseSource(ts: TypeScriptApi, fileName: string, text: string): ParseResult {
  let sourceFile: TS.SourceFile;
  try {
    sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, scriptKindOf(ts, fileName));
  } catch (error) {
    if (error instanceof RangeError) return { ok: false, reason: 'too deeply nested to parse' };
    throw error;
  }
  const syntaxError = firstSyntaxError(sourceFile);
  return syntaxError ? { ok: false, reason: syntaxError } : { ok: true, sourceFile };
}

/** `parseDiagnostics` is internal to TypeScript but present in every version we support. */
export function firstSyntaxError(sourceFile: TS.SourceFile): string | undefined {
  const diagnostics = (sourceFile as unknown as { parseDiagnostics?: readonly TS.DiagnosticWithLocation[] }).parseDiagnostics;
  const first = diagnostics?.[0];
  if (!first) return undefined;
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(first.start);
  const text = typeof first.messageText === 'string' ? first.messageText : first.messageText.messageText;
  return `syntax error at ${line + 1}:${character + 1}: ${text}`;
}
