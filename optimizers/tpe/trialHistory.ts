/**
 * Told trials in TPE's internal representation: one row per trial (NaN for parameters the
 * config does not have), its cost, and the complete trials kept sorted by (cost, trial number).
 * Crashed trials (status != ok or non-finite cost) are Optuna's FAIL state: stored, never used.
 */
export class TrialHistory {
  private buffer: Float64Array;
  private readonly costs: number[] = [];
  /** Indices of complete trials sorted by cost, ties by trial number (Python's stable sort). */
  readonly byCost: number[] = [];
  /** Per parameter: complete trials that have it, sorted by its value, ties by trial number. */
  private readonly byValue: number[][];

  constructor(readonly width: number) {
    this.buffer = new Float64Array(64 * Math.max(1, width));
    this.byValue = Array.from({ length: width }, () => []);
  }

  get size(): number {
    return this.costs.length;
  }

  get completeCount(): number {
    return this.byCost.length;
  }

  isComplete(i: number): boolean {
    return !Number.isNaN(this.costs[i]);
  }

  value(i: number, param: number): number {
    return this.buffer[i * this.width + param];
  }

  /** Adds a trial; `cost` undefined marks it failed. */
  add(row: Float64Array, cost: number | undefined): void {
    const n = this.costs.length;
    if ((n + 1) * this.width > this.buffer.length) {
      const grown = new Float64Array(2 * this.buffer.length);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    this.buffer.set(row, n * this.width);
    this.costs.push(cost ?? NaN);
    if (cost === undefined) return;
    // Binary insertion after every equal cost keeps ties in trial order.
    let lo = 0;
    let hi = this.byCost.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.costs[this.byCost[mid]] <= cost) lo = mid + 1;
      else hi = mid;
    }
    this.byCost.splice(lo, 0, n);
    for (let j = 0; j < this.width; j++) {
      const v = row[j];
      if (v !== v) continue;
      const list = this.byValue[j];
      let a = 0;
      let b = list.length;
      while (a < b) {
        const mid = (a + b) >> 1;
        if (this.buffer[list[mid] * this.width + j] <= v) a = mid + 1;
        else b = mid;
      }
      list.splice(a, 0, n);
    }
  }

  /**
   * The observations of a parameter in sorted order without sorting: `position[t]` is trial t's
   * row in the observation matrix (-1 when not in it); returns those rows by value of parameter j.
   */
  sortedRows(j: number, position: Int32Array, m: number): Int32Array {
    const out = new Int32Array(m);
    let r = 0;
    for (const t of this.byValue[j]) {
      const i = position[t];
      if (i >= 0) out[r++] = i;
    }
    return out;
  }
}
