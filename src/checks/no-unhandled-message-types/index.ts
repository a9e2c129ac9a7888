import type { Check } from '../types.js';
import { extractMessageFacts } from './extract.js';
import type { MessageFacts } from './facts.js';
import { defaultOptions, optionsSchema, type MessageTypesOptions } from './options.js';
import { linkMessageCheck, reportMessageCheck, runMessageCheck, type MessagesModel } from './run.js';

export const noUnhandledMessageTypes: Check<MessageFacts, MessageTypesOptions> = {
  name: 'no-unhandled-message-types',
  description: 'Message types that are sent but that no handler maps, handled but never sent, or declared but unused, across files.',
  usesTypes: false,
  parseNeeds: { parents: false, jsDoc: false },
  factsVersion: 22,
  optionsSchema,
  defaultOptions,
  extract: (context) => extractMessageFacts(context.ts, context.sourceFile, { ...defaultOptions, ...context.options }),
  run: (index, options) => runMessageCheck(index, { ...defaultOptions, ...options }),
  link: (index, options) => linkMessageCheck(index, { ...defaultOptions, ...options }),
  report: (model, file) => reportMessageCheck(model as MessagesModel, file.file, file.facts),
};
