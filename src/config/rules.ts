import ignore from 'ignore';
import path from 'node:path';
import { checks, findCheck } from '../checks/registry.js';
import { RULE_PREFIX, ruleIdOf, type Check } from '../checks/types.js';
import { UsageError } from '../core/errors.js';
import type { Severity } from '../core/finding.js';
import { toRelative } from '../project/paths.js';
import type { LoadedConfig, RuleEntry, RuleSeverity } from './load.js';

export interface ConfiguredCheck {
  check: Check<unknown, unknown>;
  /** The check's own options: defaults, overridden by the config. */
  options: unknown;
  /** Set when the config names a severity; otherwise each finding keeps the check's own severity. */
  severity?: Severity;
  isIgnored(absolute: string): boolean;
}

/** The checks to run: all that the config leaves on, or exactly those named by `--rule`. */
export function configureChecks(loaded: LoadedConfig, only?: string[]): ConfiguredCheck[] {
  const selected = only?.length ? only.map(resolveRuleName) : undefined;
  const configured: ConfiguredCheck[] = [];
  for (const check of checks) {
    const entry: RuleEntry | undefined = loaded.config.rules?.[ruleIdOf(check)];
    const [level, ruleOptions] = splitEntry(entry);
    if (selected ? !selected.includes(check) : level === 'off') continue;
    const { ignore: ignorePatterns = [], ...ownOptions } = (ruleOptions ?? {}) as { ignore?: string[] };
    const ignored = ignore().add(ignorePatterns);
    configured.push({
      check,
      options: { ...(check.defaultOptions as object), ...ownOptions },
      severity: level === 'error' ? 'error' : level === 'warn' ? 'warning' : undefined,
      isIgnored: (absolute) => {
        const relative = toRelative(loaded.baseDir, path.resolve(absolute));
        return ignorePatterns.length > 0 && relative !== '' && !relative.startsWith('../') && ignored.ignores(relative);
      },
    });
  }
  return configured;
}

function splitEntry(entry: RuleEntry | undefined): [RuleSeverity | undefined, Record<string, unknown> | undefined] {
  if (entry === undefined || typeof entry === 'string') return [entry, undefined];
  if (Array.isArray(entry)) return [entry[0], entry[1]];
  return [undefined, entry];
}

function resolveRuleName(name: string): Check<unknown, unknown> {
  const check = findCheck(name.startsWith(RULE_PREFIX) ? name.slice(RULE_PREFIX.length) : name);
  if (!check) throw new UsageError(`unknown rule "${name}" (known: ${checks.map(ruleIdOf).join(', ')})`);
  return check;
}
