import { createHash } from 'node:crypto';

export type Severity = 'error' | 'warning';

/** 1-based lines and columns; `endColumn` points one past the last character, as ESLint reports it. */
export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface RelatedLocation {
  file: string;
  line: number;
  column: number;
  message?: string;
}

/** A suggested edit (never applied automatically): replace `range` of `file` with `text`. */
export interface Suggestion {
  message: string;
  range: Range;
  text: string;
}

/** What a check reports; the analyzer adds the rule id and the fingerprint. */
export interface FindingDraft {
  severity: Severity;
  message: string;
  /** Project-relative path with forward slashes. */
  file: string;
  range: Range;
  related: RelatedLocation[];
  /**
   * Content that identifies this finding independently of line numbers (e.g. a function's
   * normalized hash and name): the fingerprint stays stable when unrelated lines move.
   */
  identity: string;
  suggestions?: Suggestion[];
}

export interface Finding extends Omit<FindingDraft, 'identity'> {
  ruleId: string;
  fingerprint: string;
}

export function toFinding(ruleId: string, draft: FindingDraft): Finding {
  const { identity, ...rest } = draft;
  const fingerprint = createHash('sha256')
    .update(`${ruleId}\0${draft.file}\0${identity}`)
    .digest('hex')
    .slice(0, 16);
  return { ruleId, ...rest, fingerprint };
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareStrings(a.file, b.file) ||
    a.range.line - b.range.line ||
    a.range.column - b.range.column ||
    compareStrings(a.ruleId, b.ruleId) ||
    compareStrings(a.message, b.message)
  );
}

/** Locale-independent ordering, so output is byte-identical on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
