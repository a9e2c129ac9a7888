import type * as TS from 'typescript';
import type { TypeScriptApi } from '../core/location.js';

export type ParseResult = { ok: true; sourceFile: TS.SourceFile } | { ok: false; reason: string };

function scriptKindOf(ts: TypeScriptApi, fileName: string): TS.ScriptKind {
  if (/\.tsx$/.test(fileName)) return ts.ScriptKind.TSX;
  // A component's scripts (see `componentScriptText`): TypeScript reads JavaScript too.
  if (/\.(?:[cm]?ts|vue|svelte|astro)$/.test(fileName)) return ts.ScriptKind.TS;
  if (/\.jsx$/.test(fileName)) return ts.ScriptKind.JSX;
  return ts.ScriptKind.JS;
}

/**
 * Deeper than this, TypeScript's recursive parser may overflow the stack, and whether it does depends on the
 * thread's stack size: deciding up front keeps the output the same with and without worker threads.
 */
export const MAX_NESTING_DEPTH = 500;

/**
 * What the extractors need from the parser beyond the syntax tree. Both cost time: parent links are a second
 * pass over every node, and JSDoc parsing turns each doc comment into nodes. Neither changes the tree
 * itself, the node positions, or the syntax errors (JSDoc errors are kept apart from `parseDiagnostics`).
 */
export interface ParseNeeds {
  parents: boolean;
  jsDoc: boolean;
}

export const FULL_PARSE: ParseNeeds = { parents: true, jsDoc: true };

/** Parses one file; a file with syntax errors (or too deep to parse) is reported, not analyzed. */
export function parseSource(ts: TypeScriptApi, fileName: string, text: string, needs: ParseNeeds = FULL_PARSE): ParseResult {
  return parseResultOf(parseTree(ts, fileName, text, languageVersionFor(ts, needs), needs.parents));
}

/** The tree TypeScript's parser makes of the file (with its syntax errors), or undefined when too deep to parse. */
export function parseTree(
  ts: TypeScriptApi,
  fileName: string,
  text: string,
  languageVersion: TS.ScriptTarget | TS.CreateSourceFileOptions,
  parents: boolean,
): TS.SourceFile | undefined {
  try {
    return ts.createSourceFile(fileName, text, languageVersion, parents, scriptKindOf(ts, fileName));
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/** Whether a tree from {@link parseTree} can be analyzed. */
export function parseResultOf(sourceFile: TS.SourceFile | undefined): ParseResult {
  if (!sourceFile) return { ok: false, reason: 'too deeply nested to parse' };
  const syntaxError = firstSyntaxError(sourceFile);
  return syntaxError ? { ok: false, reason: syntaxError } : { ok: true, sourceFile };
}

/**
 * `createSourceFile`'s third argument. `jsDocParsingMode` exists since TypeScript 5.3; the ESLint front end may
 * pass an older TypeScript, which takes only the target (and then always parses JSDoc).
 */
function languageVersionFor(ts: TypeScriptApi, needs: ParseNeeds): TS.ScriptTarget | TS.CreateSourceFileOptions {
  const modes = (ts as { JSDocParsingMode?: typeof TS.JSDocParsingMode }).JSDocParsingMode;
  if (needs.jsDoc || modes === undefined) return ts.ScriptTarget.Latest;
  return { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: modes.ParseNone };
}

/** Why a Flow-typed file that does not parse is skipped: the same words for every such file, said once for all. */
export const FLOW_FILE = 'Flow type annotations (@flow) are not JavaScript or TypeScript; not analyzed';
const JAVASCRIPT_FILE = /\.[cm]?jsx?$/;
/** The comments that open a file, where Flow's `@flow` pragma goes. */
const LEADING_COMMENTS = /^(?:\s*(?:\/\/[^\n]*|\/\*[\s\S]*?\*\/))*/;

function isFlowFile(sourceFile: TS.SourceFile): boolean {
  return JAVASCRIPT_FILE.test(sourceFile.fileName) && /@flow\b/.test(LEADING_COMMENTS.exec(sourceFile.text.slice(0, 4000))![0]);
}

/** `parseDiagnostics` is internal to TypeScript but present in every version we support. */
export function firstSyntaxError(sourceFile: TS.SourceFile): string | undefined {
  const diagnostics = (sourceFile as unknown as { parseDiagnostics?: readonly TS.DiagnosticWithLocation[] }).parseDiagnostics;
  const first = diagnostics?.[0];
  if (!first) return undefined;
  if (isFlowFile(sourceFile)) return FLOW_FILE;
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(first.start);
  const text = typeof first.messageText === 'string' ? first.messageText : first.messageText.messageText;
  return `syntax error at ${line + 1}:${character + 1}: ${text}`;
}

/** The characters `bracketDepth` acts on: the regular expression engine skips the others faster than a loop. */
const BRACKET_OR_SKIP_START = /[()[\]{}"'/]/g;

/** Maximum nesting of brackets, skipping comments and string literals (template literals count as nesting). */
export function bracketDepth(text: string): number {
  let depth = 0;
  let max = 0;
  const next = BRACKET_OR_SKIP_START;
  next.lastIndex = 0;
  for (let match = next.exec(text); match !== null; match = next.exec(text)) {
    const i = match.index;
    const c = text.charCodeAt(i);
    if (c === 0x28 || c === 0x5b || c === 0x7b) {
      if (++depth > max) max = depth;
    } else if (c === 0x29 || c === 0x5d || c === 0x7d) {
      if (depth > 0) depth--;
    } else if (c === 0x2f) {
      const after = text.charCodeAt(i + 1);
      const end = after === 0x2f ? text.indexOf('\n', i) : after === 0x2a ? text.indexOf('*/', i + 2) : i;
      if (end < 0) break;
      next.lastIndex = after === 0x2a ? end + 2 : end + 1;
    } else {
      const end = endOfQuoted(text, i, c);
      if (end >= text.length) break;
      next.lastIndex = end + 1;
    }
  }
  return max;
}

/** The closing quote, the end of the line (an unterminated string), or the end of the text. */
function endOfQuoted(text: string, start: number, quote: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === quote || c === 0x0a) return i;
  }
  return text.length;
}
