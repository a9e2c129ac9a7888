import { ts } from '@ts-morph/common';
import type { TypeScriptApi } from '../core/location.js';

/**
 * ts-morph's bundled TypeScript, taken from @ts-morph/common (ts-morph's own dependency, pinned to the same
 * version): the same namespace ts-morph uses, without loading ts-morph's wrapper layer in worker threads.
 */
export const bundledTs: TypeScriptApi = ts as unknown as TypeScriptApi;
