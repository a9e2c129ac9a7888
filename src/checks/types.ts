import type * as TS from 'typescript';
import type { FindingDraft } from '../core/finding.js';
import type { TypeScriptApi } from '../core/location.js';
import type { ParseNeeds } from '../project/parse.js';

/** JSON schema (draft-07) of one check's options, used for config validation and the ESLint rule schema. */
export type OptionsSchema = Record<string, unknown>;

export interface ExtractContext<Options> {
  /** The TypeScript namespace that produced `sourceFile`: ts-morph's in the CLI, the user's in ESLint. */
  ts: TypeScriptApi;
  sourceFile: TS.SourceFile;
  /** Project-relative path with forward slashes: the `file` of findings. */
  file: string;
  /** See {@link FileFacts.projectPath}. */
  projectPath?: string;
  options: Options;
  /** Present only for checks with `usesTypes`, and only when a Program could be built. */
  checker?: TS.TypeChecker;
  program?: TS.Program;
  /** Maps an absolute path from the Program to the project-relative form used in findings. */
  relativePath(absolutePath: string): string;
  /**
   * What the check's `prepare` returned for this very source file (the same text, parsed by the same
   * TypeScript with the same language version and script kind), when the caller computed it ahead of time.
   * Absent: `extract` computes all it needs itself.
   */
  prepared?: unknown;
}

export interface FileFacts<Facts> {
  file: string;
  /**
   * The file's path from the folder that was analyzed, when it differs from `file` (the CLI run on
   * `/work/app/examples/demo` from `/`): what tests, examples and fixtures are recognized by, so that a folder
   * given to analyze is never itself taken for one.
   */
  projectPath?: string;
  facts: Facts;
}

/** The path that tests, examples and fixtures are recognized by. */
export function projectPathOf(entry: { file: string; projectPath?: string }): string {
  return entry.projectPath ?? entry.file;
}

/** Everything a check sees: the facts of every analyzed file, sorted by path, and the project's packages. */
export interface CheckIndex<Facts> {
  files: ReadonlyArray<FileFacts<Facts>>;
  /** Absent: one package (every file can import every other). */
  packages?: PackageLayout;
}

/** Which files can import which across the npm packages of a monorepo. */
export interface PackageLayout {
  /**
   * Whether code in `fromFile` can import from `toFile` (project-relative paths): both are in one package (or
   * outside any), or `fromFile`'s package depends on `toFile`'s.
   */
  canImport(fromFile: string, toFile: string): boolean;
  /** The package a file belongs to (undefined outside any), and whether other packages can depend on it. */
  packageOf(file: string): PackageSummary | undefined;
  /**
   * The project's package for shared code (see {@link PackageSummary.sharedCode}) that both files' packages depend
   * on and that depends on each of the project's packages in `uses` (code moved there imports them): the most
   * depended on, if several.
   */
  sharedDependency(fileA: string, fileB: string, uses?: readonly string[]): PackageSummary | undefined;
}

export interface PackageSummary {
  name: string;
  /**
   * A library: published or with a module entry point (`main`, `exports`...), and not a CLI alone (a `bin` without
   * a module entry point: run, not imported).
   */
  library: boolean;
  /** A library named as a home for shared code: `@acme/utils`, `@acme/shared`, `@acme/core`, `@acme/foundation`. */
  sharedCode: boolean;
  /** How many of the project's other packages depend on it. */
  dependents: number;
}

/**
 * One check of the analyzer. `extract` turns one file into plain, serializable facts (never AST nodes);
 * `run` is pure: the index in, findings out. Facts of checks without `usesTypes` depend only on the
 * file's text and the options, so they are cached by content hash and computed in worker threads.
 */
export interface Check<Facts = unknown, Options = Record<string, unknown>> {
  /** Short name; the rule id is `ssot/<name>`. */
  name: string;
  description: string;
  usesTypes: boolean;
  /**
   * What `extract` reads beyond the tree below a node and positions; the CLI parses no more than the enabled
   * checks need (parent links and JSDoc cost about half of parsing). Absent: a full parse.
   */
  parseNeeds?: ParseNeeds;
  /** Bump when the shape or meaning of facts changes, to invalidate cached facts. */
  factsVersion: number;
  optionsSchema: OptionsSchema;
  defaultOptions: Options;
  extract(context: ExtractContext<Options>): Facts;
  /**
   * Optional, for checks with `usesTypes`: the part of `extract`'s work that depends on the file's syntax
   * alone, as structured-cloneable data. The ESLint front end computes it from an edited buffer's text in a
   * worker thread, off the lint's path, and passes it to `extract` as `prepared`.
   */
  prepare?(ts: TypeScriptApi, sourceFile: TS.SourceFile, options: Options): unknown;
  run(index: CheckIndex<Facts>, options: Options): FindingDraft[];
  /**
   * Optional incremental path, used by the ESLint front end to re-lint an edited buffer without re-running
   * the whole project. `link` builds the cross-file structure once from every file's facts; `report` then
   * answers for one file whose facts may differ from those `link` saw.
   */
  link?(index: CheckIndex<Facts>, options: Options): unknown;
  /**
   * Exactly the findings `run` gives in `file.file` for the linked index with that one file's facts replaced
   * by `file.facts` (the findings of every other file aside). Returns undefined when the model cannot tell
   * them exactly (the edit touched what other files see, or `file` was not linked): the caller then links
   * again. Callers guarantee that no other file's facts differ from the linked ones.
   */
  report?(model: unknown, file: FileFacts<Facts>, options: Options): FindingDraft[] | undefined;
}

export const RULE_PREFIX = 'ssot/';

export function ruleIdOf(check: Pick<Check, 'name'>): string {
  return RULE_PREFIX + check.name;
}
