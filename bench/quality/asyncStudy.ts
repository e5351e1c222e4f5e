import { viewOf, type Task } from '../../core/index.js';
import { createTask, listTasks, type TaskContext } from '../../benchmarks/index.js';
import { createOptimizer } from '../../optimizers/registry.js';
import { runLoop } from '../../runner/runLoop.js';
import { selectTasks } from '../../runner/taskSelection.js';
import { median } from '../figure.js';

/** Asynchronous successive halving and Hyperband, synchronous Hyperband (rungs wait for every trial), random search. */
export const ASYNC_METHODS = ['asha', 'async-hyperband', 'hyperband', 'random'] as const;
export type AsyncMethod = (typeof ASYNC_METHODS)[number];

export interface AsyncTaskResult {
  readonly task: string;
  /** Simulated seconds every run of the task gets. */
  readonly timeBudget: number;
  /** Per method and seed: best cost found within the simulated time budget. */
  readonly best: Readonly<Record<AsyncMethod, number[]>>;
}

/** Trials in flight, as in the study. */
export const STUDY_K = 4;

/** Best cost (any fidelity: lcbench's validation metric after e epochs is a model one could keep, as Syne Tune counts it) of one run with K trials in flight. */
async function bestWithin(method: AsyncMethod, task: Task, seed: number, timeBudget: number): Promise<number> {
  const optimizer = createOptimizer(method, { ...viewOf(task), parallelTrials: STUDY_K }, seed, {}, STUDY_K);
  let best = Infinity;
  await runLoop({
    runId: 1, task, optimizer, seed, parallelTrials: STUDY_K, timeBudget,
    // The simulated clock ends the run, not the trial count.
    nTrials: Number.MAX_SAFE_INTEGER,
    recorded: [], persist: () => {}, discardFrom: () => {},
    onTrial: (r) => {
      if (typeof r.cost === 'number' && r.cost < best) best = r.cost;
    },
  });
  return best;
}

/** The simulated time random search with K workers needs for the task's CARP-S n_trials at full fidelity (median over 3 seeds): the budget every method gets. */
async function timeBudgetOf(task: Task): Promise<number> {
  const makespans: number[] = [];
  for (let seed = 1; seed <= 3; seed++) {
    let end = 0;
    const optimizer = createOptimizer('random', { ...viewOf(task), parallelTrials: STUDY_K }, seed, {}, STUDY_K);
    await runLoop({
      runId: 1, task, optimizer, seed: 900 + seed, parallelTrials: STUDY_K, nTrials: task.budget.nTrials,
      recorded: [], persist: () => {}, discardFrom: () => {}, onTrial: (r) => void (end = Math.max(end, r.simEnd ?? 0)),
    });
    makespans.push(end);
  }
  return median(makespans);
}

/**
 * Issue 19's study: on each task every method runs `seeds` times with K = 4 trials in flight on
 * the simulated clock, for the same simulated time (what random search needs for the task's
 * n_trials at full fidelity), through the runner's own loop.
 */
export async function asyncStudy(options: { tasks: readonly string[]; seeds: number; context?: TaskContext }): Promise<AsyncTaskResult[]> {
  const ids = selectTasks(options.tasks, listTasks(options.context)).filter((t) => t.type === 'multi-fidelity').map((t) => t.id);
  const results: AsyncTaskResult[] = [];
  for (const id of ids) {
    const task = await createTask(id, options.context);
    try {
      const timeBudget = await timeBudgetOf(task);
      const best = {} as Record<AsyncMethod, number[]>;
      for (const method of ASYNC_METHODS) {
        best[method] = [];
        for (let seed = 1; seed <= options.seeds; seed++) best[method].push(await bestWithin(method, task, seed, timeBudget));
      }
      results.push({ task: id, timeBudget, best });
    } finally {
      await task.close?.();
    }
  }
  return results;
}

/**
 * Mean normalized regret per method: per task, (best - lowest) / (highest - lowest) over every
 * run of every method on that task (0: the best any run found, 1: the worst final result).
 */
export function meanNormalizedRegret(results: readonly AsyncTaskResult[]): Record<AsyncMethod, number> {
  const sums = Object.fromEntries(ASYNC_METHODS.map((m) => [m, [] as number[]])) as Record<AsyncMethod, number[]>;
  for (const result of results) {
    const all = ASYNC_METHODS.flatMap((m) => result.best[m]).filter(Number.isFinite);
    const low = Math.min(...all);
    const span = Math.max(...all) - low;
    for (const m of ASYNC_METHODS) for (const b of result.best[m]) sums[m].push(!Number.isFinite(b) ? 1 : span > 0 ? (b - low) / span : 0);
  }
  return Object.fromEntries(ASYNC_METHODS.map((m) => [m, sums[m].reduce((s, v) => s + v, 0) / Math.max(1, sums[m].length)])) as Record<AsyncMethod, number>;
}
