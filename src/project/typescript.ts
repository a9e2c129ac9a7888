import { createRequire } from 'node:module';
import type { TypeScriptApi } from '../core/location.js';
import { requireWithCompileCache } from './compile-cache.js';

/**
 * ts-morph's bundled TypeScript, the file @ts-morph/common (ts-morph's own dependency, pinned to the same
 * version) loads as its `ts`: the same namespace object ts-morph uses. Required directly rather than through
 * @ts-morph/common's entry point: worker threads then skip its 3 MB of bundled lib texts and its other
 * dependencies, and no thread pays for the ESM view of a CommonJS module (~0.1-0.2 s per thread).
 */
export const bundledTs = requireWithCompileCache(createRequire(import.meta.url).resolve('@ts-morph/common/dist/typescript.js')) as TypeScriptApi;
