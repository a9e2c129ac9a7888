import type * as TS from 'typescript';
import type { Check, CheckIndex, FileFacts } from '../checks/types.js';
import type { FindingDraft } from '../core/finding.js';
import type { TypeScriptApi } from '../core/location.js';
import { samePlainData } from '../core/plain-data.js';
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
  /** The check's linked model (checks with `link`/`report`) and the facts it was linked from, by absolute path. */
  private linked: { model: unknown; facts: Map<string, unknown> } | undefined;
  /** Files whose facts differ from those the model was linked from. */
  private readonly unlinked = new Set<string>();
  private answered: { version: number; absolute: string; findings: FindingDraft[] } | undefined;
  /** For tests and measurements: how often the whole project was linked. */
  links = 0;

  constructor(
    /** The check and its options, as one string. */
    readonly key: string,
    readonly check: Check<unknown, unknown>,
    readonly options: unknown,
    private readonly files: ProjectFiles,
    private readonly ts: TypeScriptApi,
  ) {}

  /** Files whose text changed since their facts were computed. */
  stale(): FileEntry[] {
    if (this.syncedVersion === this.files.version) return [];
    // After a sync every file had its facts: only the files changed since can be stale (in the editor, one).
    const changed = this.syncedVersion >= 0 ? this.files.changedSince(this.syncedVersion) : undefined;
    if (changed) {
      const stale: FileEntry[] = [];
      for (const absolute of changed) {
        const entry = this.files.entries.get(absolute);
        if (entry) {
          if (this.slots.get(absolute)?.hash !== entry.hash) stale.push(entry);
        } else {
          this.forget(absolute);
        }
      }
      return stale.sort((a, b) => (a.absolute < b.absolute ? -1 : a.absolute > b.absolute ? 1 : 0));
    }
    const stale = this.files.list().filter((entry) => this.slots.get(entry.absolute)?.hash !== entry.hash);
    for (const absolute of [...this.slots.keys()]) if (!this.files.entries.has(absolute)) this.forget(absolute);
    return stale;
  }

  /** Drops the facts of a file that left the project. */
  private forget(absolute: string): void {
    if (!this.slots.delete(absolute)) return;
    this.factsVersion++;
    if (this.linked) this.unlinked.add(absolute);
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
    if (previous && samePlainData(previous.facts, facts)) return;
    this.factsVersion++;
    if (!this.linked) return;
    const linked = this.linked.facts.get(entry.absolute);
    if (this.linked.facts.has(entry.absolute) && (linked === facts || samePlainData(linked, facts))) this.unlinked.delete(entry.absolute);
    else this.unlinked.add(entry.absolute);
  }

  /** Facts from the file's own text, without type information. */
  extractSyntactic(entry: FileEntry, parsed: Parsed): unknown {
    const facts = parsed.sourceFile ? this.extract(this.ts, parsed.sourceFile, entry, undefined) : undefined;
    this.setFacts(entry, facts);
    return facts;
  }

  /** Whether {@link warmUp} ran. */
  warmedUp = false;

  /**
   * Runs the extractor, and the check's answer for one re-edited file, once on a file whose facts came from
   * the on-disk cache, so that their code is compiled (and their inline caches are filled) before the first
   * edit needs them. The extractor gives the same facts from the same text; should they differ (a stale
   * cache), the fresh facts replace the cached ones and this returns true (findings must then be asked again).
   * The answer is computed from facts equal to the linked ones and thrown away.
   */
  warmUp(entry: FileEntry, parsed: Parsed): boolean {
    this.warmedUp = true;
    const slot = this.slots.get(entry.absolute);
    if (!parsed.sourceFile || parsed.hash !== entry.hash || slot?.hash !== entry.hash || slot.program) return false;
    const facts = this.extract(this.ts, parsed.sourceFile, entry, undefined);
    if (!samePlainData(slot.facts, facts)) {
      this.setFacts(entry, facts);
      return true;
    }
    const { report } = this.check;
    if (report && this.linked && facts !== undefined && this.unlinked.size === 0) report.call(this.check, this.linked.model, fileFacts(entry, facts), this.options);
    return false;
  }

  /**
   * Facts with type information from `program`, whose source file must hold exactly the entry's text (else
   * positions would not match). Returns false, storing nothing, when `program` cannot serve this entry.
   */
  tryExtractTyped(entry: FileEntry, program: TS.Program, tsOfProgram: TypeScriptApi, prepared?: unknown): boolean {
    const sourceFile = program.getSourceFile(entry.absolute);
    if (!sourceFile || sourceFile.text !== entry.text) return false;
    const facts = firstSyntaxError(sourceFile) ? undefined : this.extract(tsOfProgram, sourceFile, entry, program, prepared);
    this.setFacts(entry, facts, program);
    return true;
  }

  /**
   * This check's findings in one file: what a run over the whole index gives there. Checks with an
   * incremental path answer from their linked model while the file is the only one whose facts changed
   * since the link (an editor typing in one buffer), and link again otherwise.
   */
  findingsIn(entry: FileEntry): FindingDraft[] {
    const { link, report } = this.check;
    if (!link || !report) return this.findingsFromRun(entry.relative);
    const facts = this.slots.get(entry.absolute)?.facts;
    // A file the run leaves out (a syntax error) has no findings.
    if (facts === undefined) return [];
    if (this.answered?.version === this.factsVersion && this.answered.absolute === entry.absolute) return this.answered.findings;
    const file = fileFacts(entry, facts);
    let findings: FindingDraft[] | undefined;
    if (this.linked && [...this.unlinked].every((absolute) => absolute === entry.absolute)) findings = report.call(this.check, this.linked.model, file, this.options);
    if (!findings) {
      const index = this.index();
      this.linked = { model: link.call(this.check, index, this.options), facts: new Map([...this.slots].map(([absolute, slot]) => [absolute, slot.facts])) };
      this.unlinked.clear();
      this.links++;
      findings = report.call(this.check, this.linked.model, file, this.options) ?? [];
    }
    this.answered = { version: this.factsVersion, absolute: entry.absolute, findings };
    return findings;
  }

  /** The index `run` and `link` see: the facts of every analyzable file, in the CLI's order, and the packages. */
  private index(): CheckIndex<unknown> {
    const entries = this.files.list().filter((entry) => this.slots.get(entry.absolute)?.facts !== undefined);
    return {
      files: entries.map((entry) => fileFacts(entry, this.slots.get(entry.absolute)!.facts)),
      packages: this.files.packages.layout(entries),
    };
  }

  private findingsFromRun(relative: string): FindingDraft[] {
    if (this.memo?.version !== this.factsVersion) {
      const index = this.index();
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

  private extract(ts: TypeScriptApi, sourceFile: TS.SourceFile, entry: FileEntry, program: TS.Program | undefined, prepared?: unknown): unknown {
    return factsOfFile(ts, sourceFile, entry, this.files.cwd, this.check, this.options, program, prepared);
  }
}

/**
 * One check's facts of one parsed file, as the CLI's `extractFacts` gives them; undefined when the extractor
 * fails there (the file is left out, as in the CLI). `prepared`: the check's `prepare` of this source file.
 */
export function factsOfFile(
  ts: TypeScriptApi,
  sourceFile: TS.SourceFile,
  { relative, projectPath }: { relative: string; projectPath?: string },
  cwd: string,
  check: Check<unknown, unknown>,
  options: unknown,
  program?: TS.Program,
  prepared?: unknown,
): unknown {
  try {
    return check.extract({
      ts,
      sourceFile,
      file: relative,
      projectPath,
      options,
      checker: program?.getTypeChecker(),
      program,
      relativePath: (absolute) => toRelative(cwd, absolute),
      prepared,
    });
  } catch {
    return undefined;
  }
}

/** Parses with the same settings as the CLI; a file with syntax errors has no source file. */
export function parseEntry(ts: TypeScriptApi, entry: FileEntry): Parsed {
  const parsed = parseSource(ts, entry.absolute, entry.text);
  return { hash: entry.hash, sourceFile: parsed.ok ? parsed.sourceFile : undefined };
}


/** A file's facts as checks see them: its path, and the path from the project root when that differs. */
function fileFacts(entry: FileEntry, facts: unknown): FileFacts<unknown> {
  return { file: entry.relative, projectPath: entry.projectPath, facts };
}
