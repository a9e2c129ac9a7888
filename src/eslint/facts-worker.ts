import { parentPort, workerData } from 'node:worker_threads';
import { findCheck } from '../checks/registry.js';
import { BufferParser } from './buffer-parser.js';
import { factsOfFile } from './check-state.js';
import type { PrefetchJob, PrefetchPreload, PrefetchReply, PrefetchSetup, TypedPrefetch } from './facts-prefetch.js';
import { loadTypescript, syntacticTs, type TypescriptSource } from './typescript.js';
import type { TypeScriptApi } from '../core/location.js';

const { port, signal } = workerData as PrefetchSetup;
const replies = new Int32Array(signal);
const parser = new BufferParser();

parentPort!.on('message', (message: PrefetchJob | PrefetchPreload) => {
  if ('preload' in message) return preload(message.preload);
  const job = message;
  Atomics.store(replies, 2, job.id);
  let reply: PrefetchReply = { id: job.id };
  // A newer text of the file is already waiting: this one will never be asked for.
  if (job.id >= Atomics.load(replies, 1)) {
    try {
      reply = { id: job.id, facts: factsOf(job) };
    } catch {
      // No facts: the lint extracts them itself.
    }
    try {
      if (job.typed) reply.prepared = preparedOf(job, job.typed);
    } catch {
      // Nothing prepared: the lint's extraction computes it.
    }
  }
  port.postMessage(reply);
  Atomics.add(replies, 0, 1);
  Atomics.notify(replies, 0);
});

/** The facts the session would extract from this text, with the session's TypeScript and parse. */
function factsOf(job: PrefetchJob): Array<[string, unknown]> {
  const ts = syntacticTs(job.cwd);
  const parsed = parser.parse(ts, { absolute: job.absolute, relative: job.relative, text: job.text, hash: String(job.id) });
  return job.checks.map(({ key, name, options }) => {
    const check = findCheck(name);
    if (!check) throw new Error(`no check ${name}`);
    return [key, parsed.sourceFile ? factsOfFile(ts, parsed.sourceFile, job, job.cwd, check, options) : undefined];
  });
}

const typescripts = new Map<string, TypeScriptApi>();

function typescriptFrom(source: TypescriptSource): TypeScriptApi {
  const key = `${source.path}\0${source.member ?? ''}`;
  let ts = typescripts.get(key);
  if (!ts) typescripts.set(key, (ts = loadTypescript(source)));
  return ts;
}

/**
 * The type-aware checks' `prepare`, on a parse like that of the file in the Program: a full one, done while
 * typescript-eslint parses the same text and updates its Program.
 */
function preparedOf(job: PrefetchJob, typed: TypedPrefetch): Array<[string, unknown]> {
  const ts = typescriptFrom(typed.ts);
  const sourceFile = ts.createSourceFile(job.absolute, job.text, typed.languageVersion, true, typed.scriptKind);
  return typed.checks.map(({ key, name, options }) => {
    const check = findCheck(name);
    if (!check?.prepare) throw new Error(`no prepare for ${name}`);
    return [key, check.prepare(ts, sourceFile, options)];
  });
}

function preload({ cwd, typescripts }: PrefetchPreload['preload']): void {
  try {
    syntacticTs(cwd);
    for (const source of typescripts) typescriptFrom(source);
  } catch {
    // Loaded again, and failing then, by the first job.
  }
}
