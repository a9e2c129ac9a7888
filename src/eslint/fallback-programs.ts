import path from 'node:path';
import type * as TS from 'typescript';
import type { TypeScriptApi } from '../core/location.js';
import { groupByCompilerOptions } from '../project/program.js';
import { findTsconfigFiles, parseTsconfigs, rootTsconfigs, type ParsedTsconfig } from '../project/tsconfig.js';
import type { FileEntry, ProjectFiles } from './project-files.js';

export interface ServingProgram {
  program: TS.Program;
  ts: TypeScriptApi;
}

/**
 * Programs for the files `parserServices.program` does not hold (a JavaScript file no tsconfig includes, a
 * second tsconfig project), grouped by compiler options exactly as the CLI groups them, and built with the
 * user's TypeScript from the index's texts (buffers included). Library files are parsed once and reused.
 */
export class FallbackPrograms {
  private programs: ServingProgram[] = [];
  private roots = new Set<string>();
  private tsconfigs: ParsedTsconfig[] | undefined;
  private readonly lacksOptions = new WeakMap<TS.Program, boolean>();
  private readonly libraryFiles = new Map<string, TS.SourceFile | undefined>();
  private readonly ownFiles = new Map<string, { hash: string; sourceFile: TS.SourceFile }>();

  constructor(
    private readonly root: string,
    private readonly cwd: string,
    private readonly ts: TypeScriptApi,
  ) {}

  /**
   * Programs that hold `entries` with their current text; rebuilt (once for all of them) when `rebuild` and
   * some entry is missing or outdated. Without `rebuild`, the programs as they are.
   */
  programFor(entries: readonly FileEntry[], files: ProjectFiles, rebuild: boolean): ServingProgram[] {
    const served = (entry: FileEntry) => this.programs.some(({ program }) => program.getSourceFile(entry.absolute)?.text === entry.text);
    if (!rebuild || entries.every(served)) return this.programs;
    for (const entry of entries) this.roots.add(entry.absolute);
    for (const root of this.roots) if (!files.entries.has(root)) this.roots.delete(root);
    const groups = groupByCompilerOptions(this.ts, [...this.roots].sort(), this.loadTsconfigs());
    this.programs = groups.map(({ options, files: groupFiles, declarationFiles }) => {
      const compilerOptions = { ...options, noEmit: true };
      const rootNames = [...groupFiles, ...declarationFiles];
      const program = this.ts.createProgram({ rootNames, options: compilerOptions, host: this.host(compilerOptions, files) });
      return { program, ts: this.ts };
    });
    return this.programs;
  }

  /**
   * Whether `program` (typescript-eslint's) was built without options its tsconfig takes from a workspace
   * package that is not installed: its types would not be the CLI's, so the files are served from these programs.
   */
  lacksWorkspaceOptions(program: TS.Program): boolean {
    let lacks = this.lacksOptions.get(program);
    if (lacks === undefined) {
      const configFile = program.getCompilerOptions().configFilePath;
      const tsconfig = typeof configFile === 'string' ? this.loadTsconfigs().find(({ file }) => file === path.normalize(configFile)) : undefined;
      lacks = tsconfig?.readsUninstalledWorkspace === true;
      this.lacksOptions.set(program, lacks);
    }
    return lacks;
  }

  private loadTsconfigs(): ParsedTsconfig[] {
    if (!this.tsconfigs) {
      try {
        this.tsconfigs = parseTsconfigs(this.ts, findTsconfigFiles([this.root]), this.cwd, rootTsconfigs([this.root])).configs;
      } catch {
        // An unusable tsconfig: default options, as for files no tsconfig includes.
        this.tsconfigs = [];
      }
    }
    return this.tsconfigs;
  }

  private host(options: TS.CompilerOptions, files: ProjectFiles): TS.CompilerHost {
    const host = this.ts.createCompilerHost(options, true);
    const readFromDisk = host.getSourceFile.bind(host);
    host.getSourceFile = (fileName, languageVersion, onError) => {
      const entry = files.entries.get(fileName);
      if (entry) {
        const known = this.ownFiles.get(fileName);
        if (known?.hash === entry.hash) return known.sourceFile;
        const sourceFile = this.ts.createSourceFile(fileName, entry.text, languageVersion, true);
        this.ownFiles.set(fileName, { hash: entry.hash, sourceFile });
        return sourceFile;
      }
      const key = `${fileName}\0${JSON.stringify(languageVersion)}`;
      if (!this.libraryFiles.has(key)) this.libraryFiles.set(key, readFromDisk(fileName, languageVersion, onError, false));
      return this.libraryFiles.get(key);
    };
    return host;
  }
}
