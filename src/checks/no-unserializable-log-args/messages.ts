import type { FindingDraft, RelatedLocation } from '../../core/finding.js';
import { compareStrings } from '../../core/finding.js';
import type { Problem, SafeHelper } from './facts.js';
import { serializers, serializerTitle } from './serializers.js';

const CRASHES = new Set(['bigint', 'cycle']);
/** Kinds a generic safe-serialization helper can fix (the value itself is the problem, not the call shape). */
export const HELPABLE = new Set(['bigint', 'cycle', 'map', 'error', 'hidden-fields']);

/** Turns one problem into a finding: sink-aware message, related places, stable identity. */
export function toDraft(problem: Problem, helper: SafeHelper | undefined): FindingDraft {
  const related: RelatedLocation[] = [];
  if (problem.sink.declaredAt) related.push({ ...problem.sink.declaredAt, message: `${problem.sink.label} forwards it to a serializer` });
  if (problem.sink.serializedAt) related.push({ ...problem.sink.serializedAt, message: 'serialized here' });
  if (helper) {
    related.push({ file: helper.file, line: helper.line, column: helper.column, message: `${helper.name}: the project's safe-log helper` });
  }
  const draft: FindingDraft = {
    severity: CRASHES.has(problem.kind) ? 'error' : 'warning',
    message: withHelper(messageOf(problem, helper), problem, helper),
    file: '',
    range: problem.range,
    related,
    identity: [problem.kind, problem.container, problem.path, problem.sink.label].join('|'),
  };
  if (problem.enumNameFix) {
    draft.suggestions = [{ message: `Log the member's name: ${problem.enumNameFix}`, range: problem.range, text: problem.enumNameFix }];
  }
  return draft;
}

/** Points at the project's own safe-log helper rather than letting a new one be written. */
function withHelper(message: string, problem: Problem, helper: SafeHelper | undefined): string {
  if (!helper || !HELPABLE.has(problem.kind)) return message;
  return `${message.replace(/\.$/, '')}, or use the project's ${helper.name} (${helper.file}:${helper.line}).`;
}

function where(problem: Problem): string {
  const { label, declaredAt, serializer } = problem.sink;
  if (declaredAt) return ` in ${label} (${declaredAt.file}:${declaredAt.line})`;
  return label === serializers[serializer].title ? '' : ` in ${label}`;
}

function messageOf(problem: Problem, helper: SafeHelper | undefined): string {
  const more = problem.morePaths ? ` (+${problem.morePaths} more ${problem.morePaths === 1 ? 'path' : 'paths'})` : '';
  const value = `\`${problem.path || problem.expression}\`${more}`;
  const serializer = serializerTitle(problem.sink);
  const at = where(problem);
  switch (problem.kind) {
    case 'bigint':
      return `${value} is a bigint: ${serializer} throws 'Do not know how to serialize a BigInt'${at}; convert it with String() first.`;
    case 'cycle': {
      const [typeName, through] = problem.detail.split('\0');
      const what = through === undefined ? withArticle(typeName!) : `${withArticle(typeName!)} (it references itself through \`${through}\`)`;
      return `${value} is ${what}, a cyclic object: ${serializer} throws 'Converting circular structure to JSON'${at}; log the fields you need instead.`;
    }
    case 'map':
      return `${value} is a ${problem.detail}: ${serializer} writes it as {}${at}; convert it first (Object.fromEntries(map) or [...set]).`;
    case 'error':
      return errorMessage(problem, value, serializer, at);
    case 'function':
    case 'symbol':
      return `${value} is ${problem.detail}: ${serializer} silently drops it${at}.`;
    case 'hidden-fields': {
      const [className, members = ''] = problem.detail.split('\0');
      const where = members.startsWith('#') ? '#private fields' : 'getters';
      return `${value} is a ${className} instance whose data sits in ${where} (${members}): ${serializer} does not see them${at}; add a toJSON() method or log the fields explicitly.`;
    }
    case 'numeric-enum': {
      const suggestion = `log ${problem.detail}[${problem.expression}] instead`;
      const helperText = helper ? `, or use the project's ${helper.name} (${helper.file}:${helper.line})` : '';
      return `${value} is a numeric enum member (${problem.detail}): it logs as a bare number${at}; ${suggestion}${helperText}.`;
    }
    case 'dropped-argument':
      return `${value} is dropped: pino's ${problem.sink.label}(message, ...args) only fills %s/%d/%o placeholders and ignores other arguments; pass objects first: ${problem.sink.label}({ ... }, message).`;
    case 'winston-error':
      return `${value} is an Error logged with winston's json() format without format.errors() (logger created at ${problem.detail}): it prints as {"level":"error"}; add format.errors({ stack: true }) to the logger's format.`;
    case 'unknown':
      return `${value} is typed ${problem.detail}: what ${serializer} does with it${at} cannot be checked.`;
  }
}

function errorMessage(problem: Problem, value: string, serializer: string, at: string): string {
  const what = problem.catchVariable ? `${problem.detail} (treated as an Error)` : 'an Error';
  const jsonLike = problem.sink.serializer === 'json' || problem.sink.serializer === 'util-format';
  if (problem.path.includes('...') || (problem.key === '' && !jsonLike)) {
    return `${value} is ${what} spread into the log entry: its message and stack are not enumerable and are lost${at}.`;
  }
  if (jsonLike) {
    return `${value} is ${what}: ${serializer} writes it as {} (message and stack are not enumerable)${at}; log its message and stack explicitly.`;
  }
  if (problem.sink.serializer === 'winston') {
    return `${value} is ${what} under the key \`${problem.key}\`: winston writes an Error out only as a whole argument, so it logs {}${at}; pass it as its own argument (logger.error('message', err)) or log its message and stack.`;
  }
  return `${value} is ${what} under the key \`${problem.key}\`: ${serializer} serializes Errors only under \`err\`, so it logs {}${at}; put it under \`err\`.`;
}

function withArticle(typeName: string): string {
  if (typeName.startsWith('a ')) return typeName;
  return `${/^([aeiou]|http)/i.test(typeName) ? 'an' : 'a'} ${typeName}`;
}

/**
 * The helper to suggest: for a numeric enum, one whose first parameter names that enum (exported first);
 * otherwise (or when none does) an exported helper that takes anything (no named type in its parameter).
 */
export function pickHelper(helpers: readonly SafeHelper[], enumName: string | undefined): SafeHelper | undefined {
  const candidates = enumName === undefined ? [] : helpers.filter((helper) => helper.acceptedTypes.includes(enumName));
  const pool = candidates.length > 0 ? candidates : helpers.filter((helper) => helper.acceptedTypes.length === 0 && helper.exported);
  return [...pool].sort(
    (a, b) =>
      Number(b.exported) - Number(a.exported) ||
      Number(a.name.startsWith('_')) - Number(b.name.startsWith('_')) ||
      compareStrings(a.file, b.file) ||
      a.line - b.line,
  )[0];
}
