import * as aq from 'arquero';
import { SpecError, UnknownNameError } from '../../core/index.js';
import { globToRegExp, type Store } from '../../runner/index.js';

/** A run row of the `runs` table. */
export interface RunRow {
  readonly run_id: number;
  readonly optimizer: string;
  readonly task: string;
  readonly seed: number;
  readonly status: string;
  readonly n_trials: number;
  readonly budget_used: number;
  readonly error: string | null;
}

/**
 * Stage 1 (load): an experiment as two arquero tables.
 * runs:   run_id, optimizer (the label), task, seed, status, n_trials (budget), budget_used, error
 * trials: run_id, optimizer, task, seed, trial, status, cost (single objective, null when crashed),
 *         costs (objective vector for multi-objective tasks), fidelity, budget_used,
 *         fraction (budget_used / the run's n_trials), wall_time, virtual_time
 * Every run of the selected tasks is kept, whatever its status: later stages count them.
 */
export interface LoadedExperiment {
  readonly experiment: string;
  readonly runs: aq.ColumnTable;
  readonly trials: aq.ColumnTable;
}

export async function loadExperiment(store: Store, experiment: string, tasks?: readonly string[]): Promise<LoadedExperiment> {
  if (!(await store.getExperiment(experiment))) {
    throw new UnknownNameError(`experiment (store '${store.label}')`, experiment, (await store.listExperiments()).map((e) => e.name));
  }
  const allRuns = await store.listRuns(experiment);
  const selectors = (tasks ?? []).map((p) => globToRegExp(p));
  const runs = selectors.length ? allRuns.filter((r) => selectors.some((s) => s.test(r.task))) : allRuns;
  if (runs.length === 0) {
    const known = [...new Set(allRuns.map((r) => r.task))];
    throw new SpecError(tasks?.length
      ? `No run of experiment '${experiment}' matches --tasks ${tasks.join(', ')}. Its tasks: ${known.slice(0, 20).join(', ')}${known.length > 20 ? ', ...' : ''}.`
      : `Experiment '${experiment}' has no runs yet. Run it first with \`hpoarena run\`.`);
  }
  const byId = new Map(runs.map((r) => [r.id, r]));
  const columns = {
    run_id: [] as number[], optimizer: [] as string[], task: [] as string[], seed: [] as number[], trial: [] as number[],
    status: [] as string[], cost: [] as (number | null)[], costs: [] as (number[] | null)[], fidelity: [] as (number | null)[],
    budget_used: [] as number[], fraction: [] as number[], wall_time: [] as number[], virtual_time: [] as number[],
  };
  for await (const { run, trials } of store.runTrials(experiment)) {
    if (!byId.has(run.id)) continue;
    for (const trial of trials) {
    columns.run_id.push(run.id);
    columns.optimizer.push(run.optimizerLabel);
    columns.task.push(run.task);
    columns.seed.push(run.seed);
    columns.trial.push(trial.index);
    columns.status.push(trial.status);
    const cost = trial.cost;
    columns.cost.push(typeof cost === 'number' ? cost : null);
    columns.costs.push(Array.isArray(cost) ? cost : null);
    columns.fidelity.push(trial.fidelity);
    columns.budget_used.push(trial.budgetUsed);
    columns.fraction.push(run.nTrials > 0 ? trial.budgetUsed / run.nTrials : 1);
    columns.wall_time.push(trial.wallTime);
    columns.virtual_time.push(trial.virtualTime);
    }
  }
  return {
    experiment,
    runs: aq.table({
      run_id: runs.map((r) => r.id), optimizer: runs.map((r) => r.optimizerLabel), task: runs.map((r) => r.task),
      seed: runs.map((r) => r.seed), status: runs.map((r) => r.status), n_trials: runs.map((r) => r.nTrials),
      budget_used: runs.map((r) => r.budgetUsed), error: runs.map((r) => r.error),
    }),
    trials: aq.table(columns),
  };
}
