import { parentPort, workerData } from 'node:worker_threads';
import { findCheck } from '../checks/registry.js';
import { extractSyntacticFacts, parseNeedsOf, type EnabledCheck, type ExtractRequest, type ExtractResult } from './extract-file.js';
import { bundledTs } from './typescript.js';

export interface WorkerSetup {
  checks: { name: string; options: unknown }[];
}

/** All requests, and the counter from which every thread claims the next batch. */
export interface WorkerWork {
  requests: readonly ExtractRequest[];
  counter: SharedArrayBuffer;
  batchSize: number;
}

export interface WorkerMessage {
  start: number;
  results: ExtractResult[];
}

const setup = workerData as WorkerSetup;
const enabled: EnabledCheck[] = setup.checks.map(({ name, options }) => ({ check: findCheck(name)!, options }));
const needs = parseNeedsOf(enabled);

parentPort!.on('message', ({ requests, counter, batchSize }: WorkerWork) => {
  const claims = new Int32Array(counter);
  for (;;) {
    const start = Atomics.add(claims, 0, 1) * batchSize;
    if (start >= requests.length) return;
    const batch = requests.slice(start, start + batchSize);
    const message: WorkerMessage = { start, results: batch.map((request) => extractSyntacticFacts(bundledTs, request, enabled, needs)) };
    parentPort!.postMessage(message);
  }
});
