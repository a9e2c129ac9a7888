import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { parse as parseYaml } from 'yaml';

/**
 * The packages of the monorepo a folder is in (npm, Yarn and Bun `workspaces`, pnpm's `pnpm-workspace.yaml`): package
 * name -> its folder. What a package manager links into node_modules on install, known before it has run.
 */
export class WorkspacePackages {
  /** Folder -> the packages of its workspace (empty outside any). */
  private readonly byFolder = new Map<string, ReadonlyMap<string, string>>();

  of(folder: string): ReadonlyMap<string, string> {
    const known = this.byFolder.get(folder);
    if (known) return known;
    const patterns = workspacePatterns(folder);
    const parent = path.dirname(folder);
    const packages = patterns ? packagesMatching(folder, patterns) : parent === folder ? new Map<string, string>() : this.of(parent);
    this.byFolder.set(folder, packages);
    return packages;
  }
}

/** The workspace globs declared in this folder, or undefined when it is not a workspace root. */
function workspacePatterns(folder: string): string[] | undefined {
  const pnpm = path.join(folder, 'pnpm-workspace.yaml');
  if (existsSync(pnpm)) return stringsOf((readOrUndefined(pnpm, parseYaml) as { packages?: unknown } | undefined)?.packages) ?? [];
  const manifest = path.join(folder, 'package.json');
  if (!existsSync(manifest)) return undefined;
  const workspaces = (readOrUndefined(manifest, JSON.parse) as { workspaces?: unknown } | undefined)?.workspaces;
  return stringsOf(Array.isArray(workspaces) ? workspaces : (workspaces as { packages?: unknown } | undefined)?.packages);
}

function packagesMatching(root: string, patterns: string[]): ReadonlyMap<string, string> {
  const include = patterns.filter((pattern) => !pattern.startsWith('!')).map((pattern) => `${pattern.replace(/\/+$/, '')}/package.json`);
  const ignore = ['**/node_modules/**', ...patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1))];
  const packages = new Map<string, string>();
  // Sorted, so that of two packages with one name the same one wins on every run.
  for (const manifest of fg.sync(include, { cwd: root, ignore, absolute: true, suppressErrors: true }).sort()) {
    const name = (readOrUndefined(manifest, JSON.parse) as { name?: unknown } | undefined)?.name;
    if (typeof name === 'string' && !packages.has(name)) packages.set(name, path.dirname(manifest));
  }
  return packages;
}

function stringsOf(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : undefined;
}

function readOrUndefined(file: string, parse: (text: string) => unknown): unknown {
  try {
    return parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}
