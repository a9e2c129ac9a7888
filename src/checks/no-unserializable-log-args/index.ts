import type { FindingDraft } from '../../core/finding.js';
import { compareStrings } from '../../core/finding.js';
import type { Check } from '../types.js';
import { extractLogArgFacts } from './extract.js';
import { prepareForwards } from './forwards.js';
import type { LogArgFacts, SafeHelper } from './facts.js';
import { HELPABLE, pickHelper, toDraft } from './messages.js';
import { errorsByWrapper } from './wrapper-errors.js';
import { defaultOptions, optionsSchema, type Options } from './options.js';

export type { LogArgFacts } from './facts.js';
export type { Options as NoUnserializableLogArgsOptions } from './options.js';

export const noUnserializableLogArgs: Check<LogArgFacts, Options> = {
  name: 'no-unserializable-log-args',
  description:
    'Values that a logger cannot serialize: bigints and cyclic objects that crash JSON-based loggers, and Errors, Maps, Sets, hidden fields and numeric enums that are silently lost or opaque.',
  usesTypes: true,
  factsVersion: 8,
  optionsSchema,
  defaultOptions,
  extract: extractLogArgFacts,
  // Which functions forward a parameter to a serializing call: the syntax-only part of the extraction.
  prepare: (ts, sourceFile) => prepareForwards(ts, sourceFile),
  run(index) {
    const helpers: SafeHelper[] = index.files.flatMap((file) => file.facts?.helpers ?? []);
    const problems = index.files.flatMap(({ file, facts }) => (facts?.problems ?? []).map((problem) => ({ file, problem })));
    const { drafts, grouped } = errorsByWrapper(problems, new Set(index.files.map(({ file }) => file)));
    for (const { file, problem } of problems) {
      if (grouped.has(problem)) continue;
      const helper =
        problem.kind === 'numeric-enum' ? pickHelper(helpers, problem.detail) : HELPABLE.has(problem.kind) ? pickHelper(helpers, undefined) : undefined;
      drafts.push({ ...toDraft(problem, helper), file });
    }
    return drafts.sort(
      (a, b) =>
        compareStrings(a.file, b.file) ||
        a.range.line - b.range.line ||
        a.range.column - b.range.column ||
        compareStrings(a.message, b.message),
    );
  },
};
