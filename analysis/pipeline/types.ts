import type { TaskContext } from '../../benchmarks/index.js';
import type { NemenyiAlpha } from '../statistics/index.js';

/**
 * How final and anytime costs are made comparable across tasks (per task):
 * - 'minmax' (CARP-S): (v - min) / (max - min) over every observed value of the task.
 * - 'regret': (v - optimum) / (max - optimum) where the task carries a known optimum
 *   (metadata.optimum; for multi-objective tasks the hypervolume loss of the true front);
 *   tasks without one fall back to the best observed value (noted in the analysis).
 * - 'baseline': (v - best) / (b - best), b the baseline optimizer's mean final value and best
 *   the lower of the known optimum and the best observed value: the baseline scores 1, the best 0.
 */
export type Normalization = 'minmax' | 'regret' | 'baseline';
export const NORMALIZATIONS: readonly Normalization[] = ['minmax', 'regret', 'baseline'];

/**
 * The x axis of anytime curves and ranks over time: 'budget' = fraction of n_trials used (CARP-S);
 * 'time' = simulated wall-clock time as a fraction of the task's longest run (see timeAxis.ts).
 */
export type Axis = 'budget' | 'time';
export const AXES: readonly Axis[] = ['budget', 'time'];

export interface AnalysisOptions {
  readonly normalization?: Normalization;
  /** log10 of the normalized value, floored at `logFloor` (default 1e-8). */
  readonly log?: boolean;
  readonly logFloor?: number;
  /** Optimizer label used by 'baseline' normalization and the per-task A12 comparisons. */
  readonly baseline?: string;
  /** The x axis of anytime curves and ranks over time (default 'budget'). */
  readonly axis?: Axis;
  /** Points of the budget-fraction grid, 0..1 inclusive (default 21). */
  readonly gridPoints?: number;
  /** Task ids or globs ('*' matches '/' too); default: every task of the experiment. */
  readonly tasks?: readonly string[];
  /** Bootstrap resamples for confidence intervals over tasks (default 1000) and its seed (default 0). */
  readonly bootstrapResamples?: number;
  readonly seed?: number;
  /** Confidence level of intervals (default 0.95) and alpha of the Nemenyi test (default 0.05). */
  readonly level?: number;
  readonly alpha?: NemenyiAlpha;
  /** Where data-backed tasks find their files (only needed to read known optima). */
  readonly taskContext?: TaskContext;
}

export type ResolvedOptions = Required<Omit<AnalysisOptions, 'baseline' | 'tasks' | 'taskContext'>> & Pick<AnalysisOptions, 'baseline' | 'tasks' | 'taskContext'>;

export function resolveOptions(options: AnalysisOptions): ResolvedOptions {
  return {
    normalization: options.normalization ?? 'minmax', axis: options.axis ?? 'budget', log: options.log ?? false, logFloor: options.logFloor ?? 1e-8,
    baseline: options.baseline, gridPoints: options.gridPoints ?? 21, tasks: options.tasks,
    bootstrapResamples: options.bootstrapResamples ?? 1000, seed: options.seed ?? 0, level: options.level ?? 0.95,
    alpha: options.alpha ?? 0.05, taskContext: options.taskContext,
  };
}

/** What analysis knows about a task. */
export interface TaskInfo {
  readonly id: string;
  readonly nObjectives: number;
  /** Known optimum of a single-objective task (metadata.optimum). */
  readonly optimum?: number;
  /** Points of the true Pareto front of a multi-objective task (minimized objectives). */
  readonly front?: readonly (readonly number[])[];
}
