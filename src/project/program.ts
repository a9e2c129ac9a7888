import path from 'node:path';
import { createRequire } from 'node:module';
import type * as TS from 'typescript';
import type { TypeScriptApi } from '../core/location.js';
import { jsDocModeForTypes } from './shared-parses.js';
import { SharedTrees } from './shared-trees.js';
import type { ParsedTsconfig } from './tsconfig.js';

export interface ProgramGroup {
  /** Undefined when no file of the group needs to be a root. */
  program: TS.Program | undefined;
  files: string[];
  /** The group's files that are Program roots (all of them unless `selectRoots` chose). */
  roots: ReadonlySet<string>;
  options: TS.CompilerOptions;
}

/** Which of a group's files must be Program roots; the others are only in it if imported. */
export interface RootChoice {
  roots: ReadonlySet<string>;
  /** Whether a project file outside the group's files, found in the Program, could change what the roots yield. */
  outsideMatters(text: string): boolean;
}

/** Undefined: every file is a root. */
export type RootSelector = (group: OptionsGroup) => RootChoice | undefined;

/** A tree of the file already parsed, fitted to the Program's options, or undefined to have it parsed. */
export type ParsedFileSource = (fileName: string, languageVersionOrOptions: TS.ScriptTarget | TS.CreateSourceFileOptions) => TS.SourceFile | undefined;

/** Options of a project without tsconfig.json: modern TypeScript that also reads JavaScript. */
function defaultCompilerOptions(ts: TypeScriptApi): TS.CompilerOptions {
  return {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    jsx: ts.JsxEmit.Preserve,
    allowJs: true,
    checkJs: false,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  };
}

/** Output-only options: two tsconfigs that differ only in these can share one Program. */
const OUTPUT_OPTIONS = ['outDir', 'rootDir', 'declarationDir', 'tsBuildInfoFile', 'composite', 'incremental', 'declaration', 'declarationMap', 'sourceMap', 'noEmit', 'emitDeclarationOnly', 'configFilePath', 'outFile'];

export interface OptionsGroup {
  options: TS.CompilerOptions;
  files: string[];
  /** The .d.ts files of the group's tsconfigs (ambient `declare module` stubs, globals): Program roots too. */
  declarationFiles: string[];
}

const DECLARATION_FILE = /\.d\.[cm]?ts$/;

/**
 * TypeScript 6 defaults `types` to `[]`, so without it `@types/node` and friends would be missing and checks
 * would see `any` where the project has real types; `["*"]` restores TypeScript 5's "every visible @types".
 */
function withAutomaticTypes(ts: TypeScriptApi, options: TS.CompilerOptions): TS.CompilerOptions {
  const [major = 0] = ts.versionMajorMinor.split('.').map(Number);
  return options.types === undefined && major >= 6 ? { ...options, types: ['*'] } : options;
}

/**
 * The files grouped by the compiler options that apply to them: those of the deepest tsconfig that includes
 * a file, or default options for files no tsconfig includes. Namespace-agnostic, so the CLI (ts-morph's
 * TypeScript) and the ESLint session (the user's TypeScript) group files the same way.
 */
export function groupByCompilerOptions(ts: TypeScriptApi, files: string[], tsconfigs: ParsedTsconfig[]): OptionsGroup[] {
  const byDepth = [...tsconfigs].sort((a, b) => b.file.split(path.sep).length - a.file.split(path.sep).length);
  const groups = new Map<string, OptionsGroup & { owners: Set<ParsedTsconfig> }>();
  const optionsOf = new Map<ParsedTsconfig | undefined, { options: TS.CompilerOptions; key: string }>();
  for (const file of files) {
    const owner = byDepth.find((config) => config.fileNames.has(file));
    let known = optionsOf.get(owner);
    if (!known) {
      const ownerOptions = withAutomaticTypes(ts, owner ? { ...owner.options, allowJs: owner.options.allowJs ?? false } : defaultCompilerOptions(ts));
      optionsOf.set(owner, (known = { options: ownerOptions, key: optionsKey(ownerOptions) }));
    }
    const { options, key } = known;
    const group = groups.get(key) ?? { options, files: [], declarationFiles: [], owners: new Set() };
    group.files.push(file);
    if (owner) group.owners.add(owner);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ options, files: groupFiles, owners }) => ({
    options,
    files: groupFiles,
    declarationFiles: [...owners].flatMap((owner) => [...owner.fileNames].filter((name) => DECLARATION_FILE.test(name))).sort(),
  }));
}

/**
 * One Program per distinct set of compiler options, each holding the analyzed files whose nearest tsconfig
 * includes them (files no tsconfig includes get default options). No type-check is ever run: checks ask the
 * checker lazily about the expressions they need. Built one at a time, as the caller iterates.
 *
 * Built with `ts.createProgram` rather than a ts-morph `Project`: the wrapper layer costs ~1 s per 3,000 files
 * and the files' text is already in memory (`texts`). What ts-morph gives the CLI is kept: its TypeScript, its
 * bundled lib files (served at the same in-memory path, so types do not depend on an installed TypeScript).
 */
