import { stat, statSync } from 'node:fs';
import path from 'node:path';
import type { LoadedConfig } from '../config/load.js';
import { componentScriptText, isComponentFile } from '../project/components.js';
import { discoverFiles } from '../project/discover.js';
import { bracketDepth, MAX_NESTING_DEPTH } from '../project/parse.js';
import { PackageLayoutReader } from '../project/packages.js';
import { loadGitignores } from '../project/gitignore.js';
import { ALWAYS_IGNORED_DIRS, isAnalyzableName, toRelative } from '../project/paths.js';
import { DEFAULT_MAX_FILE_SIZE, hashOfBytes, isGeneratedText, readSource } from '../project/read-source.js';
import ignore from 'ignore';

/** How many changes `changedSince` can look back over (a lint in the editor usually asks about one). */
const MAX_CHANGE_LOG = 4096;

/** One source file of the project as the index knows it: from disk, or from an editor buffer. */
export interface FileEntry {
  absolute: string;
  /** Relative to ESLint's cwd: the `file` of findings, as the CLI run from the same folder prints it. */
  relative: string;
  /** From the project root, when it differs from `relative`: what tests and examples are recognized by (`FileFacts.projectPath`). */
  projectPath?: string;
  text: string;
  hash: string;
  /** The file's stat when its text was last read from disk; absent for a buffer never saved. */
  disk?: { mtimeMs: number; size: number };
  /** Set when the text came from an editor buffer: whether that buffer had a BOM (part of the hashed bytes). */
  bufferBOM?: boolean;
}

/**
 * The source files of one project and their current text. Built once by discovery (the CLI's rules:
 * .gitignore, config `ignore`, generated files, size limit); afterwards refreshed by `sweep` (stat first,
 * read and hash only files whose stat changed) and by `setBuffer` (the file being linted).
 */
export class ProjectFiles {
  readonly entries = new Map<string, FileEntry>();
  /** package.json files, read once per session. */
  readonly packages = new PackageLayoutReader();
  /** Bumped whenever any entry's text changes, appears or disappears. */
  version = 0;
  /** The file each version changed: `changeLog[i]` is the path of version `changeLogBase + i + 1`. */
  private changeLog: string[] = [];
  private changeLogBase = 0;
  private sorted: FileEntry[] | undefined;
  /** Files a background sweep found changed on disk, re-read at the next lint. */
  private readonly swept = new Set<string>();
  private sweeping = false;
  private readonly maxFileSize: number;
  private readonly isGitignored: (absolute: string) => boolean;
  private readonly isConfigIgnored: (absolute: string) => boolean;

  constructor(
    readonly root: string,
    readonly cwd: string,
    readonly loaded: LoadedConfig,
  ) {
    this.maxFileSize = loaded.config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    this.isGitignored = loadGitignores(root);
    const patterns = ignore().add(loaded.config.ignore ?? []);
    this.isConfigIgnored = (absolute) => {
      const relative = toRelative(loaded.baseDir, absolute);
      return relative !== '' && !relative.startsWith('../') && patterns.ignores(relative);
    };
    this.discover();
  }

  /** Adds files that appeared since the last discovery (never drops buffers). */
  discover(): void {
    const found = discoverFiles({ cwd: this.root, paths: ['.'], ignore: this.loaded.config.ignore ?? [], ignoreBase: this.loaded.baseDir });
    for (const absolute of found) if (!this.entries.has(absolute)) this.readFromDisk(absolute);
  }

  /** Whether the CLI, run on this project, would analyze `absolute` (by name and ignores; content aside). */
  includes(absolute: string): boolean {
    const relative = toRelative(this.root, absolute);
    if (relative === '' || relative.startsWith('../') || path.isAbsolute(relative)) return false;
    if (relative.split('/').some((segment) => (ALWAYS_IGNORED_DIRS as readonly string[]).includes(segment))) return false;
    return isAnalyzableName(absolute) && !this.isGitignored(absolute) && !this.isConfigIgnored(absolute);
  }

  /**
   * The files changed (stored or removed) since `version`, each once, or undefined when that is no longer
   * known (long ago): then every entry must be compared.
   */
  changedSince(version: number): string[] | undefined {
    if (version < this.changeLogBase || version > this.version) return undefined;
    return [...new Set(this.changeLog.slice(version - this.changeLogBase))];
  }

  private logChange(absolute: string): void {
    this.version++;
    if (this.changeLog.length >= MAX_CHANGE_LOG) {
      this.changeLog = [];
      this.changeLogBase = this.version - 1;
    }
    this.changeLog.push(absolute);
  }

  /** Entries sorted by absolute path, the order the CLI analyzes files in. */
  list(): readonly FileEntry[] {
    return (this.sorted ??= [...this.entries.values()].sort((a, b) => (a.absolute < b.absolute ? -1 : a.absolute > b.absolute ? 1 : 0)));
  }

