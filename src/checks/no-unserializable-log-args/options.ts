import type { OptionsSchema } from '../types.js';

/** How a sink turns a value into text; decides what crashes, what is lost and what is fine (DESIGN.md table). */
export type SerializerName = 'json' | 'pino' | 'winston' | 'bunyan' | 'util-format';

/** Sink families that can be switched off one by one. */
export type SinkFamily = 'console' | 'pino' | 'winston' | 'bunyan' | 'log4js' | 'debug' | 'util-format' | 'json' | 'wrappers';

export interface ExtraLogger {
  /** Regular expression matched against the callee as written, e.g. `^audit\\.(info|error)$` or `^logJson$`. */
  pattern: string;
  serializer: SerializerName;
  /**
   * Keys under which this logger serializes an Error properly (its own serializer or formatter does), besides the
   * serializer's own (`err` for pino, winston, bunyan); `"*"`: under any key and as a whole argument.
   */
  errorKeys?: string[];
}

/** In a configured logger's `errorKeys`: Errors are serialized under any key. */
export const ANY_KEY = '*';

export interface Options {
  /** Extra functions or methods to treat as logger calls (every argument is serialized). */
  loggers: ExtraLogger[];
  /** Per-sink overrides: `false` turns a family of sinks off. */
  sinks: Partial<Record<SinkFamily, boolean>>;
  /** Names of the project's helpers that make a value safe to log; suggested in messages. */
  safeHelpers: string[];
  /** Regular expression (case-insensitive) for helper names that make a value safe to log or serialize. */
  safeHelperPattern: string;
  /** Report `any` / `unknown` values (other than catch variables) at JSON.stringify-based sinks. */
  reportUnknown: boolean;
  /** How deep to look into the property types of a logged value. */
  maxDepth: number;
  /** How many wrapper functions deep a custom sink may be (wrapper calling wrapper calling JSON.stringify). */
  wrapperDepth: number;
}

export const defaultOptions: Options = {
  loggers: [],
  sinks: {},
  safeHelpers: [],
  safeHelperPattern: 'safe.*(log|serializ)',
  reportUnknown: false,
  maxDepth: 3,
  wrapperDepth: 3,
};

const serializerEnum = ['json', 'pino', 'winston', 'bunyan', 'util-format'];
const families: SinkFamily[] = ['console', 'pino', 'winston', 'bunyan', 'log4js', 'debug', 'util-format', 'json', 'wrappers'];

export const optionsSchema: OptionsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    loggers: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['pattern', 'serializer'],
        properties: {
          pattern: { type: 'string', minLength: 1 },
          serializer: { enum: serializerEnum },
          errorKeys: { type: 'array', items: { type: 'string', minLength: 1 } },
        },
      },
    },
    sinks: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(families.map((family) => [family, { type: 'boolean' }])),
    },
    safeHelpers: { type: 'array', items: { type: 'string', minLength: 1 } },
    safeHelperPattern: { type: 'string' },
    reportUnknown: { type: 'boolean' },
    maxDepth: { type: 'integer', minimum: 0, maximum: 8 },
    wrapperDepth: { type: 'integer', minimum: 0, maximum: 6 },
  },
};

/** Options as given (possibly partial, e.g. from a config file) merged over the defaults. */
export function resolveOptions(options: Partial<Options> | undefined): Options {
  return { ...defaultOptions, ...(options ?? {}), sinks: { ...(options?.sinks ?? {}) } };
}

export function familyEnabled(options: Options, family: SinkFamily): boolean {
  return options.sinks[family] !== false;
}
