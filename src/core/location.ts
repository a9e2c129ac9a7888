import type * as TS from 'typescript';
import type { Range } from './finding.js';

export type TypeScriptApi = typeof TS;

/** Range of a node, excluding leading trivia, in the 1-based convention of {@link Range}. */
export function rangeOf(sourceFile: TS.SourceFile, node: TS.Node): Range {
  return rangeBetween(sourceFile, node.getStart(sourceFile), node.getEnd());
}

export function rangeBetween(sourceFile: TS.SourceFile, start: number, end: number): Range {
  const from = sourceFile.getLineAndCharacterOfPosition(start);
  const to = sourceFile.getLineAndCharacterOfPosition(end);
  return { line: from.line + 1, column: from.character + 1, endLine: to.line + 1, endColumn: to.character + 1 };
}
