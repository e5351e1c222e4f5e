import { viewOf } from '../core/index.js';
import { createTask, type TaskContext } from '../benchmarks/index.js';
import { createOptimizer } from '../optimizers/index.js';
import { runLoop } from './runLoop.js';
import { checkSimulatedTime } from './parallel/parallelChecks.js';
import type { ClaimOptions, Store, TrialWriter } from './store/index.js';
import { RunInterrupted } from './interruption.js';

export interface RunOutcome {
  readonly runId: number;
  readonly status: 'done' | 'failed' | 'skipped' | 'interrupted';
  readonly trials: number;
  readonly replayed: number;
  readonly error?: string;
}

export interface ExecuteOptions {
  readonly context?: TaskContext;
  readonly trialTimeout?: number;
  /** Aborted on an interruption: the run stops, is stored 'interrupted' with its trials, and resumes on the next run. */
  readonly signal?: AbortSignal;
  /** Who claims the run (stores shared between machines keep it, with a lease). */
  readonly claim?: ClaimOptions;
}

/**
 * Executes (or resumes) one stored run: rebuilds task and optimizer from the registry by
 * (name, options, seed), replays recorded trials, continues to the budget. Never throws:
 * a failure of the optimizer or the task ends the run 'failed' with the error stored.
 */
export async function executeRun(store: Store, runId: number, options: ExecuteOptions = {}): Promise<RunOutcome> {
  const claimed = await store.claimRunWithTrials(runId, options.claim);
  if (!claimed) return { runId, status: 'skipped', trials: 0, replayed: 0 };
  const run = claimed.run;
  const closers: Array<() => void | Promise<void>> = [];
  let trials = 0;
  let replayed = 0;
  let budgetUsed = 0;
  let journal: TrialWriter | undefined;
  try {
    journal = await store.openTrialWriter(runId);
    const runJournal = journal;
    closers.push(() => runJournal.close());
    const task = await createTask(run.task, options.context ?? {});
    closers.push(() => task.close?.());
    // The optimizer plans with the run's budget (an experiment may override the task's n_trials / time budget).
    const view = viewOf(task);
    const budget = { ...view.budget, nTrials: run.nTrials, ...(run.timeBudget != null ? { seconds: run.timeBudget } : {}) };
    checkSimulatedTime(task, run);
    const parallel = run.parallelTrials > 1 ? { parallelTrials: run.parallelTrials } : {};
    const optimizer = createOptimizer(run.optimizer, { ...view, budget, ...parallel }, run.seed, run.optimizerOptions, run.parallelTrials);
    closers.push(() => optimizer.close?.());
    const result = await runLoop({
      runId, task, optimizer, seed: run.seed, nTrials: run.nTrials, timeBudget: run.timeBudget, parallelTrials: run.parallelTrials,
      trialTimeout: options.trialTimeout, signal: options.signal,
      // Trials of an interrupted attempt: read when claimed, plus what its journal still held.
      recorded: journal.recovered > 0 ? await store.trials(runId) : claimed.trials,
      persist: (trial) => runJournal.append(trial),
      discardFrom: (index) => runJournal.discardFrom(index),
      onTrial: (trial) => {
        trials++;
        budgetUsed = trial.budgetUsed;
      },
    });
    replayed = result.replayed;
    await store.finishRun(runId, 'done', result.budgetUsed, null, await journal.takePending());
    return { runId, status: 'done', trials: result.trials, replayed };
  } catch (error) {
    if (error instanceof RunInterrupted || (options.signal?.aborted && journal)) {
      // Interrupted (or failed because its program was killed by the interruption): resumable, not failed.
      await store.interruptRun(runId, budgetUsed, (await journal?.takePending()) ?? []);
      return { runId, status: 'interrupted', trials, replayed };
    }
    const message = describeError(error, runId);
    await store.finishRun(runId, 'failed', 0, message);
    return { runId, status: 'failed', trials, replayed, error: message };
  } finally {
    // Optimizer, then task, then journal (which flushes the last trials).
    for (const close of closers.reverse()) {
      try {
        await close();
      } catch {
        // a failing close must not hide the run's outcome
      }
    }
  }
}

/**
 * The error stored with a failed run: name and message (an external optimizer's message ends
 * with its program's last stderr lines). The harness's own stack frames say nothing about the
 * optimizer or task, so they are left out; `run --verbose` prints them to stderr.
 */
export function describeError(error: unknown, runId?: number): string {
  if (!(error instanceof Error)) return String(error);
  if (process.env.HPOARENA_VERBOSE === '1' && error.stack) console.error(`hpoarena: run ${runId ?? '?'} failed:\n${error.stack}`);
  return `${error.name}: ${error.message}`;
}
