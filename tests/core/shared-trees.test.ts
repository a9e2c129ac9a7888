import type * as TS from 'typescript';
import { describe, expect, it } from 'vitest';
import { SharedParses } from '../../src/project/shared-parses.js';
import { SharedTrees } from '../../src/project/shared-trees.js';
import { bundledTs as ts } from '../../src/project/typescript.js';

const jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeInfo;
/** What a Program's host is asked for a file under these options. */
const sourceFileOptions = (options: TS.CompilerOptions): TS.CreateSourceFileOptions => ({
  languageVersion: options.target ?? ts.ScriptTarget.ES5,
  impliedNodeFormat: ts.ModuleKind.CommonJS,
  jsDocParsingMode,
});
const app: TS.CompilerOptions = { target: ts.ScriptTarget.ES2020, jsx: ts.JsxEmit.ReactJSX, alwaysStrict: false, moduleDetection: ts.ModuleDetectionKind.Force };
const server: TS.CompilerOptions = { target: ts.ScriptTarget.ES2022, noFallthroughCasesInSwitch: true };
const legacy: TS.CompilerOptions = { target: ts.ScriptTarget.ES5 };

function treesOf(fileName: string, text: string, ...optionSets: TS.CompilerOptions[]): TS.SourceFile[] {
  const trees = new SharedTrees(ts);
  return optionSets.map((options) => trees.acquire(fileName, text, options, sourceFileOptions(options)));
}

describe('SharedTrees: Programs with different options share trees that those options cannot change', () => {
  it('declaration files, whatever the options beyond the target before ES2015', () => {
    const [a, b, c] = treesOf('/lib/lib.es5.d.ts', 'declare var NaN: number;\ninterface Array<T> { length: number }\n', app, server, legacy);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('modules by their syntax', () => {
    const [a, b] = treesOf('/p/core/stats.ts', 'export interface Stats { total: bigint }\n', app, server);
    expect(a).toBe(b);
  });

  it('not scripts: alwaysStrict and moduleDetection decide how they are bound', () => {
    const [a, b] = treesOf('/p/app/tally.ts', 'function tally(n: bigint) { return n; }\n', app, server);
    expect(a).not.toBe(b);
    expect(a!.text).toBe(b!.text);
  });
});

describe('SharedParses: an analyzed file adopted by one Program goes to the next one as SharedTrees would share it', () => {
  const fileFor = (impliedNodeFormat: TS.ResolutionMode): TS.CreateSourceFileOptions => ({ languageVersion: ts.ScriptTarget.ES2022, impliedNodeFormat, jsDocParsingMode });

  it('a module by its syntax, in the same module format', () => {
    const parses = new SharedParses(ts, new Map([['/p/core/stats.ts', 'export interface Stats { total: bigint }\n']]));
    const first = parses.adopt('/p/core/stats.ts', fileFor(ts.ModuleKind.CommonJS));
    expect(first).toBeDefined();
    expect(parses.adopt('/p/core/stats.ts', fileFor(ts.ModuleKind.CommonJS))).toBe(first);
    expect(parses.adopt('/p/core/stats.ts', fileFor(ts.ModuleKind.ESNext))).toBeUndefined();
  });

  it('not a script, and not for a target before ES2015', () => {
    const parses = new SharedParses(ts, new Map([['/p/app/tally.ts', 'function tally(n: bigint) { return n; }\n']]));
    expect(parses.adopt('/p/app/tally.ts', fileFor(ts.ModuleKind.CommonJS))).toBeDefined();
    expect(parses.adopt('/p/app/tally.ts', fileFor(ts.ModuleKind.CommonJS))).toBeUndefined();
    const modules = new SharedParses(ts, new Map([['/p/core/stats.ts', 'export const zero = 0n;\n']]));
    expect(modules.adopt('/p/core/stats.ts', { ...fileFor(ts.ModuleKind.CommonJS), languageVersion: ts.ScriptTarget.ES5 })).toBeUndefined();
  });
});
