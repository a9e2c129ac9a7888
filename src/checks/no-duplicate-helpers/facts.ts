import type { Range } from '../../core/finding.js';
import type { Fingerprint } from './fingerprint.js';
import type { UnitKind } from './units.js';

/** One helper of a file: plain data, cached per file and shipped from worker threads. */
export interface HelperUnit extends Pick<Fingerprint, 'exact' | 'renamed' | 'shape' | 'literals' | 'statements' | 'weights'> {
  name: string;
  /** Class or object the helper is a member of. */
  qualifier?: string;
  /**
   * A member of an object literal bound to an exported name of its module (`export const jsonEncoder = { decode() {} }`):
   * importing that object reaches it.
   */
  ownerExported?: true;
  kind: UnitKind;
  /** An arrow nested in another helper that reads `this` (the instance of the method around it). */
  readsThis?: true;
  /** Declared in a function that is no helper (a callback's body, `createStep('x', () => { const f = ... })`). */
  local?: true;
  exported: boolean;
  /** Range of the name (of the first line for an anonymous default export). */
  range: Range;
  /** Index of the enclosing helper in this file's `units`, or -1. */
  parent: number;
  /** Tokens in the body. */
  size: number;
  /** For a type guard, a hash of the type it claims: guards of two types are never copies. */
  guard?: number;
  /** Hash of each parameter's type annotation, 0 where any value goes; only for non-generic helpers of one statement with one. */
  parameterTypes?: number[];
  /** Indices in `literals` of the URLs and absolute paths it uses (endpoints); absent when none. */
  paths?: number[];
  /** First line of each statement, shortened; only for helpers long enough for near-miss matching. */
  snippets?: string[];
  /** Its modifiers and parameter list as written (`async ({ pixelId }: Props)`); only for helpers long enough for near-miss matching. */
  signature?: string;
  /** See {@link Fingerprint.depths}; only for helpers long enough for near-miss matching, absent when all are 0. */
  depths?: number[];
  /** See {@link Fingerprint.wiringFree}; only for helpers long enough for near-miss matching. */
  wiringFree?: number;
  /** A method that calls `super`: its work rests on the class it extends. */
  callsSuper?: true;
  /**
   * For a short method, the methods of its own class it calls (`this.pack(x)`), each as `[name, value]` with a
   * {@link HELPER_FUNCTION_VALUE} or {@link FUNCTION_VALUE} of that method; absent when none.
   */
  ownCalls?: Array<[string, string]>;
  /**
   * Module-level variables, functions and relative imports of its own file it reads (`const key = Symbol('env:public')`), each as
   * `[name, value]`: an initializer with its whitespace collapsed, {@link FUNCTION_VALUE} and a hash of the
   * function, or {@link IMPORT_VALUE} and where a relative import comes from; absent when none.
   */
  moduleValues?: Array<[string, string]>;
}

/** Prefix of a module-level function's value in {@link HelperUnit.moduleValues}. */
export const FUNCTION_VALUE = 'fn#';
/**
 * Prefix of the value of a module-level function that is a helper itself: its renamed fingerprint and its literals,
 * equal for two copies of one helper under two names.
 */
export const HELPER_FUNCTION_VALUE = `${FUNCTION_VALUE}h:`;
/** Prefix of a module-level `let` or `var`'s value in {@link HelperUnit.moduleValues}: its file and name. */
export const STATE_VALUE = 'state#';
/** Prefix of the value of `__dirname`, `__filename` and `import.meta` in {@link HelperUnit.moduleValues}: where the module is. */
export const LOCATION_VALUE = 'path:';
/** Prefix of a relative import's value in {@link HelperUnit.moduleValues}: the module (from the project root) and the export. */
export const IMPORT_VALUE = 'import#';

/** A module as an {@link IMPORT_VALUE} names it: its path without extension or `/index` (`src/repos/index.ts` -> `src/repos`). */
export function moduleOfFile(file: string): string {
  return file.replace(/\.(?:[cm]?[jt]sx?)$/, '').replace(/\/index$/, '');
}

export interface HelperFacts {
  /** Module specifiers this file imports or re-exports from that may name project files (relative, aliased, from a `baseUrl`). */
  imports: string[];
  units: HelperUnit[];
  /** Set for generated files, which are never analyzed. */
  generated?: true;
  /** Set for an entry point: importing it runs it (`process.on(...)`, `main()` at the top level). */
  entryPoint?: true;
  /** Its top-level named classes: what says an override repeats the method it inherits. */
  classes?: ClassFact[];
}

/** A top-level class of a file. */
export interface ClassFact {
  name: string;
  /** It is the module's default export. */
  default?: true;
  /** The class it extends, as an {@link IMPORT_VALUE} (`import#src/repos/base#BaseRepo`), also for one of its own file. */
  base?: string;
  /** Names of its `private` and `#private` members (a subclass cannot call them), for a class holding helpers. */
  private?: string[];
  /** Names of its static members, for a class holding helpers. */
  static?: string[];
}
