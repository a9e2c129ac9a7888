import type * as TS from 'typescript';
import type { Check } from '../checks/types.js';
import type { FindingDraft } from '../core/finding.js';
import type { TypeScriptApi } from '../core/location.js';
import { extractFacts } from '../project/extract-file.js';
import { firstSyntaxError, parseSource } from '../project/parse.js';
import { toRelative } from '../project/paths.js';
import type { FileEntry, ProjectFiles } from './project-files.js';

/** Facts of one file for one check, and the text (hash) and Program they were computed from. */
interface FactsSlot {
  hash: string;
  /** Undefined when the file could not be analyzed (syntax error, extractor crash): it is left out, as in the CLI. */
  facts: unknown;
  program?: TS.Program;
}

/** A parsed file, shared by the checks that need the same text. */
export interface Parsed {
  hash: string;
  sourceFile?: TS.SourceFile;
}

/**
 * One check's view of a project: the facts of every file (kept in step with {@link ProjectFiles}) and the
 * findings of the last `run`, memoized until a fact changes.
 */
export class CheckState {
  private readonly slots = new Map<string, FactsSlot>();
  private syncedVersion = -1;
  private factsVersion = 0;
  private memo: { version: number; byFile: Map<string, FindingDraft[]> } | undefined;

  constructor(
    readonly check: Check<unknown, unknown>,
    readonly options: unknown,
    private readonly files: ProjectFiles,
    private readonly ts: TypeScriptApi,
  ) {}

  /** Files whose text changed since their facts were computed. */
  stale(): FileEntry[] {
    if (this.syncedVersion === this.files.version) return [];
    const stale = this.files.list().filter((entry) => this.slots.get(entry.absolute)?.hash !== entry.hash);
    for (const absolute of this.slots.keys()) {
      if (!this.files.entries.has(absolute)) {
        this.slots.delete(absolute);
        this.factsVersion++;
      }
    }
    return stale;
  }

  markSynced(): void {
    this.syncedVersion = this.files.version;
  }

  hasFactsFor(entry: FileEntry, program?: TS.Program): boolean {
    const slot = this.slots.get(entry.absolute);
    return slot !== undefined && slot.hash === entry.hash && (program === undefined || slot.program === program);
  }

  /** Stores facts computed elsewhere (the on-disk cache). */
  setFacts(entry: FileEntry, facts: unknown, program?: TS.Program): void {
    const previous = this.slots.get(entry.absolute);
    this.slots.set(entry.absolute, { hash: entry.hash, facts, program });
    // Most keystrokes change no fact (a comment, an import, code a check does not look at): then the last
    // run's findings still hold, and re-running the check over the whole project is skipped.
    if (previous && sameFacts(previous.facts, facts)) return;
    this.factsVersion++;
  }

  /** Facts from the file's own text, without type information. */
  extractSyntactic(entry: FileEntry, parsed: Parsed): unknown {
    const facts = parsed.sourceFile ? this.extract(this.ts, parsed.sourceFile, entry, undefined) : undefined;
    this.setFacts(entry, facts);
    return facts;
  }

  /**
   * Facts with type information from `program`, whose source file must hold exactly the entry's text (else
   * positions would not match). Returns false, storing nothing, when `program` cannot serve this entry.
   */
  tryExtractTyped(entry: FileEntry, program: TS.Program, tsOfProgram: TypeScriptApi): boolean {
    const sourceFile = program.getSourceFile(entry.absolute);
    if (!sourceFile || sourceFile.text !== entry.text) return false;
    const facts = firstSyntaxError(sourceFile) ? undefined : this.extract(tsOfProgram, sourceFile, entry, program);
    this.setFacts(entry, facts, program);
    return true;
  }

  /** This check's findings in one file (by its cwd-relative path), from a run over the whole index. */
  findingsIn(relative: string): FindingDraft[] {
    if (this.memo?.version !== this.factsVersion) {
      const index = {
        files: this.files
          .list()
          .flatMap((entry) => {
            const slot = this.slots.get(entry.absolute);
            return slot && slot.facts !== undefined ? [{ file: entry.relative, facts: slot.facts }] : [];
          }),
      };
      const byFile = new Map<string, FindingDraft[]>();
      for (const draft of this.check.run(index, this.options)) {
        const list = byFile.get(draft.file);
        if (list) list.push(draft);
        else byFile.set(draft.file, [draft]);
      }
      this.memo = { version: this.factsVersion, byFile };
    }
    return this.memo.byFile.get(relative) ?? [];
  }

  private extract(ts: TypeScriptApi, sourceFile: TS.SourceFile, entry: FileEntry, program: TS.Program | undefined): unknown {
    const result = extractFacts(ts, sourceFile, entry.relative, [{ check: this.check, options: this.options }], {
      checker: program?.getTypeChecker(),
      program,
      relativePath: (absolute) => toRelative(this.files.cwd, absolute),
    });
    return result.ok ? result.facts[this.check.name] : undefined;
  }
}

/** Parses with the same settings as the CLI; a file with syntax errors has no source file. */
export function parseEntry(ts: TypeScriptApi, entry: FileEntry): Parsed {
  const parsed = parseSource(ts, entry.absolute, entry.text);
  return { hash: entry.hash, sourceFile: parsed.ok ? parsed.sourceFile : undefined };
}

function sameFacts(a: unknown, b: unknown): boolean {
  return a === b || (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b));
}
