import { projectPathOf, type CheckIndex } from '../types.js';
import { FUNCTION_VALUE, IMPORT_VALUE, LOCATION_VALUE, type HelperFacts, type HelperUnit } from './facts.js';
import { nameKey, namesCorroborate, wordCount } from './names.js';
import type { DuplicateHelpersOptions } from './options.js';

/** A helper of the project: a unit with where it lives. */
export interface Helper {
  id: number;
  fileIndex: number;
  file: string;
  /** See `FileFacts.projectPath`: what tests and one-off scripts are recognized by. */
  projectPath: string;
  unit: HelperUnit;
  /** Id of the enclosing helper, or -1. */
  parent: number;
  depth: number;
  key: string;
  words: number;
  member: boolean;
  /** Its file is an entry point (see `HelperFacts.entryPoint`): no copy should import from it. */
  entryPoint: boolean;
}

/**
 * Tests (also type-level tests: `type-tests/`, `*.test-d.ts`) and their set-up, utilities and fixtures (`__fixtures__/`, and `fixtures/`: the apps and inputs tests load one by one), benchmarks, examples (`examples/`, and a package such as
 * `oauth-client-browser-example/src/`: a folder of that name without its own `src/` may be a feature's) and playgrounds (Storybook stories too), project templates that a
 * generator copies out (`templates/` only at the top of the repository or of a package: deeper, it is usually a
 * feature of the app), and database migrations (in `alterations/`, the files named by a version or timestamp, as
 * logto's `1.0.0-1677208902-….ts`: directus keeps its data-model editor's code in another `alterations/`; and any file
 * named by a version, as platformatic's config upgrade steps `lib/versions/3.0.0.js`): self-contained
 * by design (a migration is a frozen snapshot per dialect that must never import a shared helper), so their copies
 * are boilerplate, not drift.
 */
const TEST_FILE =
  /(?:^|\/)(?:__tests__|__mocks__|__testfixtures__|__fixtures__|fixtures?|tests?|type-?tests?|testing|spec|e2e|(?:integration|e2e)-tests?|bench|benchmarks?|examples?|(?:[\w.-]+[-_]examples?|examples?[-_][\w.-]+)\/src|samples?|playgrounds?|scaffolds?|boilerplates?|(?:[\w-]+[_-])?migrations?|test-?utils?|test-?helpers?|(?:[\w.-]+-)?test-suites?)\/|(?:^|\/)alterations\/(?:[^/]+\/)*(?:\d|[^/]*\d{8})[^/]*$|(?:^|\/)v?\d+\.\d+\.\d+(?:-[\w.-]+)?\.[cm]?[jt]s$|^(?:packages\/[^/]+\/)?templates\/|\.(?:test(?:-d)?|spec(?:-d)?|e2e|bench|evals?|stories|story)(?:\.[\w-]+)?\.[cm]?[jt]sx?$/;
const TEST_SUPPORT_FILE = /(?:^|\/)(?:test-?utils?|test-?helpers?|test-?suite|(?:jest|vitest)\.setup|setup-?tests)\.[cm]?[jt]sx?$/i;

export function isTestFile(file: string): boolean {
  return TEST_FILE.test(file) || TEST_SUPPORT_FILE.test(file);
}

/** Every helper of the index, in file order then source order; ids are positions in the result. */
export function collectHelpers(index: CheckIndex<HelperFacts | null | undefined>, options: DuplicateHelpersOptions): Helper[] {
  const includeTests = options.includeTestsAndExamples;
  const helpers: Helper[] = [];
  index.files.forEach((entry, fileIndex) => {
    const facts = entry.facts;
    const projectPath = projectPathOf(entry);
    if (!facts || facts.generated || (!includeTests && isTestFile(projectPath))) return;
    // Unit index -> helper id (or the nearest kept ancestor's), for parent links.
    const helperOf: number[] = [];
    facts.units.forEach((unit, unitIndex) => {
      const parentId = unit.parent >= 0 ? helperOf[unit.parent]! : -1;
      const parentHelper = parentId >= 0 ? helpers[parentId] : undefined;
      if (unit.size < options.minTokens) {
        helperOf[unitIndex] = parentId;
        return;
      }
      helperOf[unitIndex] = helpers.length;
      helpers.push({
        id: helpers.length,
        fileIndex,
        file: entry.file,
        projectPath,
        unit,
        parent: parentHelper ? parentHelper.id : -1,
        depth: parentHelper ? parentHelper.depth + 1 : 0,
        key: nameKey(unit.name),
        words: wordCount(unit.name),
        member: unit.kind === 'method' || unit.kind === 'field' || unit.kind === 'object-method',
        entryPoint: facts.entryPoint === true,
      });
    });
  });
  return helpers;
}

