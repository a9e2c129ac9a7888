import type { Range } from '../../core/finding.js';
import type { SerializerName } from './options.js';

export interface Place {
  file: string;
  line: number;
  column: number;
}

export type ProblemKind =
  | 'bigint'
  | 'cycle'
  | 'map'
  | 'error'
  | 'function'
  | 'symbol'
  | 'hidden-fields'
  | 'numeric-enum'
  | 'dropped-argument'
  | 'winston-error'
  | 'unknown';

/** The sink a value reached, as shown in messages. */
export interface SinkRef {
  /** `JSON.stringify`, `logger.info`, `jsonLogger.error`... */
  label: string;
  serializer: SerializerName;
  /** Set when a logger formats `%j` itself (debug). */
  formatter?: 'debug';
  /** The wrapper's declaration, when the sink is a custom wrapper. */
  declaredAt?: Place;
  /** Where the value is finally serialized (the JSON.stringify inside a wrapper). */
  serializedAt?: Place;
}

/** One finding-to-be: plain data, composed into a message by `run`. */
export interface Problem {
  kind: ProblemKind;
  /** Where the value sits in the logged argument: `bytesSent`, `ctx.req`, `items[]`. */
  path: string;
  /** How many other paths of the same written value have a problem of this kind (the finding names the first). */
  morePaths?: number;
  /** Kind-specific detail: a type name, the enum name, hidden field names, the logger's creation place. */
  detail: string;
  /** The value is a `catch` variable, treated as an Error. */
  catchVariable: boolean;
  /** The key the value lands under (for Error messages). */
  key: string;
  /** Source text of the logged expression (for `Enum[expr]` suggestions). */
  expression: string;
  /** For a numeric enum written in the call whose enum is in scope: the replacement `Enum[expr]`. */
  enumNameFix?: string;
  sink: SinkRef;
  range: Range;
  /** Enclosing function name: part of the identity, so fingerprints survive line moves. */
  container: string;
}

/** A function whose name says it makes a value safe to log: suggested instead of writing a new one. */
export interface SafeHelper {
  name: string;
  file: string;
  line: number;
  column: number;
  exported: boolean;
  /** Type names mentioned in its first parameter's type (e.g. the enum it accepts). */
  acceptedTypes: string[];
}

export interface LogArgFacts {
  problems: Problem[];
  helpers: SafeHelper[];
}
