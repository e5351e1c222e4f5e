import type { Normalization, ResolvedOptions } from './types.js';

/** How one task's raw values map to normalized ones: (v - lower) / (upper - lower), then maybe log10. */
export interface TaskScale {
  readonly task: string;
  /** The normalization applied (a task may fall back to 'minmax', see `note`). */
  readonly normalization: Normalization;
  readonly lower: number;
  readonly upper: number;
  readonly note?: string;
}

export interface ScaleInputs {
  readonly task: string;
  /** Smallest and largest raw value observed on the task (every analysed run). */
  readonly observedMin: number;
  readonly observedMax: number;
  /** Known optimum in raw units (single objective: metadata.optimum; multi-objective: the true front's hypervolume loss). */
  readonly optimum?: number;
  /** Mean final raw value of the baseline optimizer's analysed runs on this task. */
  readonly baselineFinal?: number;
}

/** Stage 3 (normalize): the per-task scale for the chosen normalization. */
export function taskScale(inputs: ScaleInputs, options: Pick<ResolvedOptions, 'normalization' | 'baseline'>): TaskScale {
  const { task, observedMin, observedMax, optimum } = inputs;
  const minmax = (note?: string): TaskScale => ({ task, normalization: 'minmax', lower: observedMin, upper: observedMax, ...(note ? { note } : {}) });
  const best = optimum !== undefined ? Math.min(optimum, observedMin) : observedMin;
  switch (options.normalization) {
    case 'minmax':
      return minmax();
    case 'regret':
      if (optimum === undefined) return { task, normalization: 'regret', lower: observedMin, upper: observedMax, note: 'no known optimum: regret against the best observed value' };
      return { task, normalization: 'regret', lower: best, upper: observedMax };
    case 'baseline': {
      const b = inputs.baselineFinal;
      if (b === undefined) return minmax(`no analysed run of baseline '${options.baseline}': min-max normalized instead`);
      if (!(b > best)) return minmax(`baseline '${options.baseline}' reached the best value: min-max normalized instead`);
      return { task, normalization: 'baseline', lower: best, upper: b };
    }
  }
}

/** Applies a task scale (a zero range maps everything to 0) and, with `log`, log10 floored at `logFloor`. */
export function normalizeValue(value: number, scale: TaskScale, options: Pick<ResolvedOptions, 'log' | 'logFloor'>): number {
  const range = scale.upper - scale.lower;
  const x = range > 0 ? (value - scale.lower) / range : 0;
  return options.log ? Math.log10(Math.max(x, options.logFloor)) : x;
}

/** Axis title for normalized values. */
export function normalizationLabel(options: Pick<ResolvedOptions, 'normalization' | 'log' | 'baseline'>): string {
  const base = options.normalization === 'minmax' ? 'min-max normalized cost'
    : options.normalization === 'regret' ? 'normalized regret'
      : `cost relative to ${options.baseline ?? 'baseline'} (baseline = 1)`;
  return options.log ? `log10 ${base}` : base;
}
