import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { extractSyntacticFacts, type EnabledCheck, type ExtractRequest, type ExtractResult } from './extract-file.js';
import type { WorkerBatch, WorkerSetup } from './extract-worker.js';

const BATCH_SIZE = 32;
/** Below this many files a worker's start-up (loading TypeScript, ~0.3 s) costs more than it saves. */
const FILES_PER_WORKER = 150;

const workerFile = fileURLToPath(new URL('./extract-worker.js', import.meta.url));

/**
 * Extracts facts for every request, in worker threads when there are enough files. Results are stored by
 * request index, so the output never depends on which worker finished first.
 */
export async function extractAll(
  requests: readonly ExtractRequest[],
  enabled: readonly EnabledCheck[],
  jobs: number,
  loadTs: () => Promise<import('../core/location.js').TypeScriptApi>,
): Promise<ExtractResult[]> {
  const workerCount = Math.min(jobs, Math.floor(requests.length / FILES_PER_WORKER));
  // Workers need the compiled worker file; when running from sources (tests), extract in this thread.
  if (workerCount < 1 || !existsSync(workerFile)) {
    const ts = await loadTs();
    return requests.map((request) => extractSyntacticFacts(ts, request, enabled));
  }
  return runInWorkers(requests, enabled, workerCount);
}

function runInWorkers(requests: readonly ExtractRequest[], enabled: readonly EnabledCheck[], workerCount: number): Promise<ExtractResult[]> {
  const results = new Array<ExtractResult>(requests.length);
  const setup: WorkerSetup = { checks: enabled.map(({ check, options }) => ({ name: check.name, options })) };
  const batches: WorkerBatch[] = [];
  for (let start = 0; start < requests.length; start += BATCH_SIZE) {
    batches.push({ id: start, requests: requests.slice(start, start + BATCH_SIZE) });
  }
  return new Promise((resolve, reject) => {
    let next = 0;
    let pending = batches.length;
    const workers: Worker[] = [];
    const finish = (error?: Error) => {
      for (const worker of workers) void worker.terminate();
      if (error) reject(error);
      else resolve(results);
    };
    const feed = (worker: Worker) => {
      const batch = batches[next++];
      if (batch) worker.postMessage(batch);
    };
    for (let i = 0; i < workerCount; i++) {
      const worker = new Worker(workerFile, { workerData: setup });
      workers.push(worker);
      worker.on('message', (message: { id: number; results: ExtractResult[] }) => {
        message.results.forEach((result, offset) => (results[message.id + offset] = result));
        if (--pending === 0) finish();
        else feed(worker);
      });
      worker.on('error', (error) => finish(error));
      feed(worker);
    }
  });
}
