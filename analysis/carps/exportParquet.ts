import { fileWriter, ParquetWriter, schemaFromColumnData, type ColumnSource } from 'hyparquet-writer';
import { UnknownNameError } from '../../core/index.js';
import { seedOfTrial, type RunRecord, type Store, type TrialRecord } from '../../runner/index.js';
import { benchmarkId, carpsTaskType, CARPS_STATUS, PARQUET_COLUMNS } from './columns.js';
import { formatPythonLiteral } from './pythonLiteral.js';

type Column = (typeof PARQUET_COLUMNS)[number] | 'hpoarena_slot';

/** Row groups as parquetWrite cuts them by default (1,000 rows, then 100,000 each): the file is the one it always wrote. */
const ROW_GROUPS = [1000, 100000];

/**
 * Writes every trial of an experiment as one Parquet file whose columns follow CARP-S's
 * gathered logs.parquet (see columns.ts), so CARP-S's analysis (and pandas) read it as its own:
 * one row per trial, trial_info__config as the Python list of config values, multi-objective
 * costs summed into trial_value__cost with the vector in trial_value__cost_raw (as CARP-S
 * does), incumbents and per-task min-max normalizations as in gather_data.py. hpoarena_*
 * columns keep what CARP-S has no place for (the config as JSON, the status by name; the
 * worker slot of runs with parallel trials, whose simulated start and end fill
 * trial_value__starttime/endtime).
 * Streams the store twice, run by run (`runTrials`): once for the per-task ranges the
 * normalized columns need, once to write row groups. Memory stays within one row group
 * whatever the number of trials. Returns the number of rows written.
 */
export async function exportParquet(store: Store, experiment: string, outPath: string): Promise<number> {
  if (!(await store.getExperiment(experiment))) {
    throw new UnknownNameError(`experiment (store '${store.label}')`, experiment, (await store.listExperiments()).map((e) => e.name));
  }
  const ranges = await scanRanges(store, experiment);
  const columns: Column[] = [...PARQUET_COLUMNS, ...(ranges.anySlot ? ['hpoarena_slot' as const] : [])];
  const types = columnTypes(ranges.anyVector);
  const empty = () => Object.fromEntries(columns.map((c) => [c, [] as unknown[]])) as Record<Column, unknown[]>;
  const writer = new ParquetWriter({
    writer: fileWriter(outPath),
    schema: schemaFromColumnData({ columnData: columns.map((name) => ({ name, type: types[name], data: [] })) }),
    kvMetadata: [{ key: 'hpoarena.experiment', value: experiment }, { key: 'hpoarena.format', value: 'carps-logs/1' }],
    createdBy: 'hpoarena',
  });
  let buffer = empty();
  let buffered = 0;
  let groups = 0;
  let rows = 0;
  const flush = () => {
    if (buffered === 0) return;
    writer.write({
      columnData: columns.map((name) => ({
        name, data: (types[name] === 'INT64' ? buffer[name].map((v) => (v === null ? null : BigInt(v as number))) : buffer[name]) as ColumnSource['data'],
      })),
      rowGroupSize: buffered,
    });
    groups++;
    buffer = empty();
    buffered = 0;
  };
  for await (const { run, trials } of store.runTrials(experiment)) {
    for (const row of runRows(experiment, run, trials, ranges)) {
      for (const c of columns) buffer[c].push(row[c]);
      buffered++;
      rows++;
      if (buffered === ROW_GROUPS[Math.min(groups, ROW_GROUPS.length - 1)]) flush();
    }
  }
  flush();
  writer.finish();
  return rows;
}

interface Ranges {
  readonly budget: Map<string, Bounds>;
  readonly cost: Map<string, Bounds>;
  anyVector: boolean;
  anySlot: boolean;
}

interface Bounds { min: number; max: number }

/** Pass 1: per task, the range of budget used and of costs (CARP-S normalizes per task), and which optional columns exist. */
async function scanRanges(store: Store, experiment: string): Promise<Ranges> {
  const ranges: Ranges = { budget: new Map(), cost: new Map(), anyVector: false, anySlot: false };
  for await (const { run, trials } of store.runTrials(experiment)) {
    for (const trial of trials) {
      ranges.anyVector ||= Array.isArray(trial.cost);
      ranges.anySlot ||= trial.slot !== undefined;
      widen(ranges.budget, run.task, trial.budgetUsed);
      widen(ranges.cost, run.task, scalarCost(trial));
    }
  }
  return ranges;
}

function widen(bounds: Map<string, Bounds>, task: string, v: number | null): void {
  if (v === null || !Number.isFinite(v)) return;
  const b = bounds.get(task);
  if (!b) bounds.set(task, { min: v, max: v });
  else {
    if (v < b.min) b.min = v;
    if (v > b.max) b.max = v;
  }
}

