import type { FindingDraft, RelatedLocation } from '../../core/finding.js';
import { packageNameOf } from '../../core/package-name.js';
import { isComponentFile } from '../../project/components.js';
import { byPosition, isBackupFile, ONE_PACKAGE, platformOf, type CanImport, type PlatformBounded } from './canonical.js';
import { FUNCTION_VALUE, IMPORT_VALUE, LOCATION_VALUE, STATE_VALUE } from './facts.js';
import { differingLiterals, displayName, literalsCompatible, sameModuleValue, type Helper } from './helpers.js';
import { isNearMiss, isPort } from './families.js';
import type { ClassHierarchy } from './hierarchy.js';
import type { DuplicateHelpersOptions } from './options.js';
import { align } from './similarity.js';

export type Relation = 'exact' | 'renamed' | 'diverging';

/** How `copy` relates to the canonical copy, or undefined when it is not a copy of it directly. */
export function relationTo(canonical: Helper, copy: Helper, options: DuplicateHelpersOptions, helpers: readonly Helper[]): Relation | undefined {
  if (copy.unit.exact === canonical.unit.exact) return 'exact';
  if (copy.unit.renamed === canonical.unit.renamed && literalsCompatible(canonical, copy)) return 'renamed';
  if (isPort(canonical, copy)) return 'renamed';
  if (isNearMiss(canonical, copy, options, helpers)) return 'diverging';
  return undefined;
}

export interface FamilyMember {
  helper: Helper;
  relation: Relation;
}

/** Families are listed whole up to this size: beyond it, related lists would grow with the square of the family. */
const MAX_RELATED = 50;

/** One finding per non-canonical copy, each pointing at the canonical copy and listing the family (canonical first). */
export function familyFindings(
  canonical: Helper,
  copies: readonly FamilyMember[],
  occurrence: (helper: Helper) => number,
  canImport: CanImport = ONE_PACKAGE,
  hierarchy?: ClassHierarchy,
): FindingDraft[] {
  const everyone = [canonical, ...copies.map((copy) => copy.helper).sort(byPosition)];
  return copies.map(({ helper, relation }) => {
    const others = everyone.filter((other) => other !== helper);
    const related: RelatedLocation[] = others
      .slice(0, MAX_RELATED)
      .map((other) => ({
        file: other.file,
        line: other.unit.range.line,
        column: other.unit.range.column,
        message: other === canonical ? `canonical copy: ${displayName(other)}` : `copy: ${displayName(other)}`,
      }));
    return {
      severity: relation === 'diverging' ? 'warning' : 'error',
      message:
        (relation === 'diverging' ? divergingMessage(canonical, helper) : copyMessage(canonical, helper, canImport, relation, hierarchy)) +
        (others.length > MAX_RELATED ? ` (${others.length + 1} copies in all)` : ''),
      file: helper.file,
      range: helper.unit.range,
      related,
      identity: `${helper.unit.renamed}:${displayName(helper)}:${occurrence(helper)}`,
    };
  });
}

function where(helper: Helper): string {
  return `${helper.file}:${helper.unit.range.line}`;
}

