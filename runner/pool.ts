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
}

export function defaultWorkerCount(): number {
  return availableParallelism();
}

/**
 * Executes runs on piscina worker threads, each worker with its own store connection.
 * A worker that dies (out of memory, native crash) fails only the run it was executing.
 */
export async function executeRuns(store: SqliteStore, runIds: readonly number[], options: PoolOptions = {}): Promise<RunOutcome[]> {
  const workers = options.workers ?? defaultWorkerCount();
  const plugins = await loadPlugins(options.plugins ?? []);
  const report = (outcome: RunOutcome) => {
    options.onOutcome?.(outcome);
    return outcome;
  };
  if (workers === 0) {
    const outcomes: RunOutcome[] = [];
    for (const runId of runIds) {
      outcomes.push(report(await executeRun(store, runId, { context: { dataDir: options.dataDir }, trialTimeout: options.trialTimeout })));
    }
    return outcomes;
  }
  const pool = new Piscina<RunRequest, RunReply>({
    filename: new URL('./worker.js', import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
    idleTimeout: 1000,
    resourceLimits: options.memoryLimitMb ? { maxOldGenerationSizeMb: options.memoryLimitMb } : undefined,
  });
  try {
    return await Promise.all(
      runIds.map(async (runId) => {
        const request: RunRequest = { kind: 'run', storePath: store.path, runId, dataDir: options.dataDir, trialTimeout: options.trialTimeout, plugins };
        try {
          const reply = await pool.run(request);
          return report(reply.outcome);
        } catch (error) {
          // The worker itself died: the run's trials so far are stored; mark it failed.
          const message = workerDeathMessage(error, options.memoryLimitMb);
          recoverJournal(store, runId);
          const run = store.getRun(runId);
          store.finishRun(runId, 'failed', run.budgetUsed, message);
          return report({ runId, status: 'failed', trials: 0, replayed: 0, error: message });
        }
      }),
    );
  } finally {
    await pool.destroy();
  }
}

function workerDeathMessage(error: unknown, memoryLimitMb?: number): string {
  const err = error as { code?: string; message?: string };
  if (err?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return `memoryout: the run exceeded the worker memory limit (${memoryLimitMb ?? 'default'} MiB heap). ${err.message ?? ''}`.trim();
  }
  return `worker died: ${err?.message ?? String(error)}`;
}
