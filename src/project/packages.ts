import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PackageLayout, PackageSummary } from '../checks/types.js';
import { compareStrings } from '../core/finding.js';

interface PackageInfo {
  name: string;
  library: boolean;
  dependsOn: ReadonlySet<string>;
}

interface Workspace {
  packageOf: Map<string, PackageInfo>;
  byName: Map<string, { summary: PackageSummary }>;
  manifests: Map<string, PackageInfo[]>;
}

const DEPENDENCY_FIELDS = ['dependencies', 'peerDependencies', 'optionalDependencies'] as const;
/** The last part of a package name that says it holds shared code. */
const SHARED_CODE_PACKAGE = /(?:^|[/@_.-])(?:utils?|utilities|shared|common|core|foundation|helpers?|toolkit|lib)$/;
const MODULE_ENTRY_FIELDS = ['main', 'module', 'exports', 'types', 'typings'];
const LIBRARY_ENTRY_FIELDS = [...MODULE_ENTRY_FIELDS, 'bin'];

/**
 * The npm package of each file (its nearest package.json) and what each package depends on. Each folder's
 * package.json is read once per reader: the CLI makes one per run, an editor session keeps one per project.
 */
export class PackageLayoutReader {
  /** Folder -> the package it belongs to (null: none up to the file system root). */
  private readonly byFolder = new Map<string, PackageInfo | null>();

  /** Reads the package.json files when first asked: only placing a family of copies asks, and not every run has one. */
  layout(files: ReadonlyArray<{ absolute: string; relative: string }>): PackageLayout {
    let workspace: Workspace | undefined;
    const read = (): Workspace => (workspace ??= this.workspaceOf(files));
    return {
      canImport(fromFile, toFile) {
        const { packageOf } = read();
        const from = packageOf.get(fromFile);
        const to = packageOf.get(toFile);
        // Outside any package, or within one (also across its own sub-folder manifests, `lib/cjs/package.json` and
        // `lib/esm/package.json` of a dual build repeat its name): a relative import.
        if (!from || !to || from.name === to.name) return true;
        return from.dependsOn.has(to.name);
      },
      packageOf(file) {
        const { packageOf, byName } = read();
        const name = packageOf.get(file)?.name;
        return name === undefined ? undefined : byName.get(name)!.summary;
      },
      sharedDependency(fileA, fileB, uses = []) {
        const { packageOf, byName, manifests } = read();
        const [a, b] = [packageOf.get(fileA), packageOf.get(fileB)];
        if (!a || !b) return undefined;
        // A home that cannot import what the code uses (`@mikro-orm/core` for code using `@mikro-orm/sql`, which
        // depends on core) would make a cycle.
        const reaches = (name: string) =>
          uses.every((used) => used === name || !manifests.has(used) || manifests.get(name)!.some((info) => info.dependsOn.has(used)));
        // Named as a home for shared code (`@acme/utils`, `@platformatic/foundation`), not a peer both build on
        // (`@trpc/server` for two React bindings); the most depended on first.
        const shared = [...a.dependsOn]
          .filter((name) => b.dependsOn.has(name) && name !== a.name && name !== b.name && byName.get(name)?.summary.sharedCode === true && reaches(name))
          .map((name) => byName.get(name)!.summary);
        return shared.sort((x, y) => y.dependents - x.dependents || compareStrings(x.name, y.name))[0];
      },
    };
  }

  /** The package of each file, and each package of the project by name (a dual build's manifests as one). */
  private workspaceOf(files: ReadonlyArray<{ absolute: string; relative: string }>): Workspace {
    const packageOf = new Map<string, PackageInfo>();
    const manifests = new Map<string, PackageInfo[]>();
    for (const { absolute, relative } of files) {
      const info = this.packageOfFolder(path.dirname(absolute));
      if (!info) continue;
      packageOf.set(relative, info);
      const known = manifests.get(info.name) ?? [];
      if (!known.includes(info)) manifests.set(info.name, [...known, info]);
    }
    const byName = new Map<string, { summary: PackageSummary }>();
    for (const [name, infos] of manifests) {
      const dependents = [...manifests].filter(([other, others]) => other !== name && others.some((info) => info.dependsOn.has(name))).length;
      const library = infos.some((info) => info.library);
      byName.set(name, { summary: { name, library, sharedCode: library && SHARED_CODE_PACKAGE.test(name), dependents } });
    }
    return { packageOf, byName, manifests };
  }

  private packageOfFolder(folder: string): PackageInfo | undefined {
    const known = this.byFolder.get(folder);
    if (known !== undefined) return known ?? undefined;
    const parent = path.dirname(folder);
    const info = readPackage(path.join(folder, 'package.json')) ?? (parent === folder ? null : (this.packageOfFolder(parent) ?? null));
    this.byFolder.set(folder, info);
    return info ?? undefined;
  }
}

/** A package.json's name and dependencies; undefined when there is none, it is not JSON, or it has no name. */
function readPackage(file: string): PackageInfo | undefined {
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  // Without a name (`{ "type": "module" }` in a sub-folder) it marks no package boundary.
  if (typeof manifest !== 'object' || manifest === null || typeof manifest.name !== 'string') return undefined;
  const dependsOn = new Set<string>();
  // A published library's code cannot import a devDependency (its users do not install it); an app's bundler
  // takes one like any other.
  const fields = isLibrary(manifest) ? DEPENDENCY_FIELDS : [...DEPENDENCY_FIELDS, 'devDependencies'];
  for (const field of fields) {
    const dependencies = manifest[field];
    if (dependencies && typeof dependencies === 'object') for (const name of Object.keys(dependencies)) dependsOn.add(name);
  }
  // A CLI (a `bin` and no module entry point) is run, not imported; an app (private, no entry point) neither.
  const moduleEntry = MODULE_ENTRY_FIELDS.some((field) => manifest[field] !== undefined);
  const library = manifest.bin === undefined ? manifest.private !== true || moduleEntry : moduleEntry;
  return { name: manifest.name as string, library, dependsOn };
}

/** A package others install and import or run: not private, with an entry point (`main`, `exports`, `bin`...). */
function isLibrary(manifest: Record<string, unknown>): boolean {
  return manifest.private !== true && LIBRARY_ENTRY_FIELDS.some((field) => manifest[field] !== undefined);
}