/** CARP-S's normalize(): (x - min) / (max - min + 1e-8) over the task's range. */
function normalized(v: number | null, b: Bounds | undefined): number | null {
  return v === null || !Number.isFinite(v) || !b ? null : (v - b.min) / (b.max - b.min + 1e-8);
}

/** The cost CARP-S logs: a scalar, or the sum of a cost vector. */
function scalarCost(trial: TrialRecord): number | null {
  return Array.isArray(trial.cost) ? trial.cost.reduce((s, v) => s + v, 0) : (trial.cost as number | null);
}

/** Pass 2: one run's rows, with its incumbent, elapsed time and budget steps. */
function runRows(experiment: string, run: RunRecord, trials: readonly TrialRecord[], ranges: Ranges): Array<Record<Column, unknown>> {
  const taskType = carpsTaskType(trials.some((t) => t.fidelity !== null), trials.some((t) => Array.isArray(t.cost)));
  const budget = ranges.budget.get(run.task);
  const costs = ranges.cost.get(run.task);
  let best: number | null = null;
  let previousBudget = 0;
  let elapsed = 0;
  return trials.map((trial) => {
    const vector = Array.isArray(trial.cost) ? trial.cost : null;
    const cost = scalarCost(trial);
    if (cost !== null && Number.isFinite(cost) && (best === null || cost < best)) best = cost;
    elapsed += trial.wallTime + trial.virtualTime;
    const row: Record<Column, unknown> = {
      experiment_id: run.id, benchmark_id: benchmarkId(run.task), task_id: run.task, task_type: taskType, subset_id: null,
      optimizer_id: run.optimizerLabel, seed: run.seed, n_trials: trial.budgetUsed, n_function_calls: trial.index + 1,
      n_trials_norm: normalized(trial.budgetUsed, budget), 'task.optimization_resources.n_trials': run.nTrials,
      trial_info__config: formatPythonLiteral(Object.values(trial.config)), trial_info__instance: null, trial_info__seed: seedOfTrial(run.seed, trial),
      trial_info__budget: trial.fidelity, trial_info__normalized_budget: trial.fidelity !== null ? trial.budgetUsed - previousBudget : null,
      trial_info__name: null, trial_info__checkpoint: null, trial_value__cost: cost,
      trial_value__cost_raw: vector ? formatPythonLiteral(vector) : ranges.anyVector && cost !== null ? formatPythonLiteral(cost) : cost,
      trial_value__cost_inc: best, trial_value__cost_norm: normalized(cost, costs), trial_value__cost_inc_norm: normalized(best, costs),
      trial_value__time: trial.wallTime, trial_value__virtual_time: trial.virtualTime, trial_value__status: CARPS_STATUS[trial.status],
      trial_value__starttime: trial.simStart ?? 0, trial_value__endtime: trial.simEnd ?? 0, time: elapsed, hpoarena_experiment: experiment,
      hpoarena_optimizer: run.optimizer, hpoarena_config: JSON.stringify(trial.config), hpoarena_status: trial.status, hpoarena_slot: trial.slot ?? null,
    };
    previousBudget = trial.budgetUsed;
    return row;
  });
}

function columnTypes(anyVector: boolean): Record<Column, ColumnSource['type']> {
  return {
    experiment_id: 'INT64', benchmark_id: 'STRING', task_id: 'STRING', task_type: 'STRING', subset_id: 'STRING', optimizer_id: 'STRING',
    seed: 'INT64', n_trials: 'DOUBLE', n_function_calls: 'INT64', n_trials_norm: 'DOUBLE', 'task.optimization_resources.n_trials': 'DOUBLE',
    trial_info__config: 'STRING', trial_info__instance: 'STRING', trial_info__seed: 'INT64', trial_info__budget: 'DOUBLE',
    trial_info__normalized_budget: 'DOUBLE', trial_info__name: 'STRING', trial_info__checkpoint: 'STRING', trial_value__cost: 'DOUBLE',
    trial_value__cost_raw: anyVector ? 'STRING' : 'DOUBLE', trial_value__cost_inc: 'DOUBLE', trial_value__cost_norm: 'DOUBLE',
    trial_value__cost_inc_norm: 'DOUBLE', trial_value__time: 'DOUBLE', trial_value__virtual_time: 'DOUBLE', trial_value__status: 'INT64',
    trial_value__starttime: 'DOUBLE', trial_value__endtime: 'DOUBLE', time: 'DOUBLE', hpoarena_experiment: 'STRING',
    hpoarena_optimizer: 'STRING', hpoarena_config: 'STRING', hpoarena_status: 'STRING', hpoarena_slot: 'INT64',
  };
}