function advice(canonical: Helper, copy: Helper, canImport: CanImport, hierarchy: ClassHierarchy | undefined): string {
  // A member of a class built in a function (a mixin) uses `this`: module level is no home for it.
  // An arrow in a method that reads `this` works on the instance as much.
  if (canonical.parent >= 0) {
    if (canonical.member || canonical.unit.readsThis) return 'move it to a function or base class both use';
    if (canonical.file === copy.file) return 'move it to module level and reuse it';
    // A component cannot export what it declares (`<script setup>`): a module both import holds it.
    return isComponentFile(canonical.file) ? 'move it to a module both can import (a component cannot export it)' : 'move it to module level, export it and import it instead';
  }
  // Declared in a callback's body, it is nobody's to import until it moves out.
  if (canonical.unit.local) return canonical.file === copy.file ? 'move it to module level and reuse it' : 'move it to module level, export it and import it instead';
  // A Vue component's method (`methods: { ... }`) works on `this`: share it the framework's way.
  if (canonical.member && canonical.unit.qualifier === undefined && isComponentFile(canonical.file)) return 'move it to a mixin or composable both use';
  // A function in an object no name reaches (a row of a transition table) cannot be called from the other.
  if (canonical.member && canonical.unit.qualifier === undefined) return 'extract one named function and use it in both places';
  // Methods of two classes of one file cannot call each other either.
  const otherClass = canonical.member && copy.member && canonical.unit.qualifier !== copy.unit.qualifier;
  if (canonical.file === copy.file && !otherClass) return generic(canonical, copy) ? 'make it generic and call it instead' : 'call it instead';
  // Two packages of a monorepo, neither depending on the other; or a module of another platform (`.server`, `.web`).
  if (!canImport(copy.file, canonical.file)) {
    const acrossPackages = (canImport as Partial<PlatformBounded>).acrossPackages ?? canImport;
    const platform = platformOf(canonical.file);
    if (platform !== undefined && acrossPackages(copy.file, canonical.file)) return `move it to a module both can import (not a .${platform} module)`;
    return packageAdvice(canonical, copy, canImport as Partial<PlatformBounded>);
  }
  // A component's functions are its own (`<script setup>` exports nothing), but for those its module script exports.
  if (isComponentFile(canonical.file) && !canonical.unit.exported) return 'move it to a module both can import (a component cannot export it)';
  // Importing from an entry point would run it (a worker's bootstrap).
  if (canonical.entryPoint) return 'move it to a module both can import (its file is an entry point that runs when imported)';
  // The whole exported object was copied (trpc's `jsonEncoder`): importing the object brings the member.
  if (canonical.unit.ownerExported && copy.member && copy.unit.qualifier === canonical.unit.qualifier) return `import ${canonical.unit.qualifier} instead`;
  // A method of one class cannot call another class's method: share the code instead.
  if (canonical.member) {
    if (copy.member) return 'move it to a function or base class both use';
    // A private method is its class's alone: nothing outside can call it.
    return hierarchy?.classOf(canonical)?.fact.private?.includes(canonical.unit.name) ? 'move it to a module both can import' : 'reuse it instead';
  }
  const steps = [...(canonical.unit.exported ? [] : ['export it']), ...(generic(canonical, copy) ? ['make it generic'] : []), 'import it instead'];
  return steps.length === 3 ? `${steps[0]}, ${steps[1]} and ${steps[2]}` : steps.join(' and ');
}

/**
 * `flattenPages(data?: InfiniteData<Survey>)` and `(data?: InfiniteData<Workflow>)`: one copy would not type-check for
 * the other's callers. Not for components (`AppendNoteAction` and `PrependNoteAction` take their own props).
 */
function generic(canonical: Helper, copy: Helper): boolean {
  const [a, b] = [canonical.unit.parameterTypes, copy.unit.parameterTypes];
  if (!a || !b || a.length !== b.length || /^[A-Z]/.test(canonical.unit.name)) return false;
  return a.some((type, i) => type !== 0 && b[i] !== 0 && type !== b[i]);
}

/**
 * Across packages, a function's copies belong in the package for shared code both depend on; failing that, in the
 * canonical copy's, if it is one (`@acme/utils`, not a sibling adapter) that does not depend on the copy's package
 * (a cycle). Then the copy's package depends on it.
 */
function packageAdvice(canonical: Helper, copy: Helper, bounded: Partial<PlatformBounded>): string {
  // A method, a component's function or an entry point's is no library export.
  const importable = !canonical.member && !canonical.entryPoint && !isComponentFile(canonical.file);
  const packages = bounded.packages;
  if (!importable || !packages) return 'move it to a package both depend on';
  const shared = packages.sharedDependency(copy.file, canonical.file, importedPackages(canonical));
  if (shared) return `move it to ${shared.name}, which both depend on`;
  const home = packages.packageOf(canonical.file);
  const dependent = packages.packageOf(copy.file);
  const cycle = bounded.acrossPackages?.(canonical.file, copy.file) ?? true;
  if (!home?.sharedCode || !dependent || cycle) return 'move it to a package both depend on';
  return `${canonical.unit.exported ? '' : 'export it and '}import it from ${home.name} (a new dependency of ${dependent.name})`;
}

/** The packages a helper imports from: `import#pkg:@mikro-orm/sql/x#raw` -> `@mikro-orm/sql`. */
function importedPackages(helper: Helper): string[] {
  const prefix = `${IMPORT_VALUE}pkg:`;
  return (helper.unit.moduleValues ?? [])
    .filter(([, value]) => value.startsWith(prefix))
    .map(([, value]) => packageNameOf(value.slice(prefix.length).split('#')[0]!));
}

