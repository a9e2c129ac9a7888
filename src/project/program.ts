import path from 'node:path';
import { Project } from 'ts-morph';
import type * as TS from 'typescript';
import type { TypeScriptApi } from '../core/location.js';
import type { ParsedTsconfig } from './tsconfig.js';

export interface ProgramGroup {
  program: TS.Program;
  files: string[];
}

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
}

/**
 * The files grouped by the compiler options that apply to them: those of the deepest tsconfig that includes
 * a file, or default options for files no tsconfig includes. Namespace-agnostic, so the CLI (ts-morph's
 * TypeScript) and the ESLint session (the user's TypeScript) group files the same way.
 */
export function groupByCompilerOptions(ts: TypeScriptApi, files: string[], tsconfigs: ParsedTsconfig[]): OptionsGroup[] {
  const byDepth = [...tsconfigs].sort((a, b) => b.file.split(path.sep).length - a.file.split(path.sep).length);
  const groups = new Map<string, OptionsGroup>();
  for (const file of files) {
    const owner = byDepth.find((config) => config.fileNames.has(file));
    const options = owner ? { ...owner.options, allowJs: owner.options.allowJs ?? false } : defaultCompilerOptions(ts);
    const key = optionsKey(options);
    const group = groups.get(key) ?? { options, files: [] };
    group.files.push(file);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * One Program per distinct set of compiler options, each holding the analyzed files whose nearest tsconfig
 * includes them (files no tsconfig includes get default options). No type-check is ever run: checks ask the
 * checker lazily about the expressions they need.
 */
export function buildPrograms(ts: TypeScriptApi, files: string[], tsconfigs: ParsedTsconfig[]): ProgramGroup[] {
  return groupByCompilerOptions(ts, files, tsconfigs).map(({ options, files: groupFiles }) => {
    const project = new Project({ compilerOptions: { ...options, noEmit: true } as never, skipAddingFilesFromTsConfig: true });
    for (const file of groupFiles) project.addSourceFileAtPathIfExists(file);
    return { program: project.getProgram().compilerObject as unknown as TS.Program, files: groupFiles };
  });
}

function optionsKey(options: TS.CompilerOptions): string {
  const relevant = Object.entries(options)
    .filter(([key]) => !OUTPUT_OPTIONS.includes(key))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify(relevant);
}
