import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import type { Check } from '../checks/types.js';

/** Bump when the cache file layout changes. */
const CACHE_FORMAT = 1;

interface CacheFile {
  format: number;
  signature: string;
  entries: Record<string, { hash: string; facts: unknown }>;
}

/**
 * Facts of one syntactic check, keyed by file path and content hash. One file per check and signature (tool
 * version, TypeScript version, facts version, options), so runs with different rule sets don't evict each other.
 */
export class FactsCache {
  private readonly file: string;
  private readonly signature: string;
  private previous: CacheFile['entries'] = {};
  private readonly next: CacheFile['entries'] = {};
  private changed = false;

  constructor(directory: string, check: Check<unknown, unknown>, options: unknown, toolVersion: string, tsVersion: string) {
    this.signature = createHash('sha1')
      .update(JSON.stringify([CACHE_FORMAT, toolVersion, tsVersion, check.factsVersion, options]))
      .digest('hex')
      .slice(0, 12);
    this.file = path.join(directory, `${check.name}-${this.signature}.json`);
  }

  load(): void {
    try {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as CacheFile;
      if (parsed.format === CACHE_FORMAT && parsed.signature === this.signature) this.previous = parsed.entries;
    } catch {
      // Missing or unreadable: start empty.
    }
  }

  get(relative: string, hash: string): unknown {
    const entry = this.previous[relative];
    if (!entry || entry.hash !== hash) return undefined;
    this.next[relative] = entry;
    return entry.facts;
  }

  set(relative: string, hash: string, facts: unknown): void {
    this.next[relative] = { hash, facts };
    this.changed = true;
  }

  /** Writes atomically (temp file + rename); a cache that cannot be written is not an error. */
  save(): void {
    if (!this.changed && Object.keys(this.next).length === Object.keys(this.previous).length) return;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      const temp = `${this.file}.${process.pid}.tmp`;
      const content: CacheFile = { format: CACHE_FORMAT, signature: this.signature, entries: this.next };
      writeFileSync(temp, JSON.stringify(content));
      renameSync(temp, this.file);
    } catch {
      // Read-only folders and full disks only cost speed.
    }
  }
}

/**
 * `node_modules/.cache/ssot` where the project has its packages installed; otherwise the user's cache folder
 * (`$XDG_CACHE_HOME` or `~/.cache`), one subfolder per project, so that a checkout without `node_modules` does
 * not get one.
 */
/** Facts depend on the path tests are recognized by (`FileFacts.projectPath`): cached under it too. */
export function cachedHash(contentHash: string, projectPath: string | undefined): string {
  return projectPath === undefined ? contentHash : `${contentHash}@${projectPath}`;
}

export function defaultCacheLocation(cwd: string): string {
  if (existsSync(path.join(cwd, 'node_modules'))) return path.join(cwd, 'node_modules', '.cache', 'ssot');
  const userCache = process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache');
  return path.join(userCache, 'ssot', createHash('sha1').update(path.resolve(cwd)).digest('hex').slice(0, 12));
}