export function corroborated(a: Helper, b: Helper): boolean {
  return namesCorroborate(a, b);
}

/**
 * Whether two helpers with one renamed fingerprint differ only in data. With one name, up to half the literals
 * may differ (or one); with different names, one literal (a message reworded), if it is at most a third of them and the body has more than one statement:
 * `install` vs `uninstall` building 'add'/'install' vs 'remove'/'uninstall' commands do different work.
 */
export function literalsCompatible(a: Helper, b: Helper): boolean {
  if (readsOwnFolderApart(a, b)) return false;
  if (corroborated(a, b)) return mostLiteralsShared(a, b);
  const count = a.unit.literals.length;
  if (count !== b.unit.literals.length) return false;
  const differing = differingLiterals(a, b);
  // One statement that differs in a literal is another endpoint or message (`request('POST', url)` vs
  // `request('PUT', url)`): the shared code is what it calls.
  if (a.unit.statements.length <= 1) return differing === 0;
  if (bindsAnotherTarget(a, b)) return false;
  return differing <= 1 && differing * 3 <= count;
}

/**
 * Under two names, a small function around another URL or path binds another endpoint (an SDK's `deleteFile` and
 * `deleteFolder`), and one around its own module's location another folder (a relative `import.meta.glob`
 * in displays/ and in layouts/); in a larger one the shared work is worth a parameter.
 */
export function bindsAnotherTarget(a: Helper, b: Helper): boolean {
  if (corroborated(a, b) || Math.max(a.unit.size, b.unit.size) >= ENDPOINT_BINDING_MAX_SIZE) return false;
  return differingPath(a, b) || differingLocation(a, b);
}

/**
 * Whether two copies may be linked given the module-level functions they call: not when each calls its own
 * module's function of one name and the two differ (web and desktop `signOutUser` each calling their own
 * `logout()`): they do different work.
 */
export function sameModuleFunctions(a: Helper, b: Helper): boolean {
  if (a.file === b.file || !a.unit.moduleValues || !b.unit.moduleValues) return true;
  const theirs = new Map(b.unit.moduleValues);
  const mine = new Map(a.unit.moduleValues);
  const agree = a.unit.moduleValues.every(([name, value]) => {
    if (!value.startsWith(FUNCTION_VALUE)) return true;
    const other = theirs.get(name);
    return other === undefined || other === value;
  });
  if (!agree) return false;
  // Under other names, each calls its own module's functions: those must be one function too (`getMysqlJsonObjectArgs`
  // and `getSqliteJsonObjectArgs` throw each dialect's message).
  const ownHelpers = (values: Array<[string, string]>, other: Map<string, string>) =>
    values.filter(([name, value]) => value.startsWith(FUNCTION_VALUE) && !other.has(name)).map(([, value]) => value).sort();
  const [myOwn, theirOwn] = [ownHelpers(a.unit.moduleValues, theirs), ownHelpers(b.unit.moduleValues, mine)];
  return myOwn.length === 0 || theirOwn.length === 0 || (myOwn.length === theirOwn.length && myOwn.every((value, i) => value === theirOwn[i]));
}

/**
 * Whether a port (same shape and name, other names inside) may be linked given the relative imports each reads:
 * not when both read some and not the same ones (each connector's `authorizationCallbackHandler` validating
 * with its own `./types.js` guard). A port reading its own table where the other imports one is still linked.
 */
