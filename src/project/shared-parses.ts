import type * as TS from 'typescript';
import type { TypeScriptApi } from '../core/location.js';
import { parseResultOf, parseTree, type ParseResult } from './parse.js';

/**
 * JSDoc as a Program needs it for types: none in TypeScript files, all of it in JavaScript files (where it
 * holds their types). The syntactic extractors never read it, and it changes neither the tree nor the positions.
 */
export function jsDocModeForTypes(ts: TypeScriptApi): TS.JSDocParsingMode | undefined {
  return (ts as { JSDocParsingMode?: typeof TS.JSDocParsingMode }).JSDocParsingMode?.ParseForTypeInfo;
}

/**
 * Parses of the analyzed files made once on this thread and shared by everything that needs a file's tree:
 * the typed-roots pre-pass, the Program, and the syntactic extraction when it runs here. Parsing the same file
 * two or three times cost ~0.5 s on a 3,000-file project.
 */
export class SharedParses {
  /** null: too deep to parse. */
  private readonly trees = new Map<string, TS.SourceFile | null>();
  /** Adopted trees, by the module format they were fitted to. */
  private readonly adopted = new Map<string, TS.ResolutionMode>();
  private readonly languageVersion: TS.ScriptTarget | TS.CreateSourceFileOptions;
  private readonly jsDocMode;

  constructor(
    private readonly ts: TypeScriptApi,
    private readonly texts: ReadonlyMap<string, string>,
  ) {
    this.jsDocMode = jsDocModeForTypes(ts);
    this.languageVersion = this.jsDocMode === undefined ? ts.ScriptTarget.Latest : { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: this.jsDocMode };
  }

  /**
   * The file's tree, with its syntax errors (parsed now if not yet); undefined for a file too deep to parse or
   * not analyzed.
   */
  tree(fileName: string): TS.SourceFile | undefined {
    let tree = this.trees.get(fileName);
    if (tree === undefined) {
      const text = this.texts.get(fileName);
      if (text === undefined) return undefined;
      tree = parseTree(this.ts, fileName, text, this.languageVersion, false) ?? null;
      this.trees.set(fileName, tree);
    }
    return tree ?? undefined;
  }

  /** The parse, if one was made, as the syntactic extraction takes it; forgotten here (its last user). */
  take(fileName: string): ParseResult | undefined {
    const tree = this.trees.get(fileName);
    if (tree === undefined) return undefined;
    this.trees.delete(fileName);
    return parseResultOf(tree ?? undefined);
  }

  /**
   * For a Program's host: the tree of an analyzed file (kept, or parsed now and kept) when it is the tree
   * TypeScript would build with the Program's options, fitted to them as `createSourceFile` would (module format
   * and indicator, target); undefined otherwise. Binding writes into a tree, once: a tree already adopted goes to
   * another Program only when that binding holds there too, as in `SharedTrees` (a module by its syntax, in the
   * same module format).
   */
  adopt(fileName: string, languageVersionOrOptions: TS.ScriptTarget | TS.CreateSourceFileOptions): TS.SourceFile | undefined {
    const options = typeof languageVersionOrOptions === 'object' ? languageVersionOrOptions : { languageVersion: languageVersionOrOptions };
    // Before ES2015 the scanner reads identifiers differently; another JSDoc mode parses other comments.
    if (options.languageVersion < this.ts.ScriptTarget.ES2015 || options.languageVersion === this.ts.ScriptTarget.JSON) return undefined;
    if (options.jsDocParsingMode !== this.jsDocMode) return undefined;
    const tree = this.tree(fileName);
    if (!tree) return undefined;
    if (this.adopted.has(fileName)) {
      return this.adopted.get(fileName) === options.impliedNodeFormat && (tree.isDeclarationFile || isModuleBySyntax(tree)) ? tree : undefined;
    }
    const sourceFile = tree as TS.SourceFile & { languageVersion: TS.ScriptTarget; impliedNodeFormat?: TS.ResolutionMode };
    sourceFile.languageVersion = options.languageVersion;
    if (options.impliedNodeFormat !== undefined) sourceFile.impliedNodeFormat = options.impliedNodeFormat;
    options.setExternalModuleIndicator?.(sourceFile);
    this.adopted.set(fileName, options.impliedNodeFormat);
    return sourceFile;
  }
}

/** An import, export or `import.meta` makes the file a module under any options (TypeScript records that node). */
export function isModuleBySyntax(sourceFile: TS.SourceFile): boolean {
  return typeof (sourceFile as { externalModuleIndicator?: unknown }).externalModuleIndicator === 'object';
}
