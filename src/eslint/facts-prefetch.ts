import { existsSync } from 'node:fs';
import type * as TS from 'typescript';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { TypescriptSource } from './typescript.js';

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
  /** See `FileEntry.projectPath`. */
  projectPath?: string;
  checks: PrefetchCheck[];
  typed?: TypedPrefetch;
}

/**
 * The type-aware checks' syntax-only part (`prepare`), computed on a parse like that of the file in the last
 * `parserServices.program`: the same TypeScript, language version and script kind.
 */
export interface TypedPrefetch {
  ts: TypescriptSource;
  languageVersion: number;
  scriptKind: number;
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
  /** What the type-aware checks' `prepare` gave, by check key. */
  prepared?: Array<[string, unknown]>;
}

export interface PrefetchSetup {
  port: MessagePort;
  /** [0]: replies posted so far (notified on each); [1]: the newest job (older ones are skipped); [2]: the job being done. */
  signal: SharedArrayBuffer;
}

/** Before any job: the TypeScripts and checks the jobs of a project will use, to load and compile meanwhile. */
export interface PrefetchPreload {
  preload: { cwd: string; typescripts: TypescriptSource[] };
}

interface Job {
  id: number;
  /** Started to prepare the worker, not by a parse: never waited for (it may be loading TypeScript). */
  warmUp: boolean;
  text: string;
  relative: string;
  typed?: TypedPrefetch;
  answered: boolean;
  facts?: Map<string, unknown>;
  prepared?: Map<string, unknown>;
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
  /** For tests: how many checks' facts (or prepared parts) were taken from the worker. */
  served = 0;
  private warmedUp = false;
  private warmedUpTyped = false;

  /**
   * Prefetches for `absolute` from now on. For the first file (and when a type-aware part is first known), the
   * worker does the job for `text` now, so that it runs compiled code when a re-lint needs it. Only then: in
   * `eslint .` every file is linted once, and a job per file would be work for nothing.
   */
  track(absolute: string, target: PrefetchTarget, text: string): void {
    if (this.disabled) return;
    this.targets.delete(absolute);
    this.targets.set(absolute, target);
    if (this.targets.size > MAX_TARGETS) {
      const oldest = this.targets.keys().next().value!;
      this.targets.delete(oldest);
      this.jobs.delete(oldest);
    }
    const warmUp = !this.warmedUp || (!this.warmedUpTyped && target.typed !== undefined);
    if (!warmUp) return;
    this.warmedUp = true;
    this.warmedUpTyped ||= target.typed !== undefined;
    this.post(absolute, text, target, true);
  }

  /** Starts extracting the facts of `text` as the content of `absolute`, when that file is tracked. */
  start(absolute: string, text: string): void {
    const target = this.targets.get(absolute);
    const last = this.jobs.get(absolute);
    if (target && !(last?.text === text && !last.warmUp)) this.post(absolute, text, target, false);
  }

  private post(absolute: string, text: string, target: PrefetchTarget, warmUp: boolean): void {
    if (this.disabled) return;
    const worker = this.workerOrUndefined();
    if (!worker) return;
    const id = this.nextId++;
    Atomics.store(this.signal!, 1, id);
    this.jobs.set(absolute, { id, warmUp, text, relative: target.relative, typed: target.typed, answered: false });
    const job: PrefetchJob = { id, absolute, text, ...target };
    worker.postMessage(job);
  }

  /** The prefetched facts of one check for this exact text, or undefined when there are none. */
  take(absolute: string, relative: string, text: string, key: string): { facts: unknown } | undefined {
    const job = this.answeredJob(absolute, relative, text);
    if (!job?.facts?.has(key)) return undefined;
    this.served++;
    return { facts: job.facts.get(key) };
  }

  /**
   * What a type-aware check's `prepare` gave for this exact text, parsed like `sourceFile` (the file in
   * `parserServices.program`) by the TypeScript `ts` comes from; undefined when there is none.
   */
  takePrepared(absolute: string, relative: string, sourceFile: TS.SourceFile, ts: TypescriptSource, key: string): { prepared: unknown } | undefined {
    const job = this.answeredJob(absolute, relative, sourceFile.text);
    const typed = job?.typed;
    if (!typed || !job.prepared?.has(key) || !sameSource(typed.ts, ts)) return undefined;
    if (typed.languageVersion !== sourceFile.languageVersion || typed.scriptKind !== scriptKindOf(sourceFile)) return undefined;
    this.served++;
    return { prepared: job.prepared.get(key) };
  }

  private answeredJob(absolute: string, relative: string, text: string): Job | undefined {
    const job = this.jobs.get(absolute);
    if (!job || job.warmUp || job.relative !== relative || job.text !== text) return undefined;
    if (!job.answered) this.waitFor(job);
    return job;
  }

  /**
   * Starts the worker (when there is one) and has it load what a project's jobs will need while the first lint
   * builds the index: the first jobs then run compiled code.
   */
  preload(cwd: string, typescripts: TypescriptSource[]): void {
    if (this.disabled) return;
    const message: PrefetchPreload = { preload: { cwd, typescripts } };
    this.workerOrUndefined()?.postMessage(message);
  }

  /** Forgets the tracked files (a new session); the worker stays. */
  forget(): void {
    this.targets.clear();
    this.jobs.clear();
  }

  /** Waits for the job's reply, unless the worker has not started it yet (it is busy): the lint is then faster alone. */
  private waitFor(job: Job): void {
    const signal = this.signal!;
    const deadline = performance.now() + WAIT_MS;
    for (;;) {
      const seen = Atomics.load(signal, 0);
      this.receive();
      if (job.answered || Atomics.load(signal, 2) < job.id) return;
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
        if (reply.prepared) job.prepared = new Map(reply.prepared);
      }
    }
  }

  private workerOrUndefined(): Worker | undefined {
    if (this.worker) return this.worker;
    try {
      const { port1, port2 } = new MessageChannel();
      const signal = new SharedArrayBuffer(12);
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

function sameSource(a: TypescriptSource, b: TypescriptSource): boolean {
  return a.path === b.path && a.member === b.member;
}

/** `scriptKind` is internal to TypeScript, but set on every source file it parses. */
export function scriptKindOf(sourceFile: TS.SourceFile): number {
  return (sourceFile as unknown as { scriptKind: number }).scriptKind;
}