export function* buildPrograms(
  ts: TypeScriptApi,
  files: string[],
  tsconfigs: ParsedTsconfig[],
  texts: ReadonlyMap<string, string> = new Map(),
  selectRoots: RootSelector = () => undefined,
  parsedFile: ParsedFileSource = () => undefined,
): Generator<ProgramGroup> {
  const trees = new SharedTrees(ts);
  for (const group of groupByCompilerOptions(ts, files, tsconfigs)) {
    const { options, files: groupFiles, declarationFiles } = group;
    const compilerOptions = { ...options, noEmit: true };
    const choice = selectRoots(group);
    const roots = choice ? groupFiles.filter((file) => choice.roots.has(file)) : groupFiles;
    if (roots.length === 0) {
      yield { program: undefined, files: groupFiles, roots: new Set(), options: compilerOptions };
      continue;
    }
    const host = compilerHost(ts, compilerOptions, texts, parsedFile, trees);
    let program = ts.createProgram({ rootNames: [...roots, ...declarationFiles], options: compilerOptions, host });
    if (choice && roots.length < groupFiles.length && importsOutsideThatMatter(program, texts, choice)) {
      // Files beyond the analyzed ones may declare what makes a non-root file's call a sink: keep every file.
      program = ts.createProgram({ rootNames: [...groupFiles, ...declarationFiles], options: compilerOptions, host, oldProgram: program });
      yield { program, files: groupFiles, roots: new Set(groupFiles), options: compilerOptions };
      continue;
    }
    yield { program, files: groupFiles, roots: new Set(roots), options: compilerOptions };
  }
}

/** The Program holds project files beyond the analyzed ones (imported from outside the given paths) that matter. */
function importsOutsideThatMatter(program: TS.Program, texts: ReadonlyMap<string, string>, choice: RootChoice): boolean {
  return program
    .getSourceFiles()
    .some((file) => !file.isDeclarationFile && !texts.has(file.fileName) && !file.fileName.includes('/node_modules/') && choice.outsideMatters(file.text));
}

/** Where ts-morph serves its bundled lib files from. */
const LIB_FOLDER = '/node_modules/typescript/lib';
const LIB_FOLDER_AND_ANCESTORS = new Set(['/', '/node_modules', '/node_modules/typescript', LIB_FOLDER]);
let libTexts: Map<string, string> | undefined;

/**
 * Required, not imported: importing CommonJS from ESM makes Node scan the file's 3 MB for its export names first
 * (~40 ms), and nothing else here needs the ESM view.
 */
function getLibFiles(): Array<{ fileName: string; text: string }> {
  const common = createRequire(import.meta.url)('@ts-morph/common') as typeof import('@ts-morph/common');
  return common.getLibFiles();
}

function compilerHost(
  ts: TypeScriptApi,
  options: TS.CompilerOptions,
  texts: ReadonlyMap<string, string>,
  parsedFile: ParsedFileSource,
  trees: SharedTrees,
): TS.CompilerHost {
  libTexts ??= new Map(getLibFiles().map(({ fileName, text }) => [`${LIB_FOLDER}/${fileName}`, text]));
  const libs = libTexts;
  const host = ts.createCompilerHost(options, false);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const directoryExists = host.directoryExists?.bind(host);
  host.getDefaultLibLocation = () => LIB_FOLDER;
  host.getDefaultLibFileName = (libOptions) => `${LIB_FOLDER}/${ts.getDefaultLibFileName(libOptions)}`;
  host.readFile = (fileName) => texts.get(fileName) ?? libs.get(fileName) ?? readFile(fileName);
  // Module resolution asks the same questions of node_modules thousands of times; the answers do not change
  // while the Program is built.
  host.fileExists = memoize((fileName) => texts.has(fileName) || libs.has(fileName) || fileExists(fileName));
  host.directoryExists = memoize((directory) => LIB_FOLDER_AND_ANCESTORS.has(directory) || (directoryExists ? directoryExists(directory) : true));
  host.getSourceFile = (fileName, languageVersion, onError) => {
    const parsed = parsedFile(fileName, languageVersion);
    if (parsed) return parsed;
    const text = host.readFile(fileName);
    if (text === undefined) {
      onError?.(`cannot read ${fileName}`);
      return undefined;
    }
    return trees.acquire(fileName, text, options, typeof languageVersion === 'object' ? languageVersion : { languageVersion });
  };
  // JSDoc in TypeScript files does not affect types; JavaScript files' JSDoc (their types) is still parsed.
  const jsDocMode = jsDocModeForTypes(ts);
  if (jsDocMode !== undefined) host.jsDocParsingMode = jsDocMode;
  return host;
}

function memoize<T>(compute: (key: string) => T): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined && !known.has(key)) known.set(key, (value = compute(key)));
    return value as T;
  };
}

function optionsKey(options: TS.CompilerOptions): string {
  const relevant = Object.entries(options)
    .filter(([key]) => !OUTPUT_OPTIONS.includes(key))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify(relevant);
}
