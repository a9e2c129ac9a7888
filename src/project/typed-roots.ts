import path from 'node:path';
import type * as TS from 'typescript';
import { filesThatMayReport, type FactFiles, type TreeOf } from '../checks/no-unserializable-log-args/roots.js';
import type { ConfiguredCheck } from '../config/rules.js';
import type { TypeScriptApi } from '../core/location.js';
import { firstSyntaxError } from './parse.js';
import type { RootSelector } from './program.js';

/** Per typed check: the files it can take facts from (a superset of those with findings or shared facts). */
type FactFilesOf = (ts: TypeScriptApi, files: { fileName: string; text: string }[], options: unknown, treeOf: TreeOf) => FactFiles;

const FACT_FILES: Record<string, FactFilesOf> = {
  'no-unserializable-log-args': filesThatMayReport,
};

/**
 * The Program roots of a group: the union of what each typed check needs. A file no typed check takes facts
 * from yields none, so it is left out of the roots (its types still come in if a root imports it). A left-out
 * file must not be the only way into the Program for anything else: a file that imports a package no root
 * imports (it may augment globals), or a relative path that is not an analyzed file, stays a root.
 */
export function typedRootSelector(ts: TypeScriptApi, typed: ConfiguredCheck[], texts: ReadonlyMap<string, string>, treeOf: TreeOf): RootSelector {
  const selectors = typed.map(({ check, options }) => ({ select: FACT_FILES[check.name], options }));
  if (selectors.some(({ select }) => !select)) return () => undefined;
  return ({ files }) => {
    const sources = files.flatMap((fileName) => {
      const text = texts.get(fileName);
      return text === undefined ? [] : [{ fileName, text }];
    });
    const roots = new Set<string>();
    const matters: Array<(text: string) => boolean> = [];
    for (const { select, options } of selectors) {
      const chosen = select!(ts, sources, options, treeOf);
      for (const file of chosen.files) roots.add(file);
      matters.push(chosen.matters);
    }
    withImportsOnlyLeftOutFilesReach(sources, roots, texts);
    return { roots, outsideMatters: (text) => matters.some((test) => test(text)) };
  };
}

const SPECIFIER = /(?:\bfrom|\bimport|\brequire\s*\(|<reference\s+(path|types|lib)\s*=)\s*\(?\s*(['"`])([^'"`\n]+)\2/g;
const RESOLVED_EXTENSIONS = ['', '.ts', '.tsx', '.d.ts', '.js', '.jsx', '.mts', '.cts', '.mjs', '.cjs', '/index.ts', '/index.tsx', '/index.js', '/index.jsx'];

/** Promotes to roots the left-out files that import something no root brings in (to a fixed point). */
function withImportsOnlyLeftOutFilesReach(sources: { fileName: string; text: string }[], roots: Set<string>, texts: ReadonlyMap<string, string>): void {
  const packagesOf = new Map<string, string[]>();
  const packagesOfRoots = new Set<string>();
  for (const { fileName, text } of sources) {
    const packages: string[] = [];
    for (const match of text.matchAll(SPECIFIER)) {
      const specifier = match[3]!;
      if (match[1] === 'lib') {
        packages.push(`lib:${specifier}`); // `/// <reference lib>` adds a lib to the whole Program
      } else if (specifier.startsWith('.') || specifier.startsWith('/')) {
        if (!isAnalyzed(path.resolve(path.dirname(fileName), specifier), texts)) packages.push(`\0${fileName}`); // never shared
      } else {
        packages.push(specifier);
      }
    }
    if (roots.has(fileName)) for (const name of packages) packagesOfRoots.add(name);
    else packagesOf.set(fileName, packages);
  }
  for (let grew = true; grew; ) {
    grew = false;
    for (const [fileName, packages] of packagesOf) {
      if (roots.has(fileName) || packages.every((name) => packagesOfRoots.has(name))) continue;
      roots.add(fileName);
      for (const name of packages) packagesOfRoots.add(name);
      grew = true;
    }
  }
}

/** A relative import names an analyzed file (as TypeScript would find it: with an extension, `.js` for `.ts`...). */
function isAnalyzed(target: string, texts: ReadonlyMap<string, string>): boolean {
  const withoutJs = target.replace(/\.([cm]?)jsx?$/, '');
  return RESOLVED_EXTENSIONS.some((extension) => texts.has(target + extension) || texts.has(withoutJs + extension));
}

/**
 * A file left out of the roots is still reported when it does not parse, as when it was one. In the Program
 * (imported by a root), its own parse says; otherwise it is parsed as the Program would, unless the syntactic
 * extraction parses it anyway (the same parser; only targets before ES2015 read identifiers differently).
 */
export function syntaxErrorOfSkipped(
  ts: TypeScriptApi,
  program: TS.Program | undefined,
  file: { absolute: string; text: string },
  options: TS.CompilerOptions,
  syntaxCheckedElsewhere: boolean,
): string | undefined {
  const inProgram = program?.getSourceFile(file.absolute);
  if (inProgram) return firstSyntaxError(inProgram);
  const languageVersion = emitTarget(ts, options);
  if (syntaxCheckedElsewhere && languageVersion >= ts.ScriptTarget.ES2015) return undefined;
  const modes = (ts as { JSDocParsingMode?: typeof TS.JSDocParsingMode }).JSDocParsingMode;
  const sourceFile = ts.createSourceFile(file.absolute, file.text, modes ? { languageVersion, jsDocParsingMode: modes.ParseForTypeErrors } : languageVersion, false);
  return firstSyntaxError(sourceFile);
}

function emitTarget(ts: TypeScriptApi, options: TS.CompilerOptions): TS.ScriptTarget {
  const internal = (ts as { getEmitScriptTarget?: (options: TS.CompilerOptions) => TS.ScriptTarget }).getEmitScriptTarget;
  return internal ? internal(options) : (options.target ?? ts.ScriptTarget.ES5);
}
