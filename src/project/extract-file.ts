import type * as TS from 'typescript';
import type { Check } from '../checks/types.js';
import type { TypeScriptApi } from '../core/location.js';
import { FULL_PARSE, parseSource, type ParseNeeds, type ParseResult } from './parse.js';

export interface ExtractRequest {
  absolute: string;
  relative: string;
  /** See `FileFacts.projectPath`; absent when it is `relative`. */
  projectPath?: string;
  text: string;
}

export type ExtractResult =
  | { ok: true; facts: Record<string, unknown> }
  | { ok: false; reason: string };

export interface EnabledCheck {
  check: Check<unknown, unknown>;
  options: unknown;
}

/** The cheapest parse that serves every enabled check. */
export function parseNeedsOf(enabled: readonly EnabledCheck[]): ParseNeeds {
  const needs = { parents: false, jsDoc: false };
  for (const { check } of enabled) {
    const own = check.parseNeeds ?? FULL_PARSE;
    needs.parents ||= own.parents;
    needs.jsDoc ||= own.jsDoc;
  }
  return needs;
}

/** Facts of the syntactic (type-free) checks for one file, from its parse if one was made already. */
export function extractSyntacticFacts(
  ts: TypeScriptApi,
  request: ExtractRequest,
  enabled: readonly EnabledCheck[],
  needs: ParseNeeds = parseNeedsOf(enabled),
  madeParse?: ParseResult,
): ExtractResult {
  const parsed = madeParse ?? parseSource(ts, request.absolute, request.text, needs);
  if (!parsed.ok) return parsed;
  return extractFacts(ts, parsed.sourceFile, request, enabled, {});
}

/** Runs each check's extractor; a crash in one becomes a diagnostic for this file instead of ending the run. */
export function extractFacts(
  ts: TypeScriptApi,
  sourceFile: TS.SourceFile,
  { relative, projectPath }: { relative: string; projectPath?: string },
  enabled: readonly EnabledCheck[],
  typeInfo: { checker?: TS.TypeChecker; program?: TS.Program; relativePath?: (absolute: string) => string },
): ExtractResult {
  const facts: Record<string, unknown> = {};
  for (const { check, options } of enabled) {
    try {
      facts[check.name] = check.extract({
        ts,
        sourceFile,
        file: relative,
        projectPath,
        options,
        checker: typeInfo.checker,
        program: typeInfo.program,
        relativePath: typeInfo.relativePath ?? ((absolute) => absolute),
      });
    } catch (error) {
      const reason = error instanceof RangeError ? 'too deeply nested' : String((error as Error)?.message ?? error).split('\n')[0];
      return { ok: false, reason: `internal error in ssot/${check.name}: ${reason}` };
    }
  }
  return { ok: true, facts };
}
