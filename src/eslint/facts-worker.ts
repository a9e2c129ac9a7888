import { parentPort, workerData } from 'node:worker_threads';
import { findCheck } from '../checks/registry.js';
import { BufferParser } from './buffer-parser.js';
import { factsOfFile } from './check-state.js';
import type { PrefetchJob, PrefetchReply, PrefetchSetup } from './facts-prefetch.js';
import { syntacticTs } from './typescript.js';

const { port, signal } = workerData as PrefetchSetup;
const replies = new Int32Array(signal);
const parser = new BufferParser();

parentPort!.on('message', (job: PrefetchJob) => {
  let reply: PrefetchReply = { id: job.id };
  // A newer text of the file is already waiting: this one will never be asked for.
  if (job.id >= Atomics.load(replies, 1)) {
    try {
      reply = { id: job.id, facts: factsOf(job) };
    } catch {
      // No facts: the lint extracts them itself.
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
    return [key, parsed.sourceFile ? factsOfFile(ts, parsed.sourceFile, job.relative, job.cwd, check, options) : undefined];
  });
}
