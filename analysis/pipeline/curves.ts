import * as aq from 'arquero';
import { frontQuality, hypervolumeLoss, taskObjectiveScale, type ObjectiveScale } from '../multiObjective/index.js';
import { sampleSteps } from './grid.js';
import { runOrder } from './incumbents.js';
import type { LoadedExperiment, RunRow } from './load.js';
import type { TaskInfo } from './types.js';

/** Why a run is or is not analysed. */
export type RunInclusion = 'included' | 'failed' | 'running' | 'pending' | 'no successful trial';

/** One run after stage 2: its outcome and its raw anytime values on the grid. */
export interface RunOutcome {
  readonly run: RunRow;
  readonly trials: number;
  readonly okTrials: number;
  readonly inclusion: RunInclusion;
  /** Raw value at each grid point (single objective: incumbent cost; multi-objective: hypervolume loss). */
  readonly grid: (number | null)[];
  readonly finalRaw: number | null;
  /** Multi-objective only: the final front (raw objectives), its normalized hypervolume and IGD+. */
  readonly front?: readonly (readonly number[])[];
  readonly hypervolume?: number;
  readonly igdPlus?: number | null;
}

export interface CurveStage {
  readonly outcomes: RunOutcome[];
  /** Observed raw range per task over analysed runs (single objective: every successful cost). */
  readonly observed: Map<string, { min: number; max: number }>;
  readonly objectiveScales: Map<string, ObjectiveScale>;
  /** Hypervolume loss of each multi-objective task's true front (its optimum in raw units). */
  readonly frontLoss: Map<string, number>;
}

/**
 * Stage 2b (anytime values): each run's incumbent sampled on the budget-fraction grid.
 * Multi-objective runs are scored by hypervolume loss (see multiObjective/reference.ts): the
 * task scale comes from the final fronts of all its analysed runs, so it is computed first.
 */
export function runCurves(loaded: LoadedExperiment, incumbents: aq.ColumnTable, tasks: readonly TaskInfo[], grid: readonly number[]): CurveStage {
  const taskInfo = new Map(tasks.map((t) => [t.id, t]));
  const runId = incumbents.array('run_id') as number[];
  const fraction = incumbents.array('fraction') as number[];
  const incumbent = incumbents.array('incumbent') as (number | null)[];
  const front = incumbents.array('front') as (number[][] | null)[];
  const status = loaded.trials.array('status') as string[];
  const cost = loaded.trials.array('cost') as (number | null)[];
  const rowsByRun = new Map<number, number[]>();
  for (const row of runOrder(runId, incumbents.array('trial') as number[])) {
    let rows = rowsByRun.get(runId[row]);
    if (!rows) rowsByRun.set(runId[row], (rows = []));
    rows.push(row);
  }
  const observed = new Map<string, { min: number; max: number }>();
  const widen = (task: string, v: number) => {
    const o = observed.get(task);
    if (!o) observed.set(task, { min: v, max: v });
    else {
      if (v < o.min) o.min = v;
      if (v > o.max) o.max = v;
    }
  };
  const pending: Array<{ run: RunRow; rows: number[]; okTrials: number; inclusion: RunInclusion }> = [];
  for (const run of loaded.runs.objects() as RunRow[]) {
    const rows = rowsByRun.get(run.run_id) ?? [];
    const okTrials = rows.filter((r) => status[r] === 'ok').length;
    const last = rows.at(-1);
    const hasIncumbent = last !== undefined && (incumbent[last] !== null || (front[last]?.length ?? 0) > 0);
    // An interrupted run waits to be resumed, as a pending one does.
    const inclusion: RunInclusion = run.status === 'interrupted' ? 'pending' : run.status !== 'done' ? (run.status as RunInclusion) : hasIncumbent ? 'included' : 'no successful trial';
    pending.push({ run, rows, okTrials, inclusion });
  }
  const objectiveScales = new Map<string, ObjectiveScale>();
  const frontLoss = new Map<string, number>();
  for (const task of tasks.filter((t) => t.nObjectives > 1)) {
    const fronts = pending.filter((p) => p.run.task === task.id && p.inclusion === 'included').map((p) => front[p.rows.at(-1)!]!);
    if (fronts.length === 0) continue;
    const scale = taskObjectiveScale(fronts);
    objectiveScales.set(task.id, scale);
    if (task.front) frontLoss.set(task.id, hypervolumeLoss(task.front, scale));
  }
  const outcomes = pending.map(({ run, rows, okTrials, inclusion }): RunOutcome => {
    const base = { run, trials: rows.length, okTrials, inclusion };
    if (inclusion !== 'included') return { ...base, grid: grid.map(() => null), finalRaw: null };
    const fractions = rows.map((r) => fraction[r]);
    const scale = objectiveScales.get(run.task);
    if (!scale) {
      for (const r of rows) if (status[r] === 'ok' && cost[r] !== null) widen(run.task, cost[r]!);
      const values = sampleSteps(fractions, rows.map((r) => incumbent[r]), grid);
      return { ...base, grid: values, finalRaw: incumbent[rows.at(-1)!] };
    }
    const losses = new Map<number[][], number>();
    const lossOf = (f: number[][] | null) => {
      if (f === null) return null;
      let loss = losses.get(f);
      if (loss === undefined) losses.set(f, (loss = hypervolumeLoss(f, scale)));
      return loss;
    };
    const values = sampleSteps(fractions, rows.map((r) => front[r]), grid).map(lossOf);
    values.forEach((v) => v !== null && widen(run.task, v));
    const finalFront = front[rows.at(-1)!]!;
    const quality = frontQuality(finalFront, scale, taskInfo.get(run.task)?.front);
    widen(run.task, quality.hypervolumeLoss);
    return { ...base, grid: values, finalRaw: quality.hypervolumeLoss, front: finalFront, hypervolume: quality.hypervolume, igdPlus: quality.igdPlus };
  });
  return { outcomes, observed, objectiveScales, frontLoss };
}
