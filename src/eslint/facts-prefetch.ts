import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

const workerFile = fileURLToPath(new URL('./facts-worker.js', import.meta.url));
/** Files prefetched for at once: the ones open in the editor, typically one. */
const MAX_TARGETS = 8;
/** How long a lint waits for the worker's facts before extracting them itself (and giving up on the worker). */
const WAIT_MS = 2000;

/** One syntactic check the worker extracts, under the key of its state in the session. */
export interface PrefetchCheck {
  key: string;
  name: string;
  options: unknown;
}

/** What the worker needs to extract a file's facts as the session would. */
export interface PrefetchTarget {
  cwd: string;
  relative: string;
  checks: PrefetchCheck[];
}

export interface PrefetchJob extends PrefetchTarget {
  id: number;
  absolute: string;
  text: string;
}

/** The facts of a job by check key; none when the worker could not tell them (the lint extracts them itself). */
export interface PrefetchReply {
  id: number;
  facts?: Array<[string, unknown]>;
}

export interface PrefetchSetup {
  port: MessagePort;
  /** [0]: replies posted so far (notified on each); [1]: the newest job (older ones are skipped). */
  signal: SharedArrayBuffer;
}

interface Job {
  id: number;
  text: string;
  relative: string;
  answered: boolean;
  facts?: Map<string, unknown>;
}

/**
 * Extracts the syntactic checks' facts of an edited buffer in a worker thread while typescript-eslint parses
 * it on this one: the parser starts a job with the text it is given, and the rules take the facts when they
 * run (waiting for them if needed). Only files a lint has seen are prefetched for (those an editor re-lints);
 * the worker re-parses each incrementally from its previous text, with the same TypeScript and settings as
 * the session. Without the compiled worker (running from sources), or after a failure, the rules extract
 * the facts themselves.
 */
export class FactsPrefetch {
  private worker: Worker | undefined;
  private port: MessagePort | undefined;
  private signal: Int32Array | undefined;
  private disabled = !existsSync(workerFile);
  private nextId = 1;
  private readonly targets = new Map<string, PrefetchTarget>();
  private readonly jobs = new Map<string, Job>();
  /** For tests: how many checks' facts were taken from the worker. */
  served = 0;

  /** Prefetches for `absolute` from now on; the first time, the worker parses `text` (so its next parse is incremental). */
  track(absolute: string, target: PrefetchTarget, text: string): void {
    if (this.disabled) return;
    const known = this.targets.has(absolute);
    this.targets.delete(absolute);
    this.targets.set(absolute, target);
    if (this.targets.size > MAX_TARGETS) {
      const oldest = this.targets.keys().next().value!;
      this.targets.delete(oldest);
      this.jobs.delete(oldest);
    }
    if (!known) this.start(absolute, text);
  }

  /** Starts extracting the facts of `text` as the content of `absolute`, when that file is tracked. */
  start(absolute: string, text: string): void {
    const target = this.targets.get(absolute);
    if (!target || this.disabled || this.jobs.get(absolute)?.text === text) return;
    const worker = this.workerOrUndefined();
    if (!worker) return;
    const id = this.nextId++;
    Atomics.store(this.signal!, 1, id);
    this.jobs.set(absolute, { id, text, relative: target.relative, answered: false });
    const job: PrefetchJob = { id, absolute, text, ...target };
    worker.postMessage(job);
  }

  /** The prefetched facts of one check for this exact text, or undefined when there are none. */
  take(absolute: string, relative: string, text: string, key: string): { facts: unknown } | undefined {
    const job = this.jobs.get(absolute);
    if (!job || job.relative !== relative || job.text !== text) return undefined;
    if (!job.answered) this.waitFor(job);
    if (!job.facts?.has(key)) return undefined;
    this.served++;
    return { facts: job.facts.get(key) };
  }

  /** Forgets the tracked files (a new session); the worker stays. */
  forget(): void {
    this.targets.clear();
    this.jobs.clear();
  }

  private waitFor(job: Job): void {
    const signal = this.signal!;
    const deadline = performance.now() + WAIT_MS;
    for (;;) {
      const seen = Atomics.load(signal, 0);
      this.receive();
      if (job.answered) return;
      const left = deadline - performance.now();
      if (left <= 0) {
        this.disable();
        return;
      }
      Atomics.wait(signal, 0, seen, left);
    }
  }

  private receive(): void {
    for (let received = receiveMessageOnPort(this.port!); received; received = receiveMessageOnPort(this.port!)) {
      const reply = received.message as PrefetchReply;
      for (const job of this.jobs.values()) {
        if (job.id !== reply.id) continue;
        job.answered = true;
        if (reply.facts) job.facts = new Map(reply.facts);
      }
    }
  }

  private workerOrUndefined(): Worker | undefined {
    if (this.worker) return this.worker;
    try {
      const { port1, port2 } = new MessageChannel();
      const signal = new SharedArrayBuffer(8);
      const setup: PrefetchSetup = { port: port2, signal };
      const worker = new Worker(workerFile, { workerData: setup, transferList: [port2] });
      // Never what keeps ESLint's process alive.
      worker.unref();
      port1.unref();
      worker.on('error', () => this.disable());
      worker.on('exit', () => this.disable());
      this.worker = worker;
      this.port = port1;
      this.signal = new Int32Array(signal);
      return worker;
    } catch {
      this.disable();
      return undefined;
    }
  }

  private disable(): void {
    if (this.disabled) return;
    this.disabled = true;
    this.forget();
    void this.worker?.terminate();
  }
}
