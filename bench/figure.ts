/** One number `npm run bench` measures. */
export interface BenchFigure {
  /** Dotted name, e.g. 'harness.overhead_us_per_trial'; `--only` matches it exactly or by prefix. */
  readonly name: string;
  readonly unit: string;
  /** The target as people read it, e.g. '<= 20'; shown in the table. */
  readonly target?: string;
  /** Too slow for the default run (the whole bench stays under 10 minutes): runs only when `--only` names it. */
  readonly optIn?: boolean;
  run(): Promise<BenchResult>;
}

export interface BenchResult {
  readonly value: number;
  /** Context printed next to the value (e.g. a baseline's number). */
  readonly note?: string;
}

/** Median of repeated timings: what figures quote. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
