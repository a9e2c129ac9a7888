import type * as TS from 'typescript';
import type { TypeScriptApi } from '../core/location.js';
import { isModuleBySyntax, jsDocModeForTypes } from './shared-parses.js';

/**
 * A monorepo has one Program per set of compiler options, and their files overlap: lib files, packages'
 * declarations, and the sources one package imports from another. The Programs share those trees, and so their
 * binding, as a language service's projects do (TypeScript's document registry). The registry's own key holds
 * every option that can change a tree; most cannot change these two kinds of file:
 * - a declaration file depends only on its module format and on whether the target predates ES2015
 *   (identifiers are scanned differently);
 * - so does a source file that is a module by its syntax (an import or export): it is bound in strict mode
 *   whatever `alwaysStrict` says, and `moduleDetection` or `jsx` cannot change that it is a module. A script is
 *   parsed again under the registry's own key.
 * The options left out change only diagnostics, which are never asked for.
 */
export class SharedTrees {
  private readonly registry: TS.DocumentRegistry;

  constructor(private readonly ts: TypeScriptApi) {
    this.registry = ts.createDocumentRegistry(ts.sys.useCaseSensitiveFileNames, ts.sys.getCurrentDirectory(), jsDocModeForTypes(ts));
  }

  acquire(fileName: string, text: string, options: TS.CompilerOptions, sourceFileOptions: TS.CreateSourceFileOptions): TS.SourceFile {
    const { ts, registry } = this;
    const snapshot = ts.ScriptSnapshot.fromString(text);
    const era = sourceFileOptions.languageVersion < ts.ScriptTarget.ES2015 ? String(sourceFileOptions.languageVersion) : 'es2015+';
    const path = (ts.sys.useCaseSensitiveFileNames ? fileName : fileName.toLowerCase()) as TS.Path;
    const shared = registry.acquireDocumentWithKey(fileName, path, options, `shared:${era}` as TS.DocumentRegistryBucketKey, snapshot, '1', undefined, sourceFileOptions);
    if (shared.isDeclarationFile || isModuleBySyntax(shared)) return shared;
    return registry.acquireDocument(fileName, options, snapshot, '1', undefined, sourceFileOptions);
  }
}
