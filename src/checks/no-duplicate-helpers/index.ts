import type { FindingDraft } from '../../core/finding.js';
import type { Check, CheckIndex } from '../types.js';
import { byPosition, canonicalOverrides, chooseCanonical } from './canonical.js';
import { extractHelpers } from './extract.js';
import type { HelperFacts } from './facts.js';
import { findFamilies } from './families.js';
import { collectHelpers, displayName, type Helper } from './helpers.js';
import { ImportGraph } from './imports.js';
import { defaultOptions, optionsSchema, type DuplicateHelpersOptions } from './options.js';
import { familyFindings, relationTo, type FamilyMember } from './report.js';

export type { DuplicateHelpersOptions } from './options.js';
export type { HelperFacts, HelperUnit } from './facts.js';

export const noDuplicateHelpers: Check<HelperFacts, DuplicateHelpersOptions> = {
  name: 'no-duplicate-helpers',
  description:
    'Copies of the same helper function across the project (exact, renamed, or diverging): keep one and import it.',
  usesTypes: false,
  factsVersion: 2,
  optionsSchema,
  defaultOptions,
  extract: extractHelpers,
  run: findDuplicateHelpers,
};

export function findDuplicateHelpers(index: CheckIndex<HelperFacts>, given: Partial<DuplicateHelpersOptions>): FindingDraft[] {
  const options: DuplicateHelpersOptions = { ...defaultOptions, ...given };
  const helpers = collectHelpers(index, options);
  const families = findFamilies(helpers, options);
  const graph = new ImportGraph(index.files);
  const overrides = canonicalOverrides(options.canonical);
  const occurrence = occurrenceIndex(helpers);

  // Outer helpers first: a helper nested in a reported copy is covered by that copy's finding.
  const ordered = families
    .map((family) => ({ family, depth: Math.min(...family.map((h) => h.depth)), first: family[0]!.id }))
    .sort((a, b) => a.depth - b.depth || a.first - b.first);
  const reported = new Set<number>();
  const coveredByParent = (helper: Helper): boolean => {
    for (let id = helper.parent; id >= 0; id = helpers[id]!.parent) if (reported.has(id)) return true;
    return false;
  };
  const findings: FindingDraft[] = [];
  for (const { family } of ordered) {
    const members = family.filter((helper) => !coveredByParent(helper));
    if (members.length < 2) continue;
    const canonical = chooseCanonical(members, graph, overrides);
    const copies: FamilyMember[] = [];
    for (const helper of members) {
      if (helper === canonical) continue;
      const relation = relationTo(canonical, helper, options, helpers);
      if (relation) copies.push({ helper, relation });
    }
    copies.sort((a, b) => byPosition(a.helper, b.helper));
    for (const copy of copies) reported.add(copy.helper.id);
    findings.push(...familyFindings(canonical, copies, occurrence));
  }
  return findings;
}

/** Position of a helper among the helpers of its file with the same display name (for stable identities). */
function occurrenceIndex(helpers: readonly Helper[]): (helper: Helper) => number {
  const counts = new Map<string, number>();
  const indexOf = new Int32Array(helpers.length);
  for (const helper of helpers) {
    const key = `${helper.file}\0${displayName(helper)}`;
    const seen = counts.get(key) ?? 0;
    indexOf[helper.id] = seen;
    counts.set(key, seen + 1);
  }
  return (helper) => indexOf[helper.id]!;
}
