import { viewOf } from '../core/index.js';
import { createTask, type TaskContext } from '../benchmarks/index.js';
import { createOptimizer } from '../optimizers/index.js';
import { runLoop } from './runLoop.js';
import type { SqliteStore } from './store/index.js';

export interface RunOutcome {
  readonly runId: number;
  readonly status: 'done' | 'failed' | 'skipped';
  readonly trials: number;
  readonly replayed: number;
  readonly error?: string;
}

export interface ExecuteOptions {
  readonly context?: TaskContext;
  readonly trialTimeout?: number;
}

/**
 * Executes (or resumes) one stored run: rebuilds task and optimizer from the registry by
 * (name, options, seed), replays recorded trials, continues to the budget. Never throws:
 * a failure of the optimizer or the task ends the run 'failed' with the error stored.
 */
export async function executeRun(store: SqliteStore, runId: number, options: ExecuteOptions = {}): Promise<RunOutcome> {
  if (!store.claimRun(runId)) return { runId, status: 'skipped', trials: 0, replayed: 0 };
  const run = store.getRun(runId);
  let trials = 0;
  let replayed = 0;
  try {
    const task = await createTask(run.task, options.context ?? {});
    try {
      const optimizer = createOptimizer(run.optimizer, viewOf(task), run.seed, run.optimizerOptions);
      try {
        const result = await runLoop({
          runId, task, optimizer, seed: run.seed, nTrials: run.nTrials, timeBudget: run.timeBudget,
          trialTimeout: options.trialTimeout,
          recorded: store.trials(runId),
          persist: (trial) => store.appendTrial(trial),
          discardFrom: (index) => store.deleteTrialsFrom(runId, index),
          onTrial: () => trials++,
        });
        replayed = result.replayed;
        store.finishRun(runId, 'done', result.budgetUsed);
        return { runId, status: 'done', trials: result.trials, replayed };
      } finally {
        await optimizer.close?.();
      }
    } finally {
      await task.close?.();
    }
  } catch (error) {
    const message = describeError(error);
    store.finishRun(runId, 'failed', 0, message);
    return { runId, status: 'failed', trials, replayed, error: message };
  }
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}