function copyMessage(canonical: Helper, copy: Helper, canImport: CanImport, relation: Relation, hierarchy: ClassHierarchy | undefined): string {
  const head = `${displayName(copy)} duplicates ${displayName(canonical)} (${where(canonical)})`;
  // `log('Loaded document')` and `log('Closed connection')`: reusing one as it is would change what the other does.
  const differing = relation === 'renamed' ? differingLiterals(canonical, copy) : 0;
  const literals = differing === 0 ? '' : differing === 1 ? 'the literal that differs' : 'the literals that differ';
  // Each reads its own module's `key`: importing one would make the other read the wrong value.
  const values = differingModuleValues(canonical, copy);
  let state = values.filter((name) => copy.unit.moduleValues!.some(([own, value]) => own === name && value.startsWith(STATE_VALUE)));
  // Svelte stores read by `$` name (`$t`, `$page`) are what both copies read: named only when nothing else is.
  if (state.some((name) => !name.startsWith('$'))) state = state.filter((name) => !name.startsWith('$'));
  if (state.length > 0) {
    // Importing one copy would make it read and write the other module's variable.
    const names = state.map((name) => `\`${name}\``).join(', ');
    const andLiterals = literals ? ` and ${literals}` : '';
    // A component's state is each instance's, read or written: a shared copy takes it, or a store holds it.
    if (isComponentFile(copy.file)) {
      const it = state.length === 1 && !literals ? 'it' : 'them';
      return `${head} except for the component state each uses (${names})${andLiterals}: share one copy that takes ${it} as ${it === 'it' ? 'a parameter' : 'parameters'}, or a composable or store that holds the state`;
    }
    return `${head} except for the module-level state each keeps (${names})${andLiterals}: move one copy and that state to one module`;
  }
  if (values.length > 0) {
    const names = values.map((name) => `\`${name}\``).join(', ');
    const location = values.every((name) => copy.unit.moduleValues!.some(([own, value]) => own === name && value.startsWith(LOCATION_VALUE)));
    const what = `${location ? `where each module is (${names})` : `the module-level ${names} each reads`}${literals ? ` and ${literals}` : ''}`;
    const taking = values.length === 1 && !literals ? 'it as a parameter' : 'them as parameters';
    return `${head} except for ${what}: share one copy that takes ${taking}`;
  }
  // A stale backup beside the module (`http_bkp.ts`): deleting it is the likelier fix.
  const backup = isBackupFile(copy.file) && !isBackupFile(canonical.file) ? 'its file looks like a backup: delete it if nothing uses it, or ' : '';
  const inherited = hierarchy && inheritanceAdvice(canonical, copy, hierarchy, differing);
  if (inherited) return `${head}; ${backup}${inherited}`;
  return `${head}; ${backup}${advice(canonical, copy, canImport, hierarchy)}${literalsTail(differing)}`;
}

function literalsTail(differing: number): string {
  if (differing === 0) return '';
  return differing === 1 ? ', with the literal that differs as a parameter' : ', with the literals that differ as parameters';
}

/**
 * Methods of a class and of a class that extends it, or of two classes that extend one: `UserRepo` inherits
 * `BaseRepo.normalizeKey`, so an override that repeats it can go; two subclasses' copies belong in the class both extend.
 */
function inheritanceAdvice(canonical: Helper, copy: Helper, hierarchy: ClassHierarchy, differing: number): string | undefined {
  const base = hierarchy.classOf(canonical);
  const derived = hierarchy.classOf(copy);
  if (!base || !derived || base === derived) return undefined;
  const name = canonical.unit.name;
  const isStatic = base.fact.static?.includes(name) ?? false;
  if (isStatic !== (derived.fact.static?.includes(copy.unit.name) ?? false)) return undefined;
  if (hierarchy.inherits(derived, base)) {
    const inherits = `${derived.fact.name} inherits it`;
    if (copy.unit.name === name) {
      if (differing === 0) return `${inherits}: delete the override`;
      const what = differing === 1 ? 'the literal that differs a property' : 'the literals that differ properties';
      return `${inherits}: make ${what} ${derived.fact.name} overrides, and delete the override`;
    }
    if (base.fact.private?.includes(name)) return `${inherits}: make it protected and call it instead${literalsTail(differing)}`;
    return `${inherits}: call ${isStatic ? base.fact.name : 'this'}.${name}() instead${literalsTail(differing)}`;
  }
  const common = hierarchy.commonBase(base, derived);
  return common ? `move it to ${common.fact.name}, which both extend${literalsTail(differing)}` : undefined;
}

/**
 * Values the two copies, in two files, read from their own modules, that differ: module-level data when both
 * read some (when only one copy reads its own, that value is likely a copy too, as a port's `const STATES =
 * [...]` beside an imported enum, and importing still fixes both), and imports of one name from two modules.
 * Named as the copy calls them.
 */