export function portImportsAgree(a: Helper, b: Helper): boolean {
  const importsOf = (helper: Helper) => (helper.unit.moduleValues ?? []).filter(([, value]) => value.startsWith(IMPORT_VALUE)).map(([, value]) => value);
  const mine = importsOf(a);
  const theirs = importsOf(b);
  if (a.file === b.file || mine.length === 0 || theirs.length === 0) return true;
  // Packages by name (React against Solid), the project's own modules by path (an alias and a relative path agree).
  const myPackages = new Set(mine.filter(isPackageImport));
  const theirPackages = new Set(theirs.filter(isPackageImport));
  if (myPackages.size !== theirPackages.size || [...myPackages].some((value) => !theirPackages.has(value))) return false;
  const myPaths = mine.filter((value) => !isPackageImport(value));
  const theirPaths = theirs.filter((value) => !isPackageImport(value));
  return myPaths.length === theirPaths.length && myPaths.every((value) => theirPaths.some((other) => sameModuleValue(value, other)));
}

/**
 * Whether two module values are one: equal, or one import written through an alias (`import#~shared/schema#X`)
 * and the other resolved from a relative path that ends the same way (`import#apps/web/src/shared/schema#X`), or
 * one from a package and one from a path (which may be that package's own file).
 */
export function sameModuleValue(a: string, b: string): boolean {
  if (a === b) return true;
  if (!a.startsWith(IMPORT_VALUE) || !b.startsWith(IMPORT_VALUE)) return false;
  // A package and a path may be one module (a monorepo's own package, imported from inside by path): unknown, so one.
  if (isPackageImport(a) !== isPackageImport(b)) return true;
  if (isPackageImport(a)) return false;
  const [aliased, resolved] = a.startsWith(`${IMPORT_VALUE}~`) ? [a, b] : [b, a];
  if (!aliased.startsWith(`${IMPORT_VALUE}~`) || resolved.startsWith(`${IMPORT_VALUE}~`)) return false;
  return resolved.endsWith(`/${aliased.slice(IMPORT_VALUE.length + 1)}`);
}

function isPackageImport(value: string): boolean {
  return value.startsWith(`${IMPORT_VALUE}pkg:`);
}

/** Even under one name, when most of the text differs the text is the work: two SQL queries, two templates. */
export function mostLiteralsShared(a: Helper, b: Helper): boolean {
  const differing = differingLiterals(a, b);
  return differing <= 1 || differing * 2 <= Math.max(a.unit.literals.length, b.unit.literals.length);
}

/** Tokens: SDK commands measured 19-51 (directus), shared request code with another path 68-71 (actual, documenso). */
const ENDPOINT_BINDING_MAX_SIZE = 60;

function differingPath(a: Helper, b: Helper): boolean {
  return (a.unit.paths ?? []).some((index) => b.unit.paths?.includes(index) && a.unit.literals[index] !== b.unit.literals[index]);
}

/**
 * Whether two copies each read their own, different folder (`__dirname`, `import.meta`, a relative `import()`)
 * and differ in literals: each lists its own folder's files (two CLIs' `loadCommands`), whatever their names.
 */
export function readsOwnFolderApart(a: Helper, b: Helper): boolean {
  return differingLocation(a, b) && differingLiterals(a, b) > 0;
}

/** Whether both read where their module is (`__dirname`, `import.meta`), and the two are in different folders. */
function differingLocation(a: Helper, b: Helper): boolean {
  const theirs = new Map(b.unit.moduleValues ?? []);
  return (a.unit.moduleValues ?? []).some(([name, value]) => value.startsWith(LOCATION_VALUE) && theirs.has(name) && theirs.get(name) !== value);
}

/** How many of the abstracted literals (strings, numbers) differ between two copies, position by position. */
export function differingLiterals(a: Helper, b: Helper): number {
  const left = a.unit.literals;
  const right = b.unit.literals;
  let differing = Math.abs(left.length - right.length);
  for (let i = 0; i < Math.min(left.length, right.length); i++) if (left[i] !== right[i]) differing++;
  return differing;
}

/** Whether `inner` is nested (at any depth) in `outer`. */
export function isNestedIn(inner: Helper, outer: Helper, helpers: readonly Helper[]): boolean {
  for (let id = inner.parent; id >= 0; id = helpers[id]!.parent) if (id === outer.id) return true;
  return false;
}

export function displayName(helper: Helper): string {
  const { unit } = helper;
  if (unit.name === 'default' && unit.kind !== 'method' && unit.kind !== 'field') return 'the default export';
  return unit.qualifier ? `${unit.qualifier}.${unit.name}` : unit.name;
}
