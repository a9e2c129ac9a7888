import type { FindingDraft } from '../../core/finding.js';
import { samePlainData } from '../../core/plain-data.js';
import type { Check, CheckIndex, FileFacts } from '../types.js';
import { byPosition, canonicalOverrides, chooseCanonical, ONE_PACKAGE, withPlatformBoundary, type CanImport } from './canonical.js';
import { extractHelpers } from './extract.js';
import type { HelperFacts } from './facts.js';
import { findFamilies } from './families.js';
import { collectHelpers, displayName, type Helper } from './helpers.js';
import { doOtherWorkByClass } from './class-copies.js';
import { ClassHierarchy } from './hierarchy.js';
import { ImportGraph } from './imports.js';
import { areFormatTwins } from './module-formats.js';
import { defaultOptions, optionsSchema, type DuplicateHelpersOptions } from './options.js';
import { familyFindings, relationTo, type FamilyMember } from './report.js';

export type { DuplicateHelpersOptions } from './options.js';
export type { HelperFacts, HelperUnit } from './facts.js';

export const noDuplicateHelpers: Check<HelperFacts, DuplicateHelpersOptions> = {
  name: 'no-duplicate-helpers',
  description:
    'Copies of the same helper function across the project (exact, renamed, or diverging): keep one and import it.',
  usesTypes: false,
  parseNeeds: { parents: false, jsDoc: false },
  factsVersion: 43,
  optionsSchema,
  defaultOptions,
  extract: extractHelpers,
  run: findDuplicateHelpers,
  link: (index, options) => linkDuplicateHelpers(index, options),
  report: (model, file) => reportDuplicateHelpers(model as DuplicatesModel, file),
};

/** What one family decided in the last pass: who was left after nested copies, the canonical copy, the copies. */
interface FamilyOutcome {
  members: readonly Helper[];
  canonical?: Helper;
  copies: readonly FamilyMember[];
}

/** Families and their outcomes over one index: enough to answer for one re-edited file without regrouping. */
export interface DuplicatesModel {
  options: DuplicateHelpersOptions;
  files: ReadonlyArray<FileFacts<HelperFacts>>;
  fileIndexOf: Map<string, number>;
  helpers: readonly Helper[];
  /** Helper ids of each file: [first, end). */
  helperSpans: Array<[number, number]>;
  /** Families, outer ones first (the order they are decided in). */
  families: readonly Helper[][];
  outcomes: FamilyOutcome[];
  graph: ImportGraph;
  hierarchy: ClassHierarchy;
  overrides: Map<string, string>;
  canImport: CanImport;
  occurrence: (helper: Helper) => number;
  findings: FindingDraft[];
}

export function findDuplicateHelpers(index: CheckIndex<HelperFacts>, given: Partial<DuplicateHelpersOptions>): FindingDraft[] {
  return linkDuplicateHelpers(index, given).findings;
}

export function linkDuplicateHelpers(index: CheckIndex<HelperFacts>, given: Partial<DuplicateHelpersOptions>): DuplicatesModel {
  const options: DuplicateHelpersOptions = { ...defaultOptions, ...given };
  const helpers = collectHelpers(index, options);
  const families = findFamilies(helpers, options);
  const helperSpans = index.files.map((): [number, number] => [0, 0]);
  for (const helper of helpers) {
    const span = helperSpans[helper.fileIndex]!;
    if (span[1] === 0) span[0] = helper.id;
    span[1] = helper.id + 1;
  }
  // Outer helpers first: a helper nested in a reported copy is covered by that copy's finding.
  const ordered = families
    .map((family) => ({ family, depth: Math.min(...family.map((h) => h.depth)), first: family[0]!.id }))
    .sort((a, b) => a.depth - b.depth || a.first - b.first)
    .map(({ family }) => family);
  const model: DuplicatesModel = {
    options,
    files: index.files,
    fileIndexOf: new Map(index.files.map((entry, i) => [entry.file, i])),
    helpers,
    helperSpans,
    families: ordered,
    outcomes: [],
    graph: new ImportGraph(index.files),
    hierarchy: new ClassHierarchy(index.files),
    overrides: canonicalOverrides(options.canonical),
    canImport: index.packages
      ? withPlatformBoundary((from, to) => index.packages!.canImport(from, to), index.packages)
      : withPlatformBoundary(ONE_PACKAGE),
    occurrence: occurrenceIndex(helpers),
    findings: [],
  };
  model.findings = decideFamilies(model, helpers, undefined);
  return model;
}

