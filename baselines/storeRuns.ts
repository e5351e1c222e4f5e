import type { RunRecord, Store, TrialRecord } from '../runner/index.js';
import { shippedTrial, trialRecords, type ShippedRun } from './runFile.js';

/** A finished run read from a store, in the shipped form. */
export function toShippedRun(run: RunRecord, trials: readonly TrialRecord[]): ShippedRun {
  return {
    optimizer: run.optimizer, optimizerLabel: run.optimizerLabel, optimizerOptions: run.optimizerOptions,
    task: run.task, seed: run.seed, nTrials: run.nTrials, timeBudget: run.timeBudget, budgetUsed: run.budgetUsed,
    trials: trials.map(shippedTrial),
  };
}

/**
 * Adds runs with their trials to an experiment through the store's public methods, each
 * stored as 'done' (or as the status given), optionally under another label; the experiment
 * is created when it does not exist.
 */
export async function addFinishedRuns(
  store: Store, experiment: string,
  runs: readonly { readonly run: ShippedRun; readonly label?: string; readonly status?: RunRecord['status']; readonly error?: string | null }[],
): Promise<void> {
  const key = (label: string, task: string, seed: number) => `${label}\u0000${task}\u0000${seed}`;
  if (!(await store.getExperiment(experiment))) await store.ensureExperiment(experiment, { source: 'shipped runs' });
  await store.addRuns(experiment, runs.map(({ run, label }) => ({
    optimizer: run.optimizer, optimizerLabel: label ?? run.optimizerLabel, optimizerOptions: run.optimizerOptions,
    task: run.task, seed: run.seed, nTrials: run.nTrials, timeBudget: run.timeBudget ?? undefined,
  })));
  const ids = new Map((await store.listRuns(experiment)).map((r) => [key(r.optimizerLabel, r.task, r.seed), r.id]));
  for (const { run, label, status = 'done', error = null } of runs) {
    const id = ids.get(key(label ?? run.optimizerLabel, run.task, run.seed))!;
    await store.appendTrials(trialRecords(run, id));
    if (status === 'done' || status === 'failed') await store.finishRun(id, status, run.budgetUsed, error);
  }
}
