import type { Config, SearchSpace, TrialInfo, TrialValue } from '../../core/index.js';

/** The cost a model may learn from: a finite single-objective cost of an 'ok' trial, else undefined (crashed). */
export function usableCost(value: TrialValue): number | undefined {
  if (value.status !== 'ok') return undefined;
  const cost = typeof value.cost === 'number' ? value.cost : value.cost.length === 1 ? value.cost[0] : NaN;
  return Number.isFinite(cost) ? cost : undefined;
}

/** A stable key for an encoded config (NaN for inactive slots included). */
export function rowKey(row: ArrayLike<number>): string {
  let key = '';
  for (let i = 0; i < row.length; i++) key += (i ? ',' : '') + row[i];
  return key;
}

/** Copies `row` into `out` (from `offset`) with NaN slots (inactive parameters) replaced by `value`. */
export function imputeInactive(row: ArrayLike<number>, out: Float64Array, value: number, offset = 0): void {
  for (let d = 0; d < row.length; d++) {
    const v = row[d];
    out[offset + d] = v === v ? v : value;
  }
}

/**
 * The told trials of a model-based optimizer, encoded once: unit-cube rows (NaN for inactive
 * parameters, space.encode), raw costs (NaN for crashed trials) and the set of seen configs.
 */
export class Observations {
  readonly width: number;
  readonly configs: Config[] = [];
  private buffer: Float64Array;
  private costs: number[] = [];
  private readonly seen = new Set<string>();
  private finite = 0;

  constructor(private readonly space: SearchSpace) {
    this.width = space.dimension;
    this.buffer = new Float64Array(64 * Math.max(1, this.width));
  }

  get size(): number {
    return this.costs.length;
  }

  /** Number of trials with a usable cost. */
  get finiteCount(): number {
    return this.finite;
  }

  /** Records a told trial; `cost` undefined marks it crashed. Configs the space cannot encode are ignored. */
  add(info: TrialInfo, value: TrialValue): void {
    let row: Float64Array;
    try {
      row = this.space.encode(info.config);
    } catch {
      return;
    }
    const n = this.costs.length;
    if ((n + 1) * this.width > this.buffer.length) {
      const grown = new Float64Array(2 * this.buffer.length);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    this.buffer.set(row, n * this.width);
    const cost = usableCost(value);
    this.costs.push(cost ?? NaN);
    if (cost !== undefined) this.finite++;
    this.configs.push(info.config);
    this.seen.add(rowKey(row));
  }

  /** Row-major encoded configs (size x width), NaN for inactive slots. */
  rows(): Float64Array {
    return this.buffer.subarray(0, this.costs.length * this.width);
  }

  /** All rows with inactive slots set to `value` (SMAC imputes -1 for its GP and for numeric RF inputs). */
  imputedRows(value: number): Float64Array {
    const n = this.costs.length;
    const out = new Float64Array(n * this.width);
    imputeInactive(this.buffer.subarray(0, n * this.width), out, value);
    return out;
  }

  row(i: number): Float64Array {
    return this.buffer.subarray(i * this.width, (i + 1) * this.width);
  }

  /** Whether an encoded config was already told (or marked with `markSeen`). */
  has(row: ArrayLike<number>): boolean {
    return this.seen.has(rowKey(row));
  }

  markSeen(row: ArrayLike<number>): void {
    this.seen.add(rowKey(row));
  }

  /**
   * A copy with `pending` trials added at cost `lie`: the constant liar (Ginsbourger et al. 2010)
   * a model fits while trials are in flight, so it does not propose the same region K times.
   */
  withPending(pending: readonly TrialInfo[], lie: number): Observations {
    const copy = new Observations(this.space);
    copy.buffer = this.buffer.slice();
    copy.costs = [...this.costs];
    copy.finite = this.finite;
    copy.configs.push(...this.configs);
    for (const key of this.seen) copy.seen.add(key);
    for (const info of pending) copy.add(info, { cost: lie, status: 'ok', wallTime: 0, virtualTime: 0 });
    return copy;
  }

  /** The largest usable cost told so far (undefined before the first). */
  worstCost(): number | undefined {
    let worst: number | undefined;
    for (const c of this.costs) if (!Number.isNaN(c) && (worst === undefined || c > worst)) worst = c;
    return worst;
  }

  /** Raw costs with crashed trials imputed by the worst usable cost (a finite crash cost, as SMAC's crash_cost). */
  imputedCosts(): Float64Array {
    const n = this.costs.length;
    const out = new Float64Array(n);
    let worst = -Infinity;
    for (const c of this.costs) if (c > worst) worst = c;
    for (let i = 0; i < n; i++) out[i] = Number.isNaN(this.costs[i]) ? worst : this.costs[i];
    return out;
  }
}

/** SMAC's initial design size: int(max(1, min(perHyperparameter * dim, maxRatio * nTrials))). */
export function initialDesignSize(perHyperparameter: number, maxRatio: number, dimension: number, nTrials: number): number {
  const wanted = perHyperparameter * dimension;
  if (wanted <= 1) return Math.max(0, wanted);
  return Math.floor(Math.max(1, Math.min(wanted, maxRatio * nTrials)));
}