/**
 * The findings in `file` with its facts replaced: families do not depend on where helpers are or on their
 * snippets, so when nothing else of the file changed, only the families holding its helpers are decided again
 * (and those whose members a changed decision uncovers).
 */
export function reportDuplicateHelpers(model: DuplicatesModel, file: FileFacts<HelperFacts>): FindingDraft[] | undefined {
  const fileIndex = model.fileIndexOf.get(file.file);
  if (fileIndex === undefined) return undefined;
  const linked = model.files[fileIndex]!;
  if (linked.facts === file.facts) return model.findings.filter((finding) => finding.file === file.file);
  if (!file.facts || !linked.facts || !samePlainData(linked.facts, file.facts, PLACE)) return undefined;
  const [first, end] = model.helperSpans[fileIndex]!;
  const helpers = model.helpers.slice();
  // The same units but for their places: each helper keeps what it took from its unit (name key, parent), as
  // `collectHelpers` would make it again. A file without helpers (too small, a test) has none now either.
  if (end > first) {
    let id = first;
    for (const unit of file.facts.units) {
      if (unit.size >= model.options.minTokens) helpers[id] = { ...helpers[id++]!, unit };
    }
  }
  return decideFamilies(model, helpers, { fileIndex, first, end });
}

/** What grouping never looks at: where a helper is, and its snippets and signature (for messages). */
const PLACE: ReadonlySet<string> = new Set(['range', 'snippets', 'signature']);

/**
 * Decides every family in order: which members are left once copies nested in reported copies are covered,
 * the canonical copy, and how the others relate to it. With `only`, the helpers of that file come from
 * `helpers` (a re-edited buffer) and only its findings are returned; families that hold none of its helpers
 * and keep the members they had reuse their earlier outcome.
 */
function decideFamilies(model: DuplicatesModel, helpers: readonly Helper[], only: { fileIndex: number; first: number; end: number } | undefined): FindingDraft[] {
  const reported = new Set<number>();
  const coveredByParent = (helper: Helper): boolean => {
    for (let id = helper.parent; id >= 0; id = helpers[id]!.parent) if (reported.has(id)) return true;
    return false;
  };
  const findings: FindingDraft[] = [];
  model.families.forEach((linkedFamily, i) => {
    const touched = only !== undefined && linkedFamily.some((helper) => helper.fileIndex === only.fileIndex);
    const previous = only ? model.outcomes[i] : undefined;
    let outcome: FamilyOutcome;
    if (previous && !touched && keepsMembers(previous.members, linkedFamily, coveredByParent)) {
      outcome = previous;
    } else {
      const family = touched ? linkedFamily.map((helper) => helpers[helper.id]!) : linkedFamily;
      outcome = decideFamily(model, family.filter((helper) => !coveredByParent(helper)), helpers);
      if (!only) model.outcomes[i] = outcome;
    }
    for (const copy of outcome.copies) reported.add(copy.helper.id);
    if (outcome.canonical && (!only || touched)) {
      const drafts = familyFindings(outcome.canonical, outcome.copies, model.occurrence, model.canImport, model.hierarchy);
      findings.push(...(only ? drafts.filter((draft) => draft.file === model.files[only.fileIndex]!.file) : drafts));
    }
  });
  return findings;
}

function decideFamily(model: DuplicatesModel, members: readonly Helper[], helpers: readonly Helper[]): FamilyOutcome {
  if (members.length < 2) return { members, copies: [] };
  const canonical = chooseCanonical(members, model.graph, model.overrides, model.canImport, model.hierarchy);
  const copies: FamilyMember[] = [];
  for (const helper of members) {
    if (helper === canonical) continue;
    const relation = relationTo(canonical, helper, model.options, helpers);
    if (relation && doOtherWorkByClass(model.hierarchy, canonical, helper, relation)) continue;
    if (relation === 'diverging' || (relation && !areFormatTwins(canonical.file, helper.file))) copies.push({ helper, relation });
  }
  copies.sort((a, b) => byPosition(a.helper, b.helper));
  return { members, canonical, copies };
}

/** Whether the family's helpers left uncovered are exactly `members` (checked without building the list). */
function keepsMembers(members: readonly Helper[], family: readonly Helper[], covered: (helper: Helper) => boolean): boolean {
  let next = 0;
  for (const helper of family) {
    if (covered(helper)) continue;
    if (members[next++]?.id !== helper.id) return false;
  }
  return next === members.length;
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