  /**
   * Starts a sweep off the lint's path: every file is stat-ed asynchronously, and those whose size or mtime
   * changed (or that are gone) are looked at again by the next {@link applySweep}. At most one runs at a time.
   */
  sweepInBackground(): void {
    if (this.sweeping) return;
    this.sweeping = true;
    const entries = [...this.entries.values()].filter((entry) => entry.disk !== undefined);
    let pending = entries.length;
    if (pending === 0) this.sweeping = false;
    // Callbacks, not promises: a promise per file costs several times more to set up, on the main thread.
    for (const entry of entries) {
      stat(entry.absolute, (error, stats) => {
        if (error || stats.mtimeMs !== entry.disk?.mtimeMs || stats.size !== entry.disk?.size) this.swept.add(entry.absolute);
        if (--pending === 0) this.sweeping = false;
      });
    }
  }

  /** Re-reads (or drops) the files the last background sweep found changed, checking their stat again now. */
  applySweep(): void {
    if (this.swept.size === 0) return;
    const changed = [...this.swept];
    this.swept.clear();
    for (const absolute of changed) {
      const entry = this.entries.get(absolute);
      if (entry) this.refresh(entry);
    }
  }

  /** Re-reads files whose size or mtime changed and drops deleted ones. */
  sweep(): void {
    for (const entry of [...this.entries.values()]) this.refresh(entry);
  }

  private refresh(entry: FileEntry): void {
    if (!entry.disk) return;
    let stats;
    try {
      stats = statSync(entry.absolute);
    } catch {
      this.remove(entry.absolute);
      return;
    }
    if (stats.mtimeMs !== entry.disk.mtimeMs || stats.size !== entry.disk.size) this.readFromDisk(entry.absolute);
  }

  /**
   * Makes the index hold the editor's text of the file being linted. Returns false when the CLI would not
   * analyze this file (ignored, generated, too large): then it gets no findings either.
   */
  setBuffer(absolute: string, text: string, hasBOM: boolean): FileEntry | undefined {
    // Every rule of a lint passes the same buffer: once it is in, the others find it as it is.
    const existing = this.entries.get(absolute);
    // As the CLI reads files: of a component, its scripts (the bytes hashed are the file's all the same).
    const analyzed = isComponentFile(absolute) ? componentScriptText(text, absolute) : text;
    if (existing?.bufferBOM === hasBOM && existing.text === analyzed) return existing;
    // As the CLI reads files: generated and too deeply nested ones are not analyzed.
    if (!this.includes(absolute) || isGeneratedText(text, absolute) || bracketDepth(analyzed) > MAX_NESTING_DEPTH) {
      this.remove(absolute);
      return undefined;
    }
    const bytes = Buffer.from(hasBOM ? `\uFEFF${text}` : text, 'utf8');
    if (bytes.length > this.maxFileSize) {
      this.remove(absolute);
      return undefined;
    }
    const hash = hashOfBytes(bytes);
    if (existing?.hash === hash) {
      existing.bufferBOM = hasBOM;
      return existing;
    }
    let disk = existing?.disk;
    if (!existing) {
      try {
        const stats = statSync(absolute);
        disk = { mtimeMs: stats.mtimeMs, size: stats.size };
      } catch {
        // A buffer not saved yet.
      }
    }
    return this.store({ absolute, ...this.pathsOf(absolute), text: analyzed, hash, disk, bufferBOM: hasBOM });
  }

  private readFromDisk(absolute: string): void {
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      this.remove(absolute);
      return;
    }
    const read = readSource(absolute, this.maxFileSize);
    if (read.kind !== 'ok') {
      this.remove(absolute);
      return;
    }
    const disk = { mtimeMs: stats.mtimeMs, size: stats.size };
    const existing = this.entries.get(absolute);
    if (existing?.hash === read.hash) {
      existing.disk = disk;
      return;
    }
    this.store({ absolute, ...this.pathsOf(absolute), text: read.text, hash: read.hash, disk, bufferBOM: undefined });
  }

  /** The file's path from ESLint's cwd, and from the project root when that differs. */
  private pathsOf(absolute: string): { relative: string; projectPath?: string } {
    const relative = toRelative(this.cwd, absolute);
    const projectPath = toRelative(this.root, absolute);
    return { relative, projectPath: projectPath === relative ? undefined : projectPath };
  }

  private store(entry: FileEntry): FileEntry {
    this.logChange(entry.absolute);
    const existing = this.entries.get(entry.absolute);
    if (existing) return Object.assign(existing, entry);
    this.sorted = undefined;
    this.entries.set(entry.absolute, entry);
    return entry;
  }

  private remove(absolute: string): void {
    if (!this.entries.delete(absolute)) return;
    this.sorted = undefined;
    this.logChange(absolute);
  }
}
