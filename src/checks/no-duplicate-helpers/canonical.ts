import path from 'node:path';
import { compareStrings } from '../../core/finding.js';
import { isComponentFile } from '../../project/components.js';
import type { PackageLayout } from '../types.js';
import { isTestFile, type Helper } from './helpers.js';
import type { ClassHierarchy, ProjectClass } from './hierarchy.js';
import type { ImportGraph } from './imports.js';
import { nameKey } from './names.js';

const SCRIPT_JS = /\.[cm]?jsx?$/;
/** One-off scripts: `scripts/`, seeders (`seed-queue-metrics.mts`). Application code should not import from them. */
const ONE_OFF_SCRIPT = /(?:^|\/)(?:scripts?|seeds?|seeders?)\/|(?:^|\/)seed[^/]*$/;

/** `canonical` option: normalized helper name -> project-relative file of the copy to keep. */
export function canonicalOverrides(option: Record<string, string>): Map<string, string> {
  const overrides = new Map<string, string>();
  for (const name of Object.keys(option).sort()) overrides.set(nameKey(name), option[name]!.replace(/^\.\//, ''));
  return overrides;
}

/** Whether code in one file can import from another (across a monorepo's packages); see `PackageLayout`. */
export type CanImport = (fromFile: string, toFile: string) => boolean;

export const ONE_PACKAGE: CanImport = () => true;

/** A backup of a module kept beside it: `http_bkp.ts`, `utils.old.ts`, `index.orig.js`, `api copy.ts`. */
const BACKUP_FILE = /(?:[._-](?:bkp|bak|backup|orig|old)| copy(?: \d+)?)\.[cm]?[jt]sx?$/i;

export function isBackupFile(file: string): boolean {
  return BACKUP_FILE.test(file);
}

/**
 * A module for one platform by name: server-only (`prices.server.ts`: Remix, React Router, SvelteKit), or one of
 * React Native's, Electron's or a package's platform variants (`storage.web.ts`, `storage.native.ts`,
 * `index.electron.ts`, `hash.browser.ts`). Not `.client` or `.node`, which also name classes (`api.client.ts`).
 */
const PLATFORM_FILE = /\.(server|web|native|ios|android|electron|desktop|browser)\.[cm]?[jt]sx?$/;
/** Route modules, whose loaders and actions may import server-only modules (the bundler strips them). */
const ROUTE_MODULE = /(?:^|\/)routes\//;

/** The platform a module is for (`server`, `web`...), or undefined for a module every platform can import. */
export function platformOf(file: string): string | undefined {
  return PLATFORM_FILE.exec(file)?.[1];
}

/**
 * A platform's module can be imported only by modules of that platform: browser code cannot import a `.server`
 * module (route modules can), and the web build cannot import `.native` code.
 */
export function withPlatformBoundary(canImport: CanImport, packages: PackageFacts = NO_PACKAGES): PlatformBounded {
  const bounded: CanImport = (fromFile, toFile) => {
    const platform = platformOf(toFile);
    const reachable = platform === undefined || platformOf(fromFile) === platform || (platform === 'server' && ROUTE_MODULE.test(fromFile));
    return reachable && canImport(fromFile, toFile);
  };
  return Object.assign(bounded, { acrossPackages: canImport, packages });
}

/** What the advice and the choice of a canonical copy read of a monorepo's packages. */
export type PackageFacts = Pick<PackageLayout, 'packageOf' | 'sharedDependency'>;

const NO_PACKAGES: PackageFacts = { packageOf: () => undefined, sharedDependency: () => undefined };

/**
 * A {@link CanImport} with platform boundaries, the package boundaries alone (to say which one stands between two
 * files), and the package of each file.
 */
export type PlatformBounded = CanImport & { acrossPackages: CanImport; packages: PackageFacts };

/**
 * The copy the others should use. In order: the configured override; a copy outside backup files; a copy in a module
 * rather than in a Vue or Svelte component (whose functions other files cannot import, but for what its module
 * script exports); a method of a base class rather than its subclass's override; the copy the most other copies can
 * import (in a monorepo: the one in the package the others depend on); a copy in a library package rather than
 * in an app or a CLI (shared code belongs where others can depend on it); an exported copy in a module the
 * other copies' files already import; a copy outside one-off scripts, seeders and entry points; any exported copy; a copy at module level rather than nested in a function; a copy whose file the other copies import; the
 * file most imported in the project; the copy highest in the folder tree the copies share; then source
 * over tests, TypeScript over JavaScript, functions over members, and path and line for determinism.
 */
export function chooseCanonical(
  family: readonly Helper[],
  graph: ImportGraph,
  overrides: Map<string, string>,
  canImport: CanImport = ONE_PACKAGE,
  hierarchy?: ClassHierarchy,
): Helper {
  for (const helper of family) {
    const file = overrides.get(helper.key);
    if (file === undefined) continue;
    const chosen = family.filter((candidate) => candidate.file === file).sort(byPosition)[0];
    if (chosen) return chosen;
  }
  const ancestor = commonFolder(family.map((helper) => helper.file));
  const { packageOf } = (canImport as Partial<PlatformBounded>).packages ?? NO_PACKAGES;
  const classes = hierarchy ? family.map((helper) => hierarchy.classOf(helper)) : [];
  const scored = family.map((helper, i) => {
    // A member of an exported object is reached by importing the object.
    const reachable = helper.unit.exported || helper.unit.ownerExported === true;
    const imports = graph;
    let importedBy = 0;
    let reachableBy = 0;
    const counted = new Set<number>();
    for (const other of family) {
      if (other.fileIndex === helper.fileIndex || counted.has(other.fileIndex)) continue;
      counted.add(other.fileIndex);
      if (imports.importsOf(other.fileIndex).has(helper.fileIndex)) importedBy++;
      if (canImport(other.file, helper.file)) reachableBy++;
    }
    return {
      helper,
      backup: isBackupFile(helper.file) ? 1 : 0,
      component: isComponentFile(helper.file) && !helper.unit.exported ? 1 : 0,
      derived: inheritsFromAnother(classes, i, hierarchy) ? 1 : 0,
      reachableBy,
      library: packageOf(helper.file)?.library ? 1 : 0,
      exportedAndImported: reachable ? importedBy : 0,
      exported: reachable ? 1 : 0,
      nested: helper.parent >= 0 ? 1 : 0,
      script: ONE_OFF_SCRIPT.test(helper.projectPath) || helper.entryPoint ? 1 : 0,
      importedBy,
      fanIn: graph.fanIn(helper.fileIndex),
      depth: folderDepth(helper.file, ancestor),
      test: isTestFile(helper.projectPath) ? 1 : 0,
      javascript: SCRIPT_JS.test(helper.file) ? 1 : 0,
      member: helper.member ? 1 : 0,
    };
  });
  scored.sort(
    (a, b) =>
      a.backup - b.backup ||
      a.component - b.component ||
      a.derived - b.derived ||
      b.reachableBy - a.reachableBy ||
      b.library - a.library ||
      b.exportedAndImported - a.exportedAndImported ||
      a.script - b.script ||
      b.exported - a.exported ||
      a.nested - b.nested ||
      b.importedBy - a.importedBy ||
      b.fanIn - a.fanIn ||
      a.depth - b.depth ||
      a.test - b.test ||
      a.javascript - b.javascript ||
      a.member - b.member ||
      byPosition(a.helper, b.helper),
  );
  return scored[0]!.helper;
}

/** Whether the class of family member `i` extends the class of another member: the base's copy is the one to keep. */
function inheritsFromAnother(classes: ReadonlyArray<ProjectClass | undefined>, i: number, hierarchy: ClassHierarchy | undefined): boolean {
  const own = classes[i];
  if (!own || !hierarchy) return false;
  const ancestors = hierarchy.ancestors(own);
  return classes.some((other, j) => j !== i && other !== undefined && ancestors.includes(other));
}

export function byPosition(a: Helper, b: Helper): number {
  return compareStrings(a.file, b.file) || a.unit.range.line - b.unit.range.line || a.unit.range.column - b.unit.range.column;
}

function commonFolder(files: string[]): string[] {
  const folders = files.map((file) => path.posix.dirname(file).split('/'));
  const first = folders[0]!;
  let length = first.length;
  for (const folder of folders) {
    let i = 0;
    while (i < length && i < folder.length && folder[i] === first[i]) i++;
    length = i;
  }
  return first.slice(0, length);
}

function folderDepth(file: string, ancestor: string[]): number {
  return path.posix.dirname(file).split('/').length - ancestor.length;
}
