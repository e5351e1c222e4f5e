import { Rng } from '../../core/index.js';
import { tQuantile } from './distributions.js';

export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return values.length ? sum / values.length : NaN;
}

/** Sample standard deviation (n - 1 in the denominator); 0 for a single value. */
export function standardDeviation(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return n === 1 ? 0 : NaN;
  const m = mean(values);
  let sum = 0;
  for (const v of values) sum += (v - m) ** 2;
  return Math.sqrt(sum / (n - 1));
}

/** Standard error of the mean, sd / sqrt(n). */
export function standardError(values: readonly number[]): number {
  return values.length ? standardDeviation(values) / Math.sqrt(values.length) : NaN;
}

export interface Interval {
  readonly low: number;
  readonly high: number;
}

/** Student-t interval for the mean at `level` (e.g. 0.95); a point for one value. */
export function tInterval(values: readonly number[], level = 0.95): Interval {
  const m = mean(values);
  if (values.length < 2) return { low: m, high: m };
  const half = tQuantile(1 - (1 - level) / 2, values.length - 1) * standardError(values);
  return { low: m - half, high: m + half };
}

/** Linear-interpolation quantile of sorted values (numpy's default, type 7). */
export function quantileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Percentile bootstrap: resamples the `units` (e.g. tasks) with replacement `resamples`
 * times from a seeded core/rng stream, evaluates `statistic` on each resample, and returns
 * the (1 - level)/2 and (1 + level)/2 quantiles of each component. Same seed, same interval.
 */
export function bootstrapIntervals<T>(
  units: readonly T[], statistic: (sample: readonly T[]) => readonly number[],
  options: { resamples?: number; level?: number; seed?: number | string } = {},
): Interval[] {
  const resamples = options.resamples ?? 1000;
  const level = options.level ?? 0.95;
  const rng = new Rng(options.seed ?? 'bootstrap');
  const draws: number[][] = [];
  const sample = new Array<T>(units.length);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < units.length; i++) sample[i] = units[Math.floor(rng.random() * units.length)];
    const values = statistic(sample);
    values.forEach((v, j) => (draws[j] ??= []).push(v));
  }
  return draws.map((column) => {
    const sorted = column.filter(Number.isFinite).sort((a, b) => a - b);
    return { low: quantileSorted(sorted, (1 - level) / 2), high: quantileSorted(sorted, (1 + level) / 2) };
  });
}
