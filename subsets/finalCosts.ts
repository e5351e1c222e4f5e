import type { TaskType } from '../core/index.js';
import type { RunRecord, TrialRecord } from '../runner/store/types.js';
import type { FinalCostRow } from './embedding.js';

/** What the embedding reads from a store (runner/store's Store has it). */
export interface RunSource {
  runTrials(experiment: string): AsyncIterable<{ run: RunRecord; trials: TrialRecord[] }>;
}

/** Task type of a task id; `undefined` when unknown (then it is inferred from the trials). */
export type TaskTypeLookup = (task: string) => TaskType | undefined;

/**
 * Best cost over a run's ok trials: the minimum, or for vector costs the minimum of each
 * objective separately. `undefined` when no trial is ok with a finite cost.
 */
export function finalCost(trials: readonly TrialRecord[]): number | number[] | undefined {
  let best: number | number[] | undefined;
  for (const trial of trials) {
    const cost = trial.cost;
    if (trial.status !== 'ok' || cost === null) continue;
    if (typeof cost === 'number') {
      if (Number.isFinite(cost) && (best === undefined || cost < (best as number))) best = cost;
    } else if (cost.every(Number.isFinite)) {
      best = best === undefined ? [...cost] : (best as number[]).map((b, o) => Math.min(b, cost[o]));
    }
  }
  return best;
}

/** Task type from the trials alone: vector costs are multi-objective, trials with a fidelity multi-fidelity. */
export function inferTaskType(trials: readonly TrialRecord[]): TaskType {
  const multiObjective = trials.some((t) => Array.isArray(t.cost));
  const multiFidelity = trials.some((t) => t.fidelity !== null);
  if (multiFidelity) return multiObjective ? 'multi-fidelity-multi-objective' : 'multi-fidelity';
  return multiObjective ? 'multi-objective' : 'blackbox';
}

/**
 * One row per finished ('done') run of the experiment with at least one ok trial; the optimizer
 * is the run's label (the optimizer's name unless the spec named the entry).
 */
export async function finalCostRows(source: RunSource, experiment: string, typeOf: TaskTypeLookup): Promise<FinalCostRow[]> {
  const rows: FinalCostRow[] = [];
  for await (const { run, trials } of source.runTrials(experiment)) {
    if (run.status !== 'done') continue;
    const cost = finalCost(trials);
    if (cost === undefined) continue;
    rows.push({ task: run.task, taskType: typeOf(run.task) ?? inferTaskType(trials), optimizer: run.optimizerLabel, seed: run.seed, finalCost: cost });
  }
  return rows;
}
