import type { OptionsSchema } from '../types.js';

export interface Channel {
  name: string;
  /** Globs (project-relative) of the files that send on this channel. */
  senders: string[];
  /** Globs of the files that handle what this channel carries. */
  handlers: string[];
}

export interface MessageTypesOptions {
  /** Property and variable names that carry a message's type (`msg.type`, `{ op: 1 }`). */
  discriminants: string[];
  /**
   * Names read only on the receiving side (`switch (code)`, `if (frame.code === Op.X)`): numeric codes,
   * too generic to mark an object literal as a message.
   */
  codeDiscriminants: string[];
  /** Extra receiver names treated as sockets for `.emit` / `.on` (besides the built-in patterns). */
  socketNames: string[];
  /** Functions that register a handler: `register(type, fn)`. */
  registryFunctions: string[];
  /** Functions whose last argument, when a named constant, is an opcode being sent (y-protocols style). */
  opcodeWriters: string[];
  /** Do not report handlers inside exported functions, classes or records (a library's public API). */
  ignoreExportedHandlers: boolean;
  /** Report declared catalog members that nothing sends or handles. */
  reportUnusedDeclarations: boolean;
  /** Files whose sends and handlers count, but which never get findings and never prove a side exists. */
  testFiles: string[];
  /** Split the project into directions; each is checked on its own. Empty: one namespace for the project. */
  channels: Channel[];
}

export const defaultOptions: MessageTypesOptions = {
  discriminants: ['type', 'kind', 'op', 'opcode', 'event', 'action', 'messageType', 'msgType'],
  codeDiscriminants: ['code'],
  socketNames: [],
  registryFunctions: ['register', 'registerHandler', 'addHandler', 'addMessageHandler', 'registerMessageHandler', 'onMessage'],
  opcodeWriters: ['writeVarUint', 'writeUint8'],
  ignoreExportedHandlers: false,
  reportUnusedDeclarations: true,
  testFiles: ['**/*.{test,spec}.*', '**/__tests__/**', '**/test/**', '**/tests/**', '**/e2e/**', '**/__mocks__/**'],
  channels: [],
};

const stringArray = { type: 'array', items: { type: 'string' } };

export const optionsSchema: OptionsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    discriminants: stringArray,
    codeDiscriminants: stringArray,
    socketNames: stringArray,
    registryFunctions: stringArray,
    opcodeWriters: stringArray,
    ignoreExportedHandlers: { type: 'boolean' },
    reportUnusedDeclarations: { type: 'boolean' },
    testFiles: stringArray,
    channels: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'senders', 'handlers'],
        properties: { name: { type: 'string' }, senders: stringArray, handlers: stringArray },
      },
    },
  },
};
