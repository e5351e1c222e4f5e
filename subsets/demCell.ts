/**
 * The dynamic programs inside one cell of the DEM algorithm. The cell's candidate corner
 * coordinates are laid out per dimension j as one group [lower_j, c_1 .. c_m, upper_j], where
 * c_1 <= .. <= c_m are the coordinates of the m points strictly inside the cell in dimension j
 * (and below it in every other dimension), so the number of such points in a box is additive
 * over dimensions:
 * - an open box with corner c_(t+1) holds t of them (at most t with ties), with upper_j all m;
 * - a closed box with corner lower_j holds none, with corner c_s holds s (at least s with ties).
 * Ties only make the programs undercount a discrepancy, never overcount, and the first (open)
 * or last (closed) of equal coordinates is exact.
 */
export class DemCell {
  /** Filled by the solver: the groups, their start in `factors` and their m. */
  readonly factors: Float64Array;
  readonly groupBase: Int32Array;
  readonly groupSize: Int32Array;
  private readonly table: Float64Array;
  private readonly choice: Int32Array;
  private readonly stride: number;

  constructor(capacity: number, private readonly d: number) {
    this.factors = new Float64Array(capacity + 2 * d);
    this.groupBase = new Int32Array(d);
    this.groupSize = new Int32Array(d);
    this.table = new Float64Array(capacity + 1);
    this.stride = capacity + 1;
    this.choice = new Int32Array(d * this.stride);
  }

  /** table[k]: the largest volume of an open box in the cell holding exactly k inside points. */
  largestOpen(): Float64Array {
    const big = this.table;
    const factors = this.factors;
    big[0] = 1;
    let total = 0;
    for (let j = 0; j < this.d; j++) {
      const m = this.groupSize[j];
      const first = this.groupBase[j] + 1;
      for (let k = total + m; k >= 0; k--) {
        const tMin = k > total ? k - total : 0;
        const tMax = k < m ? k : m;
        let value = -1;
        for (let t = tMin; t <= tMax; t++) {
          const v = big[k - t] * factors[first + t];
          if (v > value) value = v;
        }
        big[k] = value;
      }
      total += m;
    }
    return big;
  }

  /** table[k]: the smallest volume of a closed box in the cell holding exactly k inside points. */
  smallestClosed(): Float64Array {
    const small = this.table;
    const factors = this.factors;
    small[0] = 1;
    let total = 0;
    for (let j = 0; j < this.d; j++) {
      const m = this.groupSize[j];
      const first = this.groupBase[j];
      for (let k = total + m; k >= 0; k--) {
        const sMin = k > total ? k - total : 0;
        const sMax = k < m ? k : m;
        let value = Infinity;
        for (let s = sMin; s <= sMax; s++) {
          const v = small[k - s] * factors[first + s];
          if (v < value) value = v;
        }
        small[k] = value;
      }
      total += m;
    }
    return small;
  }

  /** Reruns one program keeping its choices, and writes the corner of its box with k inside points. */
  corner(kind: 'open' | 'closed', k: number, out: Float64Array): void {
    const open = kind === 'open';
    const table = this.table;
    const factors = this.factors;
    const choice = this.choice;
    table[0] = 1;
    let total = 0;
    for (let j = 0; j < this.d; j++) {
      const m = this.groupSize[j];
      const first = this.groupBase[j] + (open ? 1 : 0);
      for (let kk = total + m; kk >= 0; kk--) {
        const tMin = kk > total ? kk - total : 0;
        const tMax = kk < m ? kk : m;
        let value = open ? -1 : Infinity;
        let arg = tMin;
        for (let t = tMin; t <= tMax; t++) {
          const v = table[kk - t] * factors[first + t];
          if (open ? v > value : v < value) {
            value = v;
            arg = t;
          }
        }
        table[kk] = value;
        choice[j * this.stride + kk] = arg;
      }
      total += m;
    }
    let left = k;
    for (let j = this.d - 1; j >= 0; j--) {
      const t = choice[j * this.stride + left];
      out[j] = factors[this.groupBase[j] + (open ? 1 : 0) + t];
      left -= t;
    }
  }
}
