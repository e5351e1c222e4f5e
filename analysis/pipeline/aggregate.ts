import * as aq from 'arquero';
import { bootstrapIntervals } from '../statistics/index.js';
import type { RunOutcome } from './curves.js';

const op = aq.op;

/** Stage 4 (aggregate): one row per analysed run and grid point, with raw and normalized values. */
export function curveTable(outcomes: readonly RunOutcome[], normalized: ReadonlyMap<number, (number | null)[]>, grid: readonly number[]): aq.ColumnTable {
  const columns = { run_id: [] as number[], optimizer: [] as string[], task: [] as string[], seed: [] as number[], step: [] as number[], fraction: [] as number[], raw: [] as number[], value: [] as number[] };
  for (const outcome of outcomes) {
    if (outcome.inclusion !== 'included') continue;
    const values = normalized.get(outcome.run.run_id)!;
    grid.forEach((fraction, step) => {
      const raw = outcome.grid[step];
      const value = values[step];
      if (raw === null || value === null) return;
      columns.run_id.push(outcome.run.run_id);
      columns.optimizer.push(outcome.run.optimizer);
      columns.task.push(outcome.run.task);
      columns.seed.push(outcome.run.seed);
      columns.step.push(step);
      columns.fraction.push(fraction);
      columns.raw.push(raw);
      columns.value.push(value);
    });
  }
  return aq.table(columns);
}

/** Mean and standard error over seeds for every optimizer, task and grid point. */
export function taskCurveTable(curves: aq.ColumnTable): aq.ColumnTable {
  return withStandardErrors(curves.groupby('optimizer', 'task', 'step', 'fraction').rollup({
    n: op.count(), raw_mean: op.mean('raw'), raw_sd: op.stdev('raw'), value_mean: op.mean('value'), value_sd: op.stdev('value'),
  })).orderby('task', 'optimizer', 'step');
}

/** Final performance per optimizer and task over its analysed runs (multi-objective: also hypervolume and IGD+). */
export function finalTable(outcomes: readonly RunOutcome[], finalValues: ReadonlyMap<number, number>): aq.ColumnTable {
  const included = outcomes.filter((o) => o.inclusion === 'included');
  const runs = aq.table({
    optimizer: included.map((o) => o.run.optimizer), task: included.map((o) => o.run.task),
    raw: included.map((o) => o.finalRaw), value: included.map((o) => finalValues.get(o.run.run_id) ?? null),
    hypervolume: included.map((o) => o.hypervolume ?? null), igd_plus: included.map((o) => o.igdPlus ?? null),
  });
  return withStandardErrors(runs.groupby('optimizer', 'task').rollup({
    n: op.count(), raw_mean: op.mean('raw'), raw_sd: op.stdev('raw'), value_mean: op.mean('value'), value_sd: op.stdev('value'),
    hypervolume_mean: op.mean('hypervolume'), igd_plus_mean: op.mean('igd_plus'),
  })).orderby('task', 'optimizer');
}

function withStandardErrors(table: aq.ColumnTable): aq.ColumnTable {
  return table
    .derive({
      raw_se: (d: { n: number; raw_sd: number }) => (d.n > 1 ? d.raw_sd / op.sqrt(d.n) : 0),
      value_se: (d: { n: number; value_sd: number }) => (d.n > 1 ? d.value_sd / op.sqrt(d.n) : 0),
    })
    .select(aq.not('raw_sd', 'value_sd'));
}

/**
 * Mean over tasks of per-task means, per optimizer and grid point, with a percentile
 * bootstrap interval over tasks (the same resampled task sets for every optimizer and point;
 * seeded core/rng stream, so reports are reproducible).
 */
export function acrossTasks(
  perTask: ReadonlyMap<string, number[][]>, optimizers: readonly string[], grid: readonly number[],
  options: { resamples: number; seed: number; level: number },
): aq.ColumnTable {
  const tasks = [...perTask.keys()];
  const k = optimizers.length;
  const width = k * grid.length;
  const meanOf = (sample: readonly string[]) => {
    const sums = new Array<number>(width).fill(0);
    for (const task of sample) {
      const m = perTask.get(task)!;
      for (let o = 0; o < k; o++) for (let s = 0; s < grid.length; s++) sums[o * grid.length + s] += m[o][s];
    }
    return sums.map((v) => v / sample.length);
  };
  const means = tasks.length ? meanOf(tasks) : new Array<number>(width).fill(NaN);
  const intervals = tasks.length ? bootstrapIntervals(tasks, meanOf, { resamples: options.resamples, seed: `${options.seed}/tasks`, level: options.level }) : [];
  const columns = { optimizer: [] as string[], step: [] as number[], fraction: [] as number[], mean: [] as number[], low: [] as number[], high: [] as number[], tasks: [] as number[] };
  optimizers.forEach((optimizer, o) => grid.forEach((fraction, s) => {
    const i = o * grid.length + s;
    columns.optimizer.push(optimizer);
    columns.step.push(s);
    columns.fraction.push(fraction);
    columns.mean.push(means[i]);
    columns.low.push(intervals[i]?.low ?? NaN);
    columns.high.push(intervals[i]?.high ?? NaN);
    columns.tasks.push(tasks.length);
  }));
  return aq.table(columns);
}
