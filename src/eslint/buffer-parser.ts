import type * as TS from 'typescript';
import type { TypeScriptApi } from '../core/location.js';
import { firstSyntaxError, parseSource } from '../project/parse.js';
import type { Parsed } from './check-state.js';
import type { FileEntry } from './project-files.js';

/**
 * Parses the linted buffer, re-using its previous parse: TypeScript's incremental parser (what editors run
 * on every keystroke) re-parses only around the edit and gives the same tree as a full parse. The previous
 * tree is invalidated by the update, so it is kept here and nowhere else.
 */
export class BufferParser {
  private last: { absolute: string; ts: TypeScriptApi; tree: TS.SourceFile; parsed: Parsed } | undefined;

  parse(ts: TypeScriptApi, entry: FileEntry): Parsed {
    const last = this.last;
    if (last?.absolute === entry.absolute && last.parsed.hash === entry.hash) return last.parsed;
    let tree: TS.SourceFile | undefined;
    if (last?.absolute === entry.absolute && last.ts === ts) {
      try {
        tree = update(ts, last.tree, entry.text);
      } catch {
        // Too deep for the incremental parser (or a failure of it): a full parse decides.
        tree = undefined;
      }
    }
    this.last = undefined;
    if (!tree) {
      // A full parse with the CLI's settings; after a syntax error there is no tree to update next time.
      const full = parseSource(ts, entry.absolute, entry.text);
      if (!full.ok) return { hash: entry.hash };
      tree = full.sourceFile;
    }
    const parsed: Parsed = { hash: entry.hash, sourceFile: firstSyntaxError(tree) ? undefined : tree };
    this.last = { absolute: entry.absolute, ts, tree, parsed };
    return parsed;
  }

  /**
   * When the last parse is of another file (the first lint of a file takes its facts from the index), parses
   * this one once the lint is over, so that the next edit of it is re-parsed incrementally.
   */
  primeLater(ts: TypeScriptApi, entry: FileEntry): void {
    if (this.last?.absolute === entry.absolute) return;
    const snapshot = { ...entry };
    setImmediate(() => {
      if (this.last?.absolute !== snapshot.absolute) this.parse(ts, snapshot);
    });
  }

  /**
   * Compiles the incremental parser's code before the first edit: one throwaway update of a separate parse
   * of the entry (an update invalidates the tree it starts from, so the kept parse is not used).
   */
  warmIncremental(ts: TypeScriptApi, entry: FileEntry): void {
    const full = parseSource(ts, entry.absolute, entry.text);
    if (!full.ok) return;
    const text = entry.text;
    const middle = text.indexOf('\n', text.length >> 1) + 1;
    try {
      update(ts, full.sourceFile, `${text.slice(0, middle)}//\n${text.slice(middle)}\n`);
    } catch {
      // Only a warm-up: a failure here changes nothing.
    }
  }

  forget(): void {
    this.last = undefined;
  }
}

/**
 * The tree of `text` from the previous one, one contiguous change at a time: a lint often sees several
 * separate edits at once (a comment added here, a line appended there), and one change spanning both would
 * make the parser redo everything between them. Returns undefined when a full parse is cheaper.
 */
function update(ts: TypeScriptApi, previous: TS.SourceFile, text: string): TS.SourceFile | undefined {
  let tree = previous;
  for (const step of [...steps(previous.text, text), text]) {
    const change = changeRange(ts, tree.text, step);
    if (change.span.length + change.newLength > text.length / 4) return undefined;
    tree = ts.updateSourceFile(tree, step, change);
  }
  return tree;
}

const ANCHOR = 64;
const MAX_STEPS = 4;

/**
 * Texts between `before` and `after`, each one contiguous change from the previous: the part of `before`
 * between their common prefix and suffix is searched in `after` by a unique anchor from its middle; what
 * precedes the anchor is the first change, and the rest is split again the same way.
 */
function steps(before: string, after: string): string[] {
  const texts: string[] = [];
  let current = before;
  while (texts.length < MAX_STEPS) {
    const { start, end: endBefore } = differingSpan(current, after);
    const endAfter = after.length - (current.length - endBefore);
    const center = start + Math.floor((endBefore - start) / 2);
    if (endBefore - start < 2 * ANCHOR || endAfter - start < 2 * ANCHOR) break;
    const anchor = current.slice(center, center + ANCHOR);
    const at = after.indexOf(anchor, start);
    if (at < 0 || at + ANCHOR > endAfter || after.indexOf(anchor, at + 1) >= 0) break;
    let common = 0;
    while (center - common > start && at - common > start && current.charCodeAt(center - common - 1) === after.charCodeAt(at - common - 1)) common++;
    if (center - common === start && at - common === start) break;
    current = after.slice(0, at - common) + current.slice(center - common);
    texts.push(current);
  }
  return texts;
}

/** Where two texts differ: from the end of their common prefix to the start of their common suffix (in `before`). */
function differingSpan(before: string, after: string): { start: number; end: number } {
  const limit = Math.min(before.length, after.length);
  let start = 0;
  // Whole blocks first (a native comparison), then character by character within the block that differs.
  while (start + BLOCK <= limit && after.startsWith(before.slice(start, start + BLOCK), start)) start += BLOCK;
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix + BLOCK <= limit - start && after.endsWith(before.slice(before.length - suffix - BLOCK, before.length - suffix), after.length - suffix)) suffix += BLOCK;
  while (suffix < limit - start && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start, end: before.length - suffix };
}

const BLOCK = 1024;

function changeRange(ts: TypeScriptApi, before: string, after: string): TS.TextChangeRange {
  const { start, end } = differingSpan(before, after);
  return ts.createTextChangeRange(ts.createTextSpan(start, end - start), after.length - (before.length - end) - start);
}