function differingModuleValues(canonical: Helper, copy: Helper): string[] {
  if (canonical.file === copy.file || !canonical.unit.moduleValues || !copy.unit.moduleValues) return [];
  const data = (values: Array<[string, string]>) => values.filter(([, value]) => !value.startsWith(FUNCTION_VALUE) && !value.startsWith(IMPORT_VALUE));
  const imports = (values: Array<[string, string]>) => values.filter(([, value]) => value.startsWith(IMPORT_VALUE));
  const theirs = new Map(canonical.unit.moduleValues);
  const differing = new Set<string>();
  if (data(canonical.unit.moduleValues).length > 0) {
    for (const [name, value] of data(copy.unit.moduleValues)) if (theirs.get(name) !== value) differing.add(name);
  }
  for (const [name, value] of imports(copy.unit.moduleValues)) {
    const other = theirs.get(name);
    if (other !== undefined && other.startsWith(IMPORT_VALUE) && !sameModuleValue(other, value)) differing.add(name);
  }
  return [...differing].sort();
}

/** Characters of a statement a message shows. */
const EXCERPT_LENGTH = 48;
/** Characters shown before the first difference, when the excerpt starts there. */
const EXCERPT_LEAD = 12;

/** `line` cut to {@link EXCERPT_LENGTH}, starting shortly before `from` when that is further in. */
function excerpt(line: string, from = 0): string {
  const start = from > EXCERPT_LENGTH - EXCERPT_LEAD * 2 ? from - EXCERPT_LEAD : 0;
  const head = start > 0 ? `…${line.slice(start)}` : line;
  return head.length > EXCERPT_LENGTH ? `${head.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…` : head;
}

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** The statements, among those only in one copy, whose shown first line is the same in both copies. */
function changedStatements(canonical: Helper, copy: Helper, missing: number[], extra: number[]): { missing: number[]; extra: number[] } {
  const canonicalLines = new Map<string, number>();
  for (const index of missing) {
    const line = canonical.unit.snippets?.[index];
    if (line !== undefined && !canonicalLines.has(line)) canonicalLines.set(line, index);
  }
  const changed = { missing: [] as number[], extra: [] as number[] };
  for (const index of extra) {
    const line = copy.unit.snippets?.[index];
    const match = line === undefined ? undefined : canonicalLines.get(line);
    if (match === undefined) continue;
    canonicalLines.delete(line!);
    changed.missing.push(match);
    changed.extra.push(index);
  }
  return changed;
}

function divergingMessage(canonical: Helper, copy: Helper): string {
  const { onlyInA: missing, onlyInB: extra } = align(canonical.unit, copy.unit);
  const quote = (helper: Helper, indices: number[], from?: number): string => {
    const first = helper.unit.snippets?.[indices[0]!];
    const rest = indices.length - 1;
    const more = rest > 0 ? ` (+${rest} more statement${rest > 1 ? 's' : ''})` : '';
    return first === undefined ? `${indices.length} statement${indices.length > 1 ? 's' : ''}` : `'${excerpt(first, from)}'${more}`;
  };
  let difference: string;
  if (missing.length === 0 && extra.length === 0) {
    const [mine, theirs] = [copy.unit.signature, canonical.unit.signature];
    difference =
      mine !== undefined && theirs !== undefined && mine !== theirs
        ? `its statements match but its signature differs: '${mine}' where the canonical copy has '${theirs}'`
        : 'its statements match but it passes its parameters and variables differently';
  } else if (missing.length === 1 && extra.length === 1) {
    // Two versions of one statement: show both from just before they part.
    const from = firstDifference(copy.unit.snippets?.[extra[0]!] ?? '', canonical.unit.snippets?.[missing[0]!] ?? '');
    difference = `it has ${quote(copy, extra, from)} where the canonical copy has ${quote(canonical, missing, from)}`;
  } else if (changedStatements(canonical, copy, missing, extra).extra.length > 0) {
    // A statement that starts alike in both but differs inside (a switch that gained cases): changed, not lacked and had.
    const changed = changedStatements(canonical, copy, missing, extra);
    const parts = [`its ${quote(copy, changed.extra)} differs from the canonical copy's`];
    const lacked = missing.filter((index) => !changed.missing.includes(index));
    const added = extra.filter((index) => !changed.extra.includes(index));
    if (lacked.length > 0) parts.push(`it lacks ${quote(canonical, lacked)} that the canonical copy has`);
    if (added.length > 0) parts.push(`it has ${quote(copy, added)} that the canonical copy lacks`);
    difference = parts.join('; ');
  } else if (extra.length === 0) {
    difference = `it lacks ${quote(canonical, missing)} that the canonical copy has`;
  } else if (missing.length === 0) {
    difference = `it has ${quote(copy, extra)} that the canonical copy lacks`;
  } else {
    difference = `it lacks ${quote(canonical, missing)} that the canonical copy has, and has ${quote(copy, extra)} that it lacks`;
  }
  return `${displayName(copy)} is a diverging copy of ${displayName(canonical)} (${where(canonical)}): ${difference}`;
}
