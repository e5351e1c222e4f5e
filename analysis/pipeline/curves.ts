import { frontQuality, hypervolumeLoss, taskObjectiveScale, type ObjectiveScale } from '../multiObjective/index.js';
import type { LoadedExperiment } from './load.js';
import type { RunDigest, RunInclusion, RunRow } from './runDigest.js';
import { frontsOverTime, incumbentsOverTime } from './simulatedTime.js';
import type { TaskInfo } from './types.js';

export type { RunInclusion } from './runDigest.js';

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
 * Where the grid points lie: 'budget' (fractions of n_trials, sampled while loading) or
 * 'time' (fractions of the task's horizon on the simulated clock, sampled here).
 */
export type GridSource = { readonly axis: 'budget' } | { readonly axis: 'time'; readonly horizons: ReadonlyMap<string, number> };

/**
 * Stage 2b (anytime values): each run's incumbent on the grid. Multi-objective runs are
 * scored by hypervolume loss (see multiObjective/reference.ts): the task scale comes from the
 * final fronts of all its analysed runs, so it is computed first.
 */
export function runCurves(loaded: LoadedExperiment, tasks: readonly TaskInfo[], grid: readonly number[], source: GridSource = { axis: 'budget' }): CurveStage {
  const taskInfo = new Map(tasks.map((t) => [t.id, t]));
  const observed = new Map<string, { min: number; max: number }>();
  const widen = (task: string, v: number) => {
    const o = observed.get(task);
    if (!o) observed.set(task, { min: v, max: v });
    else {
      if (v < o.min) o.min = v;
      if (v > o.max) o.max = v;
    }
  };
  const objectiveScales = new Map<string, ObjectiveScale>();
  const frontLoss = new Map<string, number>();
  for (const task of tasks.filter((t) => t.nObjectives > 1)) {
    const fronts = loaded.runs.filter((d) => d.run.task === task.id && d.inclusion === 'included').map((d) => d.finalFront!);
    if (fronts.length === 0) continue;
    const scale = taskObjectiveScale(fronts);
    objectiveScales.set(task.id, scale);
    if (task.front) frontLoss.set(task.id, hypervolumeLoss(task.front, scale));
  }
  const outcomes = loaded.runs.map((digest): RunOutcome => {
    const { run, trials, okTrials, inclusion } = digest;
    const base = { run, trials, okTrials, inclusion };
    if (inclusion !== 'included') return { ...base, grid: grid.map(() => null), finalRaw: null };
    const scale = objectiveScales.get(run.task);
    if (!scale) {
      if (digest.costRange) {
        widen(run.task, digest.costRange.min);
        widen(run.task, digest.costRange.max);
      }
      return { ...base, grid: incumbentsOn(digest, grid, source), finalRaw: digest.finalIncumbent };
    }
    const losses = new Map<number[][], number>();
    const lossOf = (f: number[][] | null) => {
      if (f === null) return null;
      let loss = losses.get(f);
      if (loss === undefined) losses.set(f, (loss = hypervolumeLoss(f, scale)));
      return loss;
    };
    const values = frontsOn(digest, grid, source).map(lossOf);
    values.forEach((v) => v !== null && widen(run.task, v));
    const finalFront = digest.finalFront!;
    const quality = frontQuality(finalFront, scale, taskInfo.get(run.task)?.front);
    widen(run.task, quality.hypervolumeLoss);
    return { ...base, grid: values, finalRaw: quality.hypervolumeLoss, front: finalFront, hypervolume: quality.hypervolume, igdPlus: quality.igdPlus };
  });
  return { outcomes, observed, objectiveScales, frontLoss };
}

function incumbentsOn(digest: RunDigest, grid: readonly number[], source: GridSource): (number | null)[] {
  if (source.axis === 'budget') return digest.incumbents;
  return incumbentsOverTime(digest.time!.events, source.horizons.get(digest.run.task)!, grid);
}

function frontsOn(digest: RunDigest, grid: readonly number[], source: GridSource): (number[][] | null)[] {
  if (source.axis === 'budget') return digest.fronts;
  return frontsOverTime(digest.time!.events, source.horizons.get(digest.run.task)!, grid);
}
