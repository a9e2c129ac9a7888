import path from 'node:path';
import type { FileFacts } from '../types.js';
import type { HelperFacts } from './facts.js';

const SCRIPT_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** ESM TypeScript imports name the emitted file: `./utils.js` is `./utils.ts`. */
const EMITTED_TO_SOURCE: Record<string, string[]> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};

/** `@/`, `~/`, `#` and SvelteKit's `$lib/` (which is `src/lib/`): what an alias puts before the path. */
const ALIAS_PREFIX = /^(?:[@~]\/|#|\$(?=lib\/))/;

/** Which analyzed file imports which, from the specifiers in the facts (resolved lazily). */
export class ImportGraph {
  private readonly indexOf = new Map<string, number>();
  private readonly resolved: (Set<number> | undefined)[] = [];
  /** Folder + specifier -> file index (-1 when not analyzed): most imports repeat within a folder. */
  private readonly byFolder = new Map<string, number>();
  private fanIns: Int32Array | undefined;

  constructor(private readonly files: ReadonlyArray<FileFacts<HelperFacts | null | undefined>>) {
    files.forEach((entry, index) => this.indexOf.set(entry.file, index));
  }

  /** Indices of the analyzed files that `file` imports. */
  importsOf(file: number): Set<number> {
    let targets = this.resolved[file];
    if (!targets) {
      targets = new Set();
      const from = this.files[file]!.file;
      for (const specifier of this.files[file]!.facts?.imports ?? []) {
        const target = this.resolve(from, specifier);
        if (target !== undefined && target !== file) targets.add(target);
      }
      this.resolved[file] = targets;
    }
    return targets;
  }

  /** How many analyzed files import `file`. */
  fanIn(file: number): number {
    if (!this.fanIns) {
      this.fanIns = new Int32Array(this.files.length);
      for (let i = 0; i < this.files.length; i++) for (const target of this.importsOf(i)) this.fanIns[target]!++;
    }
    return this.fanIns[file]!;
  }

  private resolve(from: string, specifier: string): number | undefined {
    const folder = path.posix.dirname(from);
    const key = `${folder}\0${specifier}`;
    let target = this.byFolder.get(key);
    if (target === undefined) this.byFolder.set(key, (target = this.lookup(folder, specifier) ?? -1));
    return target < 0 ? undefined : target;
  }

  private lookup(folder: string, specifier: string): number | undefined {
    if (specifier.startsWith('.')) return this.lookupPath(path.posix.join(folder, specifier));
    // An alias or a `baseUrl` path names a file below one of the folders above: the nearest that has it.
    const below = specifier.replace(ALIAS_PREFIX, '');
    for (let base = folder; ; ) {
      const found = this.lookupPath(path.posix.join(base, below));
      if (found !== undefined) return found;
      const parent = path.posix.dirname(base);
      if (parent === base) return undefined;
      base = parent;
    }
  }

  private lookupPath(base: string): number | undefined {
    const candidates = [base];
    const extension = path.posix.extname(base);
    for (const replacement of EMITTED_TO_SOURCE[extension] ?? []) candidates.push(base.slice(0, -extension.length) + replacement);
    for (const added of SCRIPT_EXTENSIONS) candidates.push(base + added);
    for (const added of SCRIPT_EXTENSIONS) candidates.push(`${base}/index${added}`);
    for (const candidate of candidates) {
      const index = this.indexOf.get(candidate);
      if (index !== undefined) return index;
    }
    return undefined;
  }
}
