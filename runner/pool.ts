import { availableParallelism } from 'node:os';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { executeRun, type RunOutcome } from './executeRun.js';
import { loadPlugins } from './plugins.js';
import type { Store } from './store/index.js';
import type { DrainReply, DrainRequest, InterruptRequest } from './workerMessages.js';

export interface PoolOptions {
  /** Worker threads; 0 runs everything in this thread (debugging). Default: number of cores. */
  readonly workers?: number;
  /** Heap limit per worker thread in MiB; a run that exceeds it ends 'failed'. */
  readonly memoryLimitMb?: number;
  readonly dataDir?: string;
  readonly trialTimeout?: number;
  /** Plugin modules (paths or URLs) that register optimizers / task collections, loaded in every worker. */
  readonly plugins?: readonly string[];
  readonly onOutcome?: (outcome: RunOutcome) => void;
  /** Aborting it interrupts the runs: no new run starts, running ones stop and are stored 'interrupted'. */
  readonly signal?: AbortSignal;
  /** A pool started earlier (RunPool.start), reused instead of starting and stopping one here. */
  readonly pool?: RunPool;
}

export function defaultWorkerCount(): number {
  return availableParallelism();
}

/**
 * Worker threads that execute runs, each worker with its own store connection. Starting one
 * costs about 100 ms (every worker loads the registries' modules), so a caller that executes
 * several batches of runs, or has planning to do first, starts it early and reuses it.
 * Each worker drains the list of runs through a shared counter (no main-thread round trip
 * between runs). A worker that dies (out of memory, native crash) fails only the run it was
 * executing; a fresh worker takes over what is left.
 */
export class RunPool {
  private constructor(readonly workers: number, private readonly memoryLimitMb: number | undefined, private readonly threads: Piscina<DrainRequest, DrainReply> | undefined) {}

  /** Spawns the workers now; they load their modules while the caller goes on. */
  static start(options: Pick<PoolOptions, 'workers' | 'memoryLimitMb'> = {}): RunPool {
    const workers = options.workers ?? defaultWorkerCount();
    const threads = workers === 0 ? undefined : new Piscina<DrainRequest, DrainReply>({
      filename: new URL('./workerEntry.cjs', import.meta.url).href,
      minThreads: workers,
      maxThreads: workers,
      idleTimeout: 1000,
      resourceLimits: options.memoryLimitMb ? { maxOldGenerationSizeMb: options.memoryLimitMb } : undefined,
    });
    return new RunPool(workers, options.memoryLimitMb, threads);
  }

  async execute(store: Store, runIds: readonly number[], options: Omit<PoolOptions, 'workers' | 'memoryLimitMb' | 'pool'> = {}): Promise<RunOutcome[]> {
    const plugins = await loadPlugins(options.plugins ?? []);
    const report = (outcome: RunOutcome) => {
      options.onOutcome?.(outcome);
      return outcome;
    };
    const threads = this.threads;
    if (!threads) {
      const outcomes: RunOutcome[] = [];
      for (const runId of runIds) {
        if (options.signal?.aborted) break;
        outcomes.push(report(await executeRun(store, runId, { context: { dataDir: options.dataDir }, trialTimeout: options.trialTimeout, signal: options.signal })));
      }
      return outcomes;
    }
    const outcomes = new Map<number, RunOutcome>();
    const record = (outcome: RunOutcome) => {
      if (!outcomes.has(outcome.runId)) outcomes.set(outcome.runId, report(outcome));
    };
    const next = new Int32Array(new SharedArrayBuffer(4));
    let fatal: unknown;
    // On an interruption: no worker takes another run, and each stops the one it executes.
    const ports = new Set<MessagePort>();
    const interrupt = () => {
      Atomics.store(next, 0, runIds.length);
      for (const port of ports) port.postMessage({ kind: 'interrupt' } satisfies InterruptRequest);
    };
    options.signal?.addEventListener('abort', interrupt, { once: true });
    const drain = async (): Promise<void> => {
      if (options.signal?.aborted) return;
      const current = new Int32Array(new SharedArrayBuffer(4)).fill(-1);
      const { port1, port2 } = new MessageChannel();
      port1.on('message', record);
      ports.add(port1);
      const request: DrainRequest = { kind: 'drain', storeLocation: store.location, runIds, next: next.buffer as SharedArrayBuffer, current: current.buffer as SharedArrayBuffer, progress: port2, dataDir: options.dataDir, trialTimeout: options.trialTimeout, plugins };
      try {
        const reply = await threads.run(request, { transferList: [port2] });
        reply.outcomes.forEach(record);
      } catch (error) {
        const index = Atomics.load(current, 0);
        if (index < 0) {
          // Failed outside any run (e.g. a plugin that only fails in workers): stop handing out runs.
          fatal ??= error;
          Atomics.store(next, 0, runIds.length);
          return;
        }
        // The worker died inside a run: its trials so far are stored; mark it failed.
        const runId = runIds[index];
        const message = workerDeathMessage(error, this.memoryLimitMb);
        await store.recoverTrials(runId);
        await store.finishRun(runId, 'failed', (await store.getRun(runId)).budgetUsed, message);
        record({ runId, status: 'failed', trials: 0, replayed: 0, error: message });
        if (Atomics.load(next, 0) < runIds.length) await drain(); // a fresh worker takes over
      } finally {
        ports.delete(port1);
        port1.close();
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.workers, runIds.length) }, drain));
    options.signal?.removeEventListener('abort', interrupt);
    if (fatal !== undefined) throw fatal;
    return Promise.all(runIds.map((runId) => outcomes.get(runId) ?? outcomeFromStore(store, runId)));
  }

  async close(): Promise<void> {
    await this.threads?.destroy();
  }
}

/** Executes runs on `options.pool`, or on a pool started for this call and stopped after it. */
export async function executeRuns(store: Store, runIds: readonly number[], options: PoolOptions = {}): Promise<RunOutcome[]> {
  if (options.pool) return options.pool.execute(store, runIds, options);
  const pool = RunPool.start(options);
  try {
    return await pool.execute(store, runIds, options);
  } finally {
    await pool.close();
  }
}

/** A run whose outcome message was lost with its worker: what the store says about it. */
async function outcomeFromStore(store: Store, runId: number): Promise<RunOutcome> {
  const run = await store.getRun(runId);
  const trials = (await store.trials(runId)).length;
  if (run.status === 'pending') return { runId, status: 'skipped', trials, replayed: 0 }; // not started (interrupted experiment)
  if (run.status === 'interrupted') return { runId, status: 'interrupted', trials, replayed: 0 };
  return run.status === 'done' ? { runId, status: 'done', trials, replayed: 0 } : { runId, status: 'failed', trials, replayed: 0, error: run.error ?? `run left '${run.status}'` };
}

function workerDeathMessage(error: unknown, memoryLimitMb?: number): string {
  const err = error as { code?: string; message?: string };
  if (err?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return `memoryout: the run exceeded the worker memory limit (${memoryLimitMb ?? 'default'} MiB heap). ${err.message ?? ''}`.trim();
  }
  return `worker died: ${err?.message ?? String(error)}`;
}
