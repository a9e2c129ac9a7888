import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TypeScriptApi } from '../core/location.js';
import type { ParseResult } from './parse.js';
import { extractSyntacticFacts, parseNeedsOf, type EnabledCheck, type ExtractRequest, type ExtractResult } from './extract-file.js';
import type { WorkerMessage, WorkerSetup, WorkerWork } from './extract-worker.js';

/** Files per claim: small enough to balance the threads' loads, large enough that messages stay few. */
export const BATCH_SIZE = 16;
/** Below this many files per thread, a worker's start-up (compiling TypeScript, ~0.3 s of CPU) costs more than it saves. */
const FILES_PER_THREAD = 150;
/**
 * Cores left to V8's own threads. An isolate that parses keeps about one more core busy compiling and collecting
 * garbage, and warms up TypeScript's parser on its own: on 2 cores one worker beside the main thread made a
 * 3,000-file run slower (parse-bound work, measured 4.2 s against 3.3 s on the main thread alone).
 */
const CORES_FOR_V8 = 1;

const workerFile = fileURLToPath(new URL('./extract-worker.js', import.meta.url));

/** How many worker threads to start for `files` files with `jobs` threads allowed. */
export function workersFor(files: number, jobs: number): number {
  // Workers need the compiled worker file; when running from sources (tests), extract in this thread.
  if (!existsSync(workerFile)) return 0;
  const threads = Math.min(Math.max(1, jobs - CORES_FOR_V8), Math.floor(files / FILES_PER_THREAD));
  // The main thread extracts too: after building the Program, if it has one to build.
  return Math.max(0, threads - 1);
}

/**
 * Extraction of the syntactic checks' facts across worker threads and, when it joins, this thread. Workers are
 * started before the files are known, so that compiling TypeScript overlaps discovery and reading. All threads
 * claim batches of requests from one shared counter, so this thread can do other work (build the Program)
 * without starving the workers. Results are stored by request index: the output never depends on which thread
 * extracted a file.
 */
export class ExtractPool {
  private readonly workers: Worker[] = [];
  private readonly needs;
  private requests: readonly ExtractRequest[] = [];
  private results: ExtractResult[] = [];
  private counter = new Int32Array(new SharedArrayBuffer(4));
  private remaining = 0;
  private settle: { resolve: () => void; reject: (error: Error) => void } | undefined;
  private failure: Error | undefined;
  private readonly done: Promise<void>;
  /** Called with the number of files extracted so far, after each batch. */
  onProgress: (done: number) => void = () => undefined;

  constructor(private readonly enabled: readonly EnabledCheck[], workerCount: number) {
    this.needs = parseNeedsOf(enabled);
    this.done = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
    this.done.catch(() => undefined);
    const setup: WorkerSetup = { checks: enabled.map(({ check, options }) => ({ name: check.name, options })) };
    for (let i = 0; i < workerCount; i++) {
      const worker = new Worker(workerFile, { workerData: setup });
      worker.on('message', (message: WorkerMessage) => this.receive(message));
      worker.on('error', (error) => this.fail(error));
      this.workers.push(worker);
    }
  }

  get workerCount(): number {
    return this.workers.length;
  }

  /** Hands the requests to the workers; they start at once. */
  dispatch(requests: readonly ExtractRequest[]): void {
    this.requests = requests;
    this.results = new Array<ExtractResult>(requests.length);
    this.remaining = requests.length;
    const work: WorkerWork = { requests, counter: this.counter.buffer as SharedArrayBuffer, batchSize: BATCH_SIZE };
    for (const worker of this.workers) worker.postMessage(work);
    if (this.remaining === 0) this.settle?.resolve();
  }

  /**
   * Extracts the batches no worker has claimed yet, in this thread, until none is left; `madeParse` gives the
   * parse of a file when this thread made one already.
   */
  joinOnMainThread(ts: TypeScriptApi, madeParse: (request: ExtractRequest) => ParseResult | undefined = () => undefined): void {
    const { requests, results, needs, enabled } = this;
    for (;;) {
      const start = Atomics.add(this.counter, 0, 1) * BATCH_SIZE;
      if (start >= requests.length) return;
      const end = Math.min(start + BATCH_SIZE, requests.length);
      for (let i = start; i < end; i++) results[i] = extractSyntacticFacts(ts, requests[i]!, enabled, needs, madeParse(requests[i]!));
      this.completed(end - start);
    }
  }

  /** Every result, once all batches are extracted (by the workers or {@link joinOnMainThread}). */
  async finished(): Promise<ExtractResult[]> {
    if (this.workers.length === 0 && this.remaining > 0) throw new Error('extraction has no thread left: call joinOnMainThread first');
    await this.done;
    return this.results;
  }

  close(): void {
    for (const worker of this.workers) void worker.terminate();
  }

  private receive(message: WorkerMessage): void {
    message.results.forEach((result, offset) => (this.results[message.start + offset] = result));
    this.completed(message.results.length);
  }

  private completed(count: number): void {
    this.remaining -= count;
    this.onProgress(this.requests.length - this.remaining);
    if (this.remaining === 0 && !this.failure) this.settle?.resolve();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.settle?.reject(error);
  }
}
