import type * as TS from 'typescript';
import { describe, expect, it } from 'vitest';
import { SharedParses } from '../../src/project/shared-parses.js';
import { bundledTs as ts } from '../../src/project/typescript.js';

const MODULE = '/p/module.ts';
const SCRIPT = '/p/script.ts';
const BROKEN = '/p/broken.ts';
const texts = new Map([
  [MODULE, 'export const a = 1;\n'],
  [SCRIPT, 'const b = 2;\n'],
  [BROKEN, 'const = ;\n'],
]);
const jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeInfo;

describe('SharedParses', () => {
  it('parses a file once and hands that tree to a Program, fitted to its options', () => {
    const parses = new SharedParses(ts, texts);
    const tree = parses.tree(MODULE);
    const forced = (file: TS.SourceFile): void => {
      (file as { externalModuleIndicator?: unknown }).externalModuleIndicator = true;
    };
    const options: TS.CreateSourceFileOptions = { languageVersion: ts.ScriptTarget.ES2020, impliedNodeFormat: ts.ModuleKind.ESNext as TS.ResolutionMode, setExternalModuleIndicator: forced, jsDocParsingMode };
    const adopted = parses.adopt(MODULE, options) as (typeof tree & { externalModuleIndicator?: unknown }) | undefined;
    expect(adopted).toBe(tree);
    expect(adopted!.languageVersion).toBe(ts.ScriptTarget.ES2020);
    expect(adopted!.impliedNodeFormat).toBe(ts.ModuleKind.ESNext);
    expect(adopted!.externalModuleIndicator).toBe(true);
    // Binding writes into a tree: a second Program parses its own.
    expect(parses.adopt(MODULE, options)).toBeUndefined();
  });

  it('parses for the Program when asked first, and keeps the tree for the syntactic extraction', () => {
    const parses = new SharedParses(ts, texts);
    const adopted = parses.adopt(SCRIPT, { languageVersion: ts.ScriptTarget.ES2022, jsDocParsingMode });
    expect(adopted?.text).toBe(texts.get(SCRIPT));
    const taken = parses.take(SCRIPT);
    expect(taken).toEqual({ ok: true, sourceFile: adopted });
    expect(parses.take(SCRIPT)).toBeUndefined();
  });

  it('leaves to the Program what it would parse differently', () => {
    const parses = new SharedParses(ts, texts);
    expect(parses.adopt(SCRIPT, { languageVersion: ts.ScriptTarget.ES5, jsDocParsingMode })).toBeUndefined();
    expect(parses.adopt(SCRIPT, { languageVersion: ts.ScriptTarget.ES2022, jsDocParsingMode: ts.JSDocParsingMode.ParseAll })).toBeUndefined();
    expect(parses.adopt('/p/not-analyzed.ts', { languageVersion: ts.ScriptTarget.ES2022, jsDocParsingMode })).toBeUndefined();
  });

  it('keeps a tree with syntax errors for the pre-pass and the Program, and reports it to the extraction', () => {
    const parses = new SharedParses(ts, texts);
    expect(parses.tree(BROKEN)).toBeDefined();
    const taken = parses.take(BROKEN);
    expect(taken?.ok).toBe(false);
    expect(taken && !taken.ok && taken.reason).toMatch(/^syntax error at 1:7: /);
  });
});
