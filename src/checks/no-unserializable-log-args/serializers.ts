import type { SinkRef } from './facts.js';
import type { SerializerName } from './options.js';

/** What one serializer does with each problematic kind of value (the measured table in DESIGN.md). */
export interface SerializerBehavior {
  /** Human name used in messages. */
  title: string;
  /** `bigint` throws "Do not know how to serialize a BigInt". */
  bigintThrows: boolean;
  /** Cyclic object graphs throw "Converting circular structure to JSON". */
  cyclesThrow: boolean;
  /** Keys under which an Error is serialized properly (pino's and bunyan's `err`). */
  errorKeys: readonly string[];
}

export const serializers: Record<SerializerName, SerializerBehavior> = {
  json: { title: 'JSON.stringify', bigintThrows: true, cyclesThrow: true, errorKeys: [] },
  pino: { title: 'pino', bigintThrows: false, cyclesThrow: false, errorKeys: ['err'] },
  // winston writes an Error out only as a whole argument (`error('failed', err)`); under any key, `err` too, it is {}.
  winston: { title: 'winston', bigintThrows: false, cyclesThrow: false, errorKeys: [] },
  bunyan: { title: 'bunyan', bigintThrows: true, cyclesThrow: false, errorKeys: ['err'] },
  'util-format': { title: "util.format's %j", bigintThrows: true, cyclesThrow: false, errorKeys: [] },
};

/**
 * The serializer as a message names it. debug formats `%j` itself in browsers (JSON.stringify) and through
 * util.format in Node: "debug's %j" is right in both.
 */
export function serializerTitle(sink: Pick<SinkRef, 'serializer' | 'formatter'>): string {
  return sink.serializer === 'util-format' && sink.formatter === 'debug' ? "debug's %j" : serializers[sink.serializer].title;
}
