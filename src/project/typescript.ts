import { createRequire } from 'node:module';
import type { TypeScriptApi } from '../core/location.js';
import { requireWithCompileCache } from './compile-cache.js';

/**
 * ts-morph's bundled TypeScript, the file @ts-morph/common (ts-morph's own dependency, pinned to the same
 * version) loads as its `ts`: the same namespace object ts-morph uses. Required directly rather than through
 * @ts-morph/common's entry point: worker threads then skip its 3 MB of bundled lib texts and its other
 * dependencies, and no thread pays for the ESM view of a CommonJS module (~0.1-0.2 s per thread).
 */
export const bundledTs = withDataProperties(requireWithCompileCache(createRequire(import.meta.url).resolve('@ts-morph/common/dist/typescript.js')) as TypeScriptApi);

/**
 * TypeScript's bundle exports each member through a getter on an object too large for V8's fast properties, so
 * every `ts.isIdentifier(node)` ran a dictionary lookup and a getter call. The same members as plain data
 * properties take half the time (the extractors make millions of such calls; ~15% of the message-type
 * extraction). The members read here (functions, enums, `sys`) are never reassigned after the bundle loads.
 */
function withDataProperties(api: TypeScriptApi): TypeScriptApi {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(api)) copy[key] = (api as unknown as Record<string, unknown>)[key];
  return copy as unknown as TypeScriptApi;
}
