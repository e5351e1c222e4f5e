import { SpecError, type OptimizerFactory } from '../../core/index.js';
import { pendingCapableOptimizers } from '../../optimizers/index.js';

/** K must be a positive integer; K > 1 needs an optimizer that takes asks before tells. */
export function checkParallelTrials(factory: OptimizerFactory, parallelTrials: number, where = '--parallel-trials'): void {
  if (!Number.isInteger(parallelTrials) || parallelTrials < 1) {
    throw new SpecError(`${where} must be a positive integer (trials in flight per run), got ${JSON.stringify(parallelTrials)}.`);
  }
  if (parallelTrials > 1 && factory.supportsPending !== true) {
    throw new SpecError(
      `Optimizer '${factory.name}' cannot run with ${parallelTrials} parallel trials: it needs each trial told before the next ask. ` +
        `Use --parallel-trials 1 for it, or one of the optimizers that handle pending trials: ${pendingCapableOptimizers().join(', ')}.`,
    );
  }
}

/** A time budget on the simulated clock needs tasks that say how long a trial takes (a Task's or a TaskDescriptor's simulatedTime). */
export function checkSimulatedTime(task: { id: string; simulatedTime?: unknown }, run: { parallelTrials: number; timeBudget: number | null }): void {
  if (run.parallelTrials > 1 && run.timeBudget != null && task.simulatedTime === undefined) {
    throw new SpecError(
      `Task '${task.id}' reports no simulated time (no virtual time, measured time or cost model), so a time budget cannot be counted ` +
        `on the simulated clock of ${run.parallelTrials} parallel trials: drop --time-budget (n_trials still applies) or use --parallel-trials 1.`,
    );
  }
}
