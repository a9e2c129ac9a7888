import { compareStrings, type FindingDraft, type RelatedLocation } from '../../core/finding.js';
import type { Problem } from './facts.js';
import { serializerTitle } from './serializers.js';

/** From this many call sites on, Errors that one wrapper writes as {} are the wrapper's to fix, said once there. */
export const WRAPPER_ERROR_CALLERS = 3;

export interface FileProblem {
  file: string;
  problem: Problem;
}

/**
 * Errors that reach the JSON serialization inside one project wrapper from {@link WRAPPER_ERROR_CALLERS} or more
 * call sites (`handleWebSocketError(client, error)` in every catch block): one finding where the wrapper
 * serializes, listing the callers, instead of one per caller. A wrapper outside the analyzed files keeps its
 * findings at the calls.
 */
export function errorsByWrapper(problems: readonly FileProblem[], analyzed: ReadonlySet<string>): { drafts: FindingDraft[]; grouped: Set<Problem> } {
  const byWrapper = new Map<string, FileProblem[]>();
  for (const entry of problems) {
    const { sink } = entry.problem;
    if (!isLostError(entry.problem) || !sink.declaredAt || !sink.serializedAt || !analyzed.has(sink.serializedAt.file)) continue;
    const key = `${sink.serializedAt.file}:${sink.serializedAt.line}:${sink.serializedAt.column}`;
    const group = byWrapper.get(key);
    if (group) group.push(entry);
    else byWrapper.set(key, [entry]);
  }
  const drafts: FindingDraft[] = [];
  const grouped = new Set<Problem>();
  for (const group of byWrapper.values()) {
    if (group.length < WRAPPER_ERROR_CALLERS) continue;
    for (const { problem } of group) grouped.add(problem);
    drafts.push(wrapperDraft(group));
  }
  return { drafts, grouped };
}

/** An Error written as {} by a JSON serializer (not spread, not a logger's `err` key rule). */
function isLostError(problem: Problem): boolean {
  const jsonLike = problem.sink.serializer === 'json' || problem.sink.serializer === 'util-format';
  return problem.kind === 'error' && jsonLike && problem.key !== '' && !problem.path.includes('...');
}

function wrapperDraft(group: FileProblem[]): FindingDraft {
  const { sink } = group[0]!.problem;
  const declaredAt = sink.declaredAt!;
  const serializedAt = sink.serializedAt!;
  const callers = [...group].sort((a, b) => compareStrings(a.file, b.file) || a.problem.range.line - b.problem.range.line || a.problem.range.column - b.problem.range.column);
  const related: RelatedLocation[] = [
    { ...declaredAt, message: `${sink.label} takes the Error here` },
    ...callers.map(({ file, problem }) => ({
      file,
      line: problem.range.line,
      column: problem.range.column,
      message: `passes \`${problem.path || problem.expression}\`${problem.catchVariable ? ` (${problem.detail})` : ''}`,
    })),
  ];
  const serializer = serializerTitle(sink);
  return {
    severity: 'warning',
    message: `${group.length} calls pass an Error to ${sink.label} (${declaredAt.file}:${declaredAt.line}), and ${serializer} writes it as {} here (message and stack are not enumerable): log the Error's message and stack in ${sink.label}, once for every caller.`,
    file: serializedAt.file,
    range: { line: serializedAt.line, column: serializedAt.column, endLine: serializedAt.line, endColumn: serializedAt.column },
    related,
    identity: ['error-in-wrapper', sink.label, `${declaredAt.file}`].join('|'),
  };
}
