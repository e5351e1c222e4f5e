import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { executeRun, type RunOutcome } from './executeRun.js';
import { loadPlugins } from './plugins.js';
import { recoverJournal, type SqliteStore } from './store/index.js';
import type { RunReply, RunRequest } from './workerMessages.js';

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
 * A worker that dies (out of memory, native crash) fails only the run it was executing.
 */
export class RunPool {
  private constructor(readonly workers: number, private readonly memoryLimitMb: number | undefined, private readonly threads: Piscina<RunRequest, RunReply> | undefined) {}

  /** Spawns the workers now; they load their modules while the caller goes on. */
  static start(options: Pick<PoolOptions, 'workers' | 'memoryLimitMb'> = {}): RunPool {
    const workers = options.workers ?? defaultWorkerCount();
    const threads = workers === 0 ? undefined : new Piscina<RunRequest, RunReply>({
      filename: new URL('./worker.js', import.meta.url).href,
      minThreads: workers,
      maxThreads: workers,
      idleTimeout: 1000,
      resourceLimits: options.memoryLimitMb ? { maxOldGenerationSizeMb: options.memoryLimitMb } : undefined,
    });
    return new RunPool(workers, options.memoryLimitMb, threads);
  }

  async execute(store: SqliteStore, runIds: readonly number[], options: Omit<PoolOptions, 'workers' | 'memoryLimitMb' | 'pool'> = {}): Promise<RunOutcome[]> {
    const plugins = await loadPlugins(options.plugins ?? []);
    const report = (outcome: RunOutcome) => {
      options.onOutcome?.(outcome);
      return outcome;
    };
    const threads = this.threads;
    if (!threads) {
      const outcomes: RunOutcome[] = [];
      for (const runId of runIds) {
        outcomes.push(report(await executeRun(store, runId, { context: { dataDir: options.dataDir }, trialTimeout: options.trialTimeout })));
      }
      return outcomes;
    }
    return Promise.all(
      runIds.map(async (runId) => {
        const request: RunRequest = { kind: 'run', storePath: store.path, runId, dataDir: options.dataDir, trialTimeout: options.trialTimeout, plugins };
        try {
          const reply = await threads.run(request);
          return report(reply.outcome);
        } catch (error) {
          // The worker itself died: the run's trials so far are stored; mark it failed.
          const message = workerDeathMessage(error, this.memoryLimitMb);
          recoverJournal(store, runId);
          const run = store.getRun(runId);
          store.finishRun(runId, 'failed', run.budgetUsed, message);
          return report({ runId, status: 'failed', trials: 0, replayed: 0, error: message });
        }
      }),
    );
  }

  async close(): Promise<void> {
    await this.threads?.destroy();
  }
}

/** Executes runs on `options.pool`, or on a pool started for this call and stopped after it. */
export async function executeRuns(store: SqliteStore, runIds: readonly number[], options: PoolOptions = {}): Promise<RunOutcome[]> {
  if (options.pool) return options.pool.execute(store, runIds, options);
  const pool = RunPool.start(options);
  try {
    return await pool.execute(store, runIds, options);
  } finally {
    await pool.close();
  }
}

function workerDeathMessage(error: unknown, memoryLimitMb?: number): string {
  const err = error as { code?: string; message?: string };
  if (err?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return `memoryout: the run exceeded the worker memory limit (${memoryLimitMb ?? 'default'} MiB heap). ${err.message ?? ''}`.trim();
  }
  return `worker died: ${err?.message ?? String(error)}`;
}
