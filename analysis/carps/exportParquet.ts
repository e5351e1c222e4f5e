import { parquetWriteFile, type ColumnSource } from 'hyparquet-writer';
import { UnknownNameError } from '../../core/index.js';
import { eachTrial, trialSeed, type Store } from '../../runner/index.js';
import { benchmarkId, carpsTaskType, CARPS_STATUS, PARQUET_COLUMNS } from './columns.js';
import { formatPythonLiteral } from './pythonLiteral.js';

type Column = (typeof PARQUET_COLUMNS)[number];

/**
 * Writes every trial of an experiment as one Parquet file whose columns follow CARP-S's
 * gathered logs.parquet (see columns.ts), so CARP-S's analysis (and pandas) read it as its own:
 * one row per trial, trial_info__config as the Python list of config values, multi-objective
 * costs summed into trial_value__cost with the vector in trial_value__cost_raw (as CARP-S
 * does), incumbents and per-task min-max normalizations as in gather_data.py. hpoarena_*
 * columns keep what CARP-S has no place for (the config as JSON, the status by name).
 * Returns the number of rows written.
 */
export async function exportParquet(store: Store, experiment: string, outPath: string): Promise<number> {
  if (!(await store.getExperiment(experiment))) {
    throw new UnknownNameError(`experiment (store '${store.label}')`, experiment, (await store.listExperiments()).map((e) => e.name));
  }
  const data = Object.fromEntries(PARQUET_COLUMNS.map((c) => [c, [] as unknown[]])) as Record<Column, unknown[]>;
  const runTypes = new Map<number, { multiFidelity: boolean; multiObjective: boolean }>();
  let previousRun = -1;
  let best: number | null = null;
  let previousBudget = 0;
  let elapsed = 0;
  let anyVector = false;
  let anySlot = false;
  const slots: Array<number | null> = [];
  for await (const { run, trial } of eachTrial(store, experiment)) {
    if (run.id !== previousRun) {
      previousRun = run.id;
      best = null;
      previousBudget = 0;
      elapsed = 0;
    }
    const vector = Array.isArray(trial.cost) ? trial.cost : null;
    anyVector ||= vector !== null;
    const cost = vector ? vector.reduce((s, v) => s + v, 0) : (trial.cost as number | null);
    if (cost !== null && Number.isFinite(cost) && (best === null || cost < best)) best = cost;
    // Parallel runs: time on the run's simulated clock (CARP-S's start and end times of the trial).
    elapsed = trial.simEnd ?? elapsed + trial.wallTime + trial.virtualTime;
    anySlot ||= trial.slot !== undefined;
    slots.push(trial.slot ?? null);
    const type = runTypes.get(run.id) ?? { multiFidelity: false, multiObjective: false };
    type.multiFidelity ||= trial.fidelity !== null;
    type.multiObjective ||= vector !== null;
    runTypes.set(run.id, type);
    const row: Record<Column, unknown> = {
      experiment_id: run.id, benchmark_id: benchmarkId(run.task), task_id: run.task, task_type: null, subset_id: null,
      optimizer_id: run.optimizerLabel, seed: run.seed, n_trials: trial.budgetUsed, n_function_calls: trial.index + 1, n_trials_norm: null,
      'task.optimization_resources.n_trials': run.nTrials, trial_info__config: formatPythonLiteral(Object.values(trial.config)),
      trial_info__instance: null, trial_info__seed: trialSeed(run.seed, trial.index), trial_info__budget: trial.fidelity,
      trial_info__normalized_budget: trial.fidelity !== null ? trial.budgetUsed - previousBudget : null, trial_info__name: null,
      trial_info__checkpoint: null, trial_value__cost: cost, trial_value__cost_raw: vector ? formatPythonLiteral(vector) : cost,
      trial_value__cost_inc: best, trial_value__cost_norm: null, trial_value__cost_inc_norm: null, trial_value__time: trial.wallTime,
      trial_value__virtual_time: trial.virtualTime, trial_value__status: CARPS_STATUS[trial.status], trial_value__starttime: trial.simStart ?? 0,
      trial_value__endtime: trial.simEnd ?? 0, time: elapsed, hpoarena_experiment: experiment, hpoarena_optimizer: run.optimizer,
      hpoarena_config: JSON.stringify(trial.config), hpoarena_status: trial.status,
    };
    previousBudget = trial.budgetUsed;
    for (const c of PARQUET_COLUMNS) data[c].push(row[c]);
  }
  const runIds = data.experiment_id as number[];
  data.task_type = runIds.map((id) => {
    const t = runTypes.get(id)!;
    return carpsTaskType(t.multiFidelity, t.multiObjective);
  });
  if (anyVector) data.trial_value__cost_raw = data.trial_value__cost_raw.map((v) => (typeof v === 'number' ? formatPythonLiteral(v) : v));
  const tasks = data.task_id as string[];
  data.n_trials_norm = normalizeByTask(tasks, data.n_trials as number[]);
  data.trial_value__cost_norm = normalizeByTask(tasks, data.trial_value__cost as (number | null)[]);
  data.trial_value__cost_inc_norm = normalizeByTask(tasks, data.trial_value__cost_inc as (number | null)[], data.trial_value__cost as (number | null)[]);
  const types: Record<Column, ColumnSource['type']> = {
    experiment_id: 'INT64', benchmark_id: 'STRING', task_id: 'STRING', task_type: 'STRING', subset_id: 'STRING', optimizer_id: 'STRING',
    seed: 'INT64', n_trials: 'DOUBLE', n_function_calls: 'INT64', n_trials_norm: 'DOUBLE', 'task.optimization_resources.n_trials': 'DOUBLE',
    trial_info__config: 'STRING', trial_info__instance: 'STRING', trial_info__seed: 'INT64', trial_info__budget: 'DOUBLE',
    trial_info__normalized_budget: 'DOUBLE', trial_info__name: 'STRING', trial_info__checkpoint: 'STRING', trial_value__cost: 'DOUBLE',
    trial_value__cost_raw: anyVector ? 'STRING' : 'DOUBLE', trial_value__cost_inc: 'DOUBLE', trial_value__cost_norm: 'DOUBLE',
    trial_value__cost_inc_norm: 'DOUBLE', trial_value__time: 'DOUBLE', trial_value__virtual_time: 'DOUBLE', trial_value__status: 'INT64',
    trial_value__starttime: 'DOUBLE', trial_value__endtime: 'DOUBLE', time: 'DOUBLE', hpoarena_experiment: 'STRING',
    hpoarena_optimizer: 'STRING', hpoarena_config: 'STRING', hpoarena_status: 'STRING',
  };
  parquetWriteFile({
    filename: outPath,
    columnData: [
      ...PARQUET_COLUMNS.map((name) => ({
        name, type: types[name],
        data: (types[name] === 'INT64' ? data[name].map((v) => (v === null ? null : BigInt(v as number))) : data[name]) as ColumnSource['data'],
      })),
      // The worker slot of parallel runs' trials; absent when no run had parallel trials (the file is as before).
      ...(anySlot ? [{ name: 'hpoarena_slot', type: 'INT64' as const, data: slots.map((s) => (s === null ? null : BigInt(s))) }] : []),
    ],
    kvMetadata: [{ key: 'hpoarena.experiment', value: experiment }, { key: 'hpoarena.format', value: 'carps-logs/1' }],
    createdBy: 'hpoarena',
  });
  return runIds.length;
}

/** CARP-S's normalize(): (x - min) / (max - min + 1e-8) per task, over `range` (default the values themselves). */
function normalizeByTask(tasks: readonly string[], values: readonly (number | null)[], range: readonly (number | null)[] = values): (number | null)[] {
  const bounds = new Map<string, { min: number; max: number }>();
  range.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) return;
    const b = bounds.get(tasks[i]);
    if (!b) bounds.set(tasks[i], { min: v, max: v });
    else {
      if (v < b.min) b.min = v;
      if (v > b.max) b.max = v;
    }
  });
  return values.map((v, i) => {
    const b = bounds.get(tasks[i]);
    return v === null || !Number.isFinite(v) || !b ? null : (v - b.min) / (b.max - b.min + 1e-8);
  });
}
