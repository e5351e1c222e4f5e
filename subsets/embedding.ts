import { SpecError, TASK_TYPES, UnknownNameError, type TaskType } from '../core/index.js';

/** One finished run, reduced to its final cost. */
export interface FinalCostRow {
  readonly task: string;
  readonly taskType: TaskType;
  readonly optimizer: string;
  readonly seed: number;
  /** Best ok cost of the run; for multi-objective tasks the best of each objective separately. */
  readonly finalCost: number | readonly number[];
}

/** CARP-S's reference optimizers per task type: three with different behaviour. */
export const DEFAULT_REFERENCE_OPTIMIZERS: Readonly<Record<TaskType, readonly string[]>> = {
  blackbox: ['gp', 'random', 'cmaes'],
  'multi-fidelity': ['dehb', 'smac-mf', 'hyperband'],
  'multi-objective': ['random', 'motpe', 'nsga2'],
  'multi-fidelity-multi-objective': ['random', 'momf-parego', 'nsga2'],
};

export interface EmbeddingOptions {
  readonly type: TaskType;
  /** One coordinate per optimizer (default: DEFAULT_REFERENCE_OPTIMIZERS[type]). */
  readonly optimizers?: readonly string[];
}

export interface TaskEmbedding {
  readonly type: TaskType;
  /** The optimizer of each coordinate. */
  readonly optimizers: readonly string[];
  /** Task ids, sorted; points[i] embeds tasks[i]. */
  readonly tasks: readonly string[];
  readonly points: readonly (readonly number[])[];
  /** Tasks of the type that could not be embedded, and why. */
  readonly skipped: readonly { readonly task: string; readonly reason: string }[];
}

/**
 * Embeds each task of one type as a point in [0,1]^m, m = number of reference optimizers:
 * 1. per task, every run's final cost is min-max normalized across all runs of that task
 *    (every optimizer and seed given, CARP-S style; a task whose runs all tie scores 0);
 *    multi-objective costs are normalized per objective and averaged over objectives (a
 *    hypervolume-free stand-in for the quality of the final Pareto set);
 * 2. coordinate o of the task is the mean over seeds of reference optimizer o's normalized cost;
 * 3. each coordinate is min-max rescaled across tasks to [0,1] (a constant coordinate becomes 0).
 * Tasks lacking a run of some reference optimizer are skipped and reported.
 */
export function embedTasks(rows: readonly FinalCostRow[], options: EmbeddingOptions): TaskEmbedding {
  const type = parseTaskType(options.type);
  const optimizers = checkOptimizers(options.optimizers ?? DEFAULT_REFERENCE_OPTIMIZERS[type]);
  const byTask = groupBy(rows.filter((r) => r.taskType === type), (r) => r.task);
  if (byTask.size === 0) {
    const present = [...new Set(rows.map((r) => r.taskType))];
    throw new SpecError(`No ${type} tasks among the ${rows.length} finished runs${present.length ? ` (types present: ${present.join(', ')})` : ''}: nothing to embed.`);
  }
  const tasks: string[] = [];
  const raw: number[][] = [];
  const skipped: { task: string; reason: string }[] = [];
  for (const task of [...byTask.keys()].sort()) {
    const scores = normalizedScores(task, byTask.get(task)!);
    const missing = optimizers.filter((o) => !scores.has(o));
    if (missing.length > 0) {
      skipped.push({ task, reason: `no finished run of ${missing.join(', ')}` });
      continue;
    }
    tasks.push(task);
    raw.push(optimizers.map((o) => mean(scores.get(o)!)));
  }
  if (tasks.length === 0) {
    throw new SpecError(`None of the ${byTask.size} ${type} tasks has finished runs of every reference optimizer (${optimizers.join(', ')}); e.g. '${skipped[0].task}': ${skipped[0].reason}. Pick others with --optimizers.`);
  }
  return { type, optimizers, tasks, points: rescaleColumns(raw), skipped };
}

/** A task type from user input. */
export function parseTaskType(value: string): TaskType {
  if (value.trim() === '') throw new SpecError(`The task type is empty: give one of ${TASK_TYPES.join(', ')}.`);
  if (!TASK_TYPES.includes(value as TaskType)) throw new UnknownNameError('task type', value, TASK_TYPES);
  return value as TaskType;
}

function checkOptimizers(optimizers: readonly string[]): string[] {
  if (optimizers.length === 0) throw new SpecError('No reference optimizers given: name at least one (CARP-S uses three).');
  const blank = optimizers.find((o) => o.trim() === '');
  if (blank !== undefined) throw new SpecError(`Reference optimizer names must not be empty (got ${JSON.stringify(optimizers.join(','))}).`);
  const duplicate = optimizers.find((o, i) => optimizers.indexOf(o) !== i);
  if (duplicate) throw new SpecError(`Reference optimizer '${duplicate}' is named twice: each gives one coordinate.`);
  return [...optimizers];
}

/** Normalized final cost of every run of one task, grouped by optimizer. */
function normalizedScores(task: string, rows: readonly FinalCostRow[]): Map<string, number[]> {
  const costs = rows.map((r) => (typeof r.finalCost === 'number' ? [r.finalCost] : [...r.finalCost]));
  const m = costs[0].length;
  const ragged = costs.findIndex((c) => c.length !== m);
  if (ragged >= 0) throw new SpecError(`Task '${task}': run of ${rows[ragged].optimizer} (seed ${rows[ragged].seed}) has ${costs[ragged].length} objectives, others have ${m}.`);
  const usable = costs.map((c) => c.every(Number.isFinite));
  const low = new Array<number>(m).fill(Infinity);
  const high = new Array<number>(m).fill(-Infinity);
  costs.forEach((c, i) => {
    if (!usable[i]) return;
    for (let o = 0; o < m; o++) {
      low[o] = Math.min(low[o], c[o]);
      high[o] = Math.max(high[o], c[o]);
    }
  });
  const scores = new Map<string, number[]>();
  rows.forEach((row, i) => {
    if (!usable[i]) return;
    let sum = 0;
    for (let o = 0; o < m; o++) sum += high[o] > low[o] ? (costs[i][o] - low[o]) / (high[o] - low[o]) : 0;
    const list = scores.get(row.optimizer) ?? [];
    list.push(sum / m);
    scores.set(row.optimizer, list);
  });
  return scores;
}

function rescaleColumns(raw: readonly number[][]): number[][] {
  const m = raw[0].length;
  const low = Array.from({ length: m }, (_, o) => Math.min(...raw.map((r) => r[o])));
  const high = Array.from({ length: m }, (_, o) => Math.max(...raw.map((r) => r[o])));
  return raw.map((r) => r.map((v, o) => (high[o] > low[o] ? Math.min(1, Math.max(0, (v - low[o]) / (high[o] - low[o]))) : 0)));
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
