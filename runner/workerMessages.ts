import type { MessagePort } from 'node:worker_threads';
import type { RunOutcome } from './executeRun.js';

/**
 * Main thread -> worker: execute runs of the store at `storeLocation` (a SQLite path or a
 * PostgreSQL URL) until none is left. Every
 * worker of a pool drains the same list through one shared counter, so a worker goes from one
 * run to the next without a round trip to the main thread.
 */
export interface DrainRequest {
  readonly kind: 'drain';
  readonly storeLocation: string;
  readonly runIds: readonly number[];
  /** Int32Array[1] over shared memory: the next index into runIds to take (Atomics.add). */
  readonly next: SharedArrayBuffer;
  /** Int32Array[1] over shared memory, this worker's own: the index it executes now, -1 between runs. Read by the main thread if the worker dies. */
  readonly current: SharedArrayBuffer;
  /** Each run's outcome as it ends (progress display). */
  readonly progress: MessagePort;
  readonly dataDir?: string;
  readonly trialTimeout?: number;
  /** Modules imported first: they register extra optimizers and task collections. */
  readonly plugins: readonly string[];
}

/** Main thread -> worker, on the progress port: stop the run being executed (Ctrl-C); it is stored 'interrupted'. */
export interface InterruptRequest {
  readonly kind: 'interrupt';
}

/** Worker -> main thread: always a reply, never a throw across threads (executeRun never throws). */
export interface DrainReply {
  readonly kind: 'drained';
  readonly outcomes: readonly RunOutcome[];
}
