import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PackageLayout, PackageSummary } from '../checks/types.js';

interface PackageInfo extends PackageSummary {
  dependsOn: ReadonlySet<string>;
}

const DEPENDENCY_FIELDS = ['dependencies', 'peerDependencies', 'optionalDependencies'] as const;
const LIBRARY_ENTRY_FIELDS = ['main', 'module', 'exports', 'bin', 'types', 'typings'];

/**
 * The npm package of each file (its nearest package.json) and what each package depends on. Each folder's
 * package.json is read once per reader: the CLI makes one per run, an editor session keeps one per project.
 */
export class PackageLayoutReader {
  /** Folder -> the package it belongs to (null: none up to the file system root). */
  private readonly byFolder = new Map<string, PackageInfo | null>();

  /** Reads the package.json files when first asked: only placing a family of copies asks, and not every run has one. */
  layout(files: ReadonlyArray<{ absolute: string; relative: string }>): PackageLayout {
    let packageOf: Map<string, PackageInfo> | undefined;
    const packages = (): Map<string, PackageInfo> => {
      if (packageOf) return packageOf;
      packageOf = new Map();
      for (const { absolute, relative } of files) {
        const info = this.packageOfFolder(path.dirname(absolute));
        if (info) packageOf.set(relative, info);
      }
      return packageOf;
    };
    return {
      canImport(fromFile, toFile) {
        const packageOf = packages();
        const from = packageOf.get(fromFile);
        const to = packageOf.get(toFile);
        // Outside any package, or within one (also across its own sub-folder manifests, `lib/cjs/package.json` and
        // `lib/esm/package.json` of a dual build repeat its name): a relative import.
        if (!from || !to || from.name === to.name) return true;
        return from.dependsOn.has(to.name);
      },
      packageOf(file) {
        const info = packages().get(file);
        return info && { name: info.name, library: info.library };
      },
    };
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
  const library = manifest.bin === undefined && (manifest.private !== true || LIBRARY_ENTRY_FIELDS.some((field) => manifest[field] !== undefined));
  return { name: manifest.name as string, library, dependsOn };
}

/** A package others install and import or run: not private, with an entry point (`main`, `exports`, `bin`...). */
function isLibrary(manifest: Record<string, unknown>): boolean {
  return manifest.private !== true && LIBRARY_ENTRY_FIELDS.some((field) => manifest[field] !== undefined);
}
