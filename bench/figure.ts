/** One number `npm run bench` measures. */
export interface BenchFigure {
  /** Dotted name, e.g. 'harness.overhead_us_per_trial'; `--only` matches it exactly or by prefix. */
  readonly name: string;
  readonly unit: string;
  /**
   * The target as people read it: '<= 1.3', '>= 20' or '= 4'; shown in the table and checked
   * (the `ok` field of `--json`). Stated for ratios to an anchor measured in the same run, so it
   * holds on any machine; absolute timings are shown beside them without a target.
   */
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

/** Thrown by a figure whose anchor is missing here (e.g. no Python with optuna): reported as skipped, not failed. */
export class FigureSkipped extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'FigureSkipped';
  }
}

/** Whether `value` meets `target` ('<= x', '>= x', '< x', '> x', '= x'); undefined without a target. */
export function meetsTarget(target: string | undefined, value: number): boolean | undefined {
  if (target === undefined) return undefined;
  const match = /^\s*(<=|>=|<|>|=)\s*(-?[\d.]+(?:e[-+]?\d+)?)\s*$/i.exec(target);
  if (!match) throw new Error(`Bench target '${target}' is not of the form '<= x', '>= x' or '= x'.`);
  const bound = Number(match[2]);
  switch (match[1]) {
    case '<=': return value <= bound;
    case '>=': return value >= bound;
    case '<': return value < bound;
    case '>': return value > bound;
    default: return value === bound;
  }
}

/** Median of repeated timings: what figures quote. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
