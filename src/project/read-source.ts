import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { componentScriptText, isComponentFile } from './components.js';
import { MAX_NESTING_DEPTH, bracketDepth } from './parse.js';

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

export type SourceRead =
  | { kind: 'ok'; text: string; hash: string }
  | { kind: 'skipped'; reason: string }
  | { kind: 'generated' };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const GENERATED_MARKER = /@generated\b|\bauto-?generated\b|\bcode generated\b.*\bdo not edit\b|\bdo not edit\b/i;

/** Reads a source file defensively: every way it can be unusable becomes a reason, never an exception. */
export function readSource(file: string, maxFileSize: number): SourceRead {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { kind: 'skipped', reason: 'symbolic link loop' };
    return { kind: 'skipped', reason: `cannot read (${code ?? (error as Error).message})` };
  }
  if (bytes.length > maxFileSize) {
    return { kind: 'skipped', reason: `${formatSize(bytes.length)} is over maxFileSize (${formatSize(maxFileSize)})` };
  }
  const nuls = nulCount(bytes);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { kind: 'skipped', reason: nuls * 1000 > bytes.length * MAX_NUL_PER_MILLE ? 'binary content (NUL bytes)' : 'not valid UTF-8' };
  }
  // Valid UTF-8 with a few NULs is text (raw control characters in a test's template literal, as msw has); with
  // many, UTF-16 or data.
  if (nuls * 100 > bytes.length * MAX_NUL_PERCENT_IN_UTF8) return { kind: 'skipped', reason: 'binary content (NUL bytes)' };
  if (isGeneratedText(text, file)) return { kind: 'generated' };
  if (isComponentFile(file)) text = componentScriptText(text, file);
  if (bracketDepth(text) > MAX_NESTING_DEPTH) return { kind: 'skipped', reason: `too deeply nested to analyze (depth over ${MAX_NESTING_DEPTH})` };
  return { kind: 'ok', text, hash: hashOfBytes(bytes) };
}

/** Over one NUL byte in a thousand, a file that is not valid UTF-8 is binary (an MPEG transport stream named `.ts`). */
const MAX_NUL_PER_MILLE = 1;
/** A valid UTF-8 file is binary from this share of NUL bytes (UTF-16 text has one in two). */
const MAX_NUL_PERCENT_IN_UTF8 = 10;

function nulCount(bytes: Buffer): number {
  let nuls = 0;
  for (let at = bytes.indexOf(0); at >= 0; at = bytes.indexOf(0, at + 1)) nuls++;
  return nuls;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** A source map comment on the last line: what compilers and bundlers append to their output. */
const SOURCE_MAP_LINE = /^[ \t]*(?:\/\/[#@][ \t]*sourceMappingURL=\S*|\/\*[#@][ \t]*sourceMappingURL=\S*[ \t]*\*\/)\s*$/;

/**
 * A generated file says so in its first lines, is build output that points at its source map (a committed
 * bundle such as `client-dist/socket.io.js`), or is minified JavaScript (a docs site's `assets/js/main.js`);
 * such files are never analyzed.
 */
export function isGeneratedText(text: string, fileName: string): boolean {
  return GENERATED_MARKER.test(text.slice(0, 600)) || isCompiledCommonJs(text) || endsWithSourceMapComment(text) || isMinifiedJavaScript(text, fileName);
}

const USE_STRICT_FIRST = /^\s*["']use strict["'];?\s*\n/;
const ES_MODULE_MARKER = /^Object\.defineProperty\(exports, ["']__esModule["'], \{\s*value: true\s*\}\);?\r?$/m;

/**
 * What TypeScript and Babel put at the top of a module compiled to CommonJS: `"use strict";` first and, after any
 * comments and helpers (`var _a;`, `var __importDefault = ...`), `Object.defineProperty(exports, "__esModule", { value:
 * true });` on a line of its own. Committed build output (uptime-kuma's `util.js` beside its `util.ts`); nobody
 * writes that line by hand.
 */
function isCompiledCommonJs(text: string): boolean {
  return USE_STRICT_FIRST.test(text) && ES_MODULE_MARKER.test(text.slice(0, 3000));
}

const JAVASCRIPT_FILE = /\.[cm]?jsx?$/;
/** GitHub Linguist's rule for minified files: lines longer than this on average. */
const MINIFIED_AVERAGE_LINE = 110;
/** Below this size a file is too small to tell: a one-line config is not a bundle. */
const MINIFIED_MIN_SIZE = 2048;

function isMinifiedJavaScript(text: string, fileName: string): boolean {
  if (text.length < MINIFIED_MIN_SIZE || !JAVASCRIPT_FILE.test(fileName)) return false;
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
  return text.length / lines > MINIFIED_AVERAGE_LINE;
}

function endsWithSourceMapComment(text: string): boolean {
  const at = text.lastIndexOf('sourceMappingURL=');
  if (at < 0) return false;
  return SOURCE_MAP_LINE.test(text.slice(text.lastIndexOf('\n', at) + 1));
}

/** The content hash of a file, as {@link readSource} computes it from the file's bytes. */
export function hashOfBytes(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('base64url');
}
