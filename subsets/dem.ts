import type { ValuedBox } from './box.js';
import { DemCell } from './demCell.js';
import type { PointSet } from './pointSet.js';

export interface DemOptions {
  /** A box already known for these points; the search only looks for boxes worse than it (prunes more). */
  readonly seed?: ValuedBox;
  /** Stop at the first box whose value reaches this: the result is then that box, a lower bound. */
  readonly stopAt?: number;
}

/**
 * Exact L-infinity star discrepancy by the algorithm of Dobkin, Eppstein and Mitchell (1996),
 * O(n^(1+d/2)). Reuse one solver for many point sets of at most `capacity` points: all buffers
 * are allocated once.
 *
 * The search splits the cube dimension by dimension into slabs. In dimension c a slab (lo, hi]
 * gets a boundary at every "forced" point and at every ~sqrt(n)-th remaining point, so that
 * inside a final cell every point is either below the lower corner in all dimensions (it lies
 * in every box whose corner is in the cell), strictly inside the cell in exactly one dimension
 * (forced), or above the upper corner in some dimension (in no box). The best corner inside
 * a cell then follows from dynamic programs over the sorted forced coordinates (DemCell),
 * one dimension at a time: the largest open box and the smallest closed box for each count.
 * Cells whose quick bounds cannot beat the best box so far are skipped.
 * A last degenerate slab [1, 1] covers closed boxes reaching 1 in that dimension, needed
 * when a point has coordinate exactly 1 (min-max rescaled data always has one).
 */
export class DemSolver {
  private readonly d: number;
  private readonly capacity: number;
  private cols: readonly Float64Array[] = [];
  private n = 0;
  private limit = 1;
  /** rem[c]: the points below the slab in every dimension < c, sorted by dimension j in block j - c (j >= c). */
  private readonly rem: Int32Array[];
  /** forced[c]: points strictly inside the slab in exactly one dimension < c (forcedDim), grouped by it, sorted within. */
  private readonly forced: Int32Array[];
  private readonly forcedDim: Uint8Array[];
  /** forcedSorted[c]: the forced points' coordinates in dimension c, sorted: they all become slab boundaries. */
  private readonly forcedSorted: Float64Array[];
  private readonly lower: Float64Array;
  private readonly upper: Float64Array;
  private readonly volLower: Float64Array;
  private readonly volUpper: Float64Array;
  private readonly degenerate: Uint8Array;
  private readonly cell: DemCell;
  private best = 0;
  private bestKind: 'open' | 'closed' = 'closed';
  private readonly bestCorner: Float64Array;
  private stopAt = Infinity;
  private stopped = false;

  /** `slabSize`: remaining points allowed strictly inside a slab (default: max(4, 0.35 sqrt(n)), tuned on n = 30 and 1,000 in d = 3). */
  constructor(capacity: number, d: number, private readonly slabSize?: number) {
    if (d > 255) throw new RangeError(`DemSolver supports at most 255 dimensions, got ${d}`);
    this.d = d;
    this.capacity = capacity;
    this.rem = Array.from({ length: d }, (_, c) => new Int32Array((d - c) * capacity));
    this.forced = Array.from({ length: d }, () => new Int32Array(capacity));
    this.forcedDim = Array.from({ length: d }, () => new Uint8Array(capacity));
    this.forcedSorted = Array.from({ length: d }, () => new Float64Array(capacity));
    this.lower = new Float64Array(d);
    this.upper = new Float64Array(d);
    this.volLower = new Float64Array(d + 1);
    this.volUpper = new Float64Array(d + 1);
    this.degenerate = new Uint8Array(d + 1);
    this.cell = new DemCell(capacity, d);
    this.bestCorner = new Float64Array(d);
  }

  /** Star discrepancy of the points `ids` of `points` (all points when omitted) and a worst box. */
  solve(points: PointSet, ids?: ArrayLike<number>, options: DemOptions = {}): ValuedBox {
    const n = ids ? ids.length : points.n;
    if (points.d !== this.d) throw new RangeError(`DemSolver built for d=${this.d}, got d=${points.d}`);
    if (n > this.capacity) throw new RangeError(`DemSolver built for ${this.capacity} points, got ${n}`);
    if (n === 0) throw new RangeError('The star discrepancy of an empty point set is undefined');
    this.cols = points.cols;
    this.n = n;
    this.limit = this.slabSize ?? Math.max(4, Math.round(0.35 * Math.sqrt(n)));
    for (let j = 0; j < this.d; j++) {
      const list = this.rem[0].subarray(j * this.capacity, j * this.capacity + n);
      for (let t = 0; t < n; t++) list[t] = ids ? ids[t] : t;
      sortByCoordinate(list, this.cols[j]);
    }
    this.best = 0;
    this.bestKind = 'closed';
    this.bestCorner.fill(1);
    if (options.seed && options.seed.value > 0) {
      this.best = options.seed.value;
      this.bestKind = options.seed.kind;
      this.bestCorner.set(options.seed.corner);
    }
    this.stopAt = options.stopAt ?? Infinity;
    this.stopped = this.best >= this.stopAt;
    this.volLower[0] = 1;
    this.volUpper[0] = 1;
    this.degenerate[0] = 0;
    if (!this.stopped) this.explore(0, n, 0);
    return { corner: Array.from(this.bestCorner), kind: this.bestKind, value: this.best };
  }

  /** Splits dimension c into slabs and descends into each (the last dimension into cells). */
  private explore(c: number, remCount: number, forcedCount: number): void {
    const col = this.cols[c];
    const sortedRem = this.rem[c];
    const fs = this.forcedSorted[c];
    const forced = this.forced[c];
    for (let t = 0; t < forcedCount; t++) fs[t] = col[forced[t]];
    if (forcedCount > 1) fs.subarray(0, forcedCount).sort();
    const last = c === this.d - 1;
    const inv = 1 / this.n;
    const volLower = this.volLower[c];
    const volUpper = this.volUpper[c];
    const degenerate = this.degenerate[c] === 1;
    let lo = 0;
    let below = 0;
    let forcedBelow = 0;
    for (;;) {
      while (below < remCount && col[sortedRem[below]] <= lo) below++;
      while (forcedBelow < forcedCount && fs[forcedBelow] <= lo) forcedBelow++;
      let hi = forcedBelow < forcedCount ? fs[forcedBelow] : 1;
      if (below + this.limit < remCount) {
        const v = col[sortedRem[below + this.limit]];
        if (v < hi) hi = v;
      }
      let end = below;
      while (end < remCount && col[sortedRem[end]] < hi) end++;
      if (!last) this.enterSlab(c, lo, hi, remCount, forcedCount, below, end);
      else {
        // A cell: prune it when neither its largest open box nor its smallest closed box can beat the best.
        const openBound = degenerate ? -Infinity : volUpper * hi - below * inv;
        const closedBound = (end + forcedBelow) * inv - volLower * lo; // below + inside + forced: every point that can be in it
        if (openBound > this.best || closedBound > this.best) this.enterCell(c, lo, hi, forcedCount, below, end, openBound, closedBound);
      }
      if (hi >= 1 || this.stopped) break;
      lo = hi;
    }
    const hasOne = (remCount > 0 && col[sortedRem[remCount - 1]] === 1) || (forcedCount > 0 && fs[forcedCount - 1] === 1);
    if (!hasOne || this.stopped) return;
    if (!last) this.enterSlab(c, 1, 1, remCount, forcedCount, remCount, remCount);
    else {
      const closedBound = (remCount + forcedCount) * inv - volLower;
      if (closedBound > this.best) this.enterCell(c, 1, 1, forcedCount, remCount, remCount, -Infinity, closedBound);
    }
  }

  /**
   * Slab [lo, hi] of dimension c < d-1: rem points with x_c <= lo stay below, those strictly
   * inside become forced in dimension c, the rest leave; forced points with x_c <= lo stay.
   */
  private enterSlab(c: number, lo: number, hi: number, remCount: number, forcedCount: number, below: number, end: number): void {
    this.setBounds(c, lo, hi);
    const col = this.cols[c];
    const cap = this.capacity;
    const src = this.rem[c];
    const dst = this.rem[c + 1];
    for (let j = c + 1; j < this.d; j++) {
      const from = (j - c) * cap;
      let to = (j - c - 1) * cap;
      for (let t = from, stop = from + remCount; t < stop; t++) {
        const p = src[t];
        if (col[p] <= lo) dst[to++] = p;
      }
    }
    const parent = this.forced[c];
    const parentDim = this.forcedDim[c];
    const child = this.forced[c + 1];
    const childDim = this.forcedDim[c + 1];
    let f = 0;
    for (let t = 0; t < forcedCount; t++) {
      const p = parent[t];
      if (col[p] <= lo) {
        child[f] = p;
        childDim[f++] = parentDim[t];
      }
    }
    for (let t = below; t < end; t++) {
      child[f] = src[t];
      childDim[f++] = c;
    }
    this.explore(c + 1, below, f);
  }

  private setBounds(c: number, lo: number, hi: number): void {
    this.lower[c] = lo;
    this.upper[c] = hi;
    this.volLower[c + 1] = this.volLower[c] * lo;
    this.volUpper[c + 1] = this.volUpper[c] * hi;
    this.degenerate[c + 1] = this.degenerate[c] | (lo === hi ? 1 : 0);
  }

  /** A cell that survived pruning: run the dynamic programs that can still beat the best. */
  private enterCell(c: number, lo: number, hi: number, forcedCount: number, below: number, end: number, openBound: number, closedBound: number): void {
    this.setBounds(c, lo, hi);
    const nForced = this.fillCell(c, lo, forcedCount, below, end);
    this.evaluateCell(below, nForced, openBound > this.best, closedBound > this.best);
  }

  /**
   * Lays out the cell for its dynamic programs (DemCell), one group per dimension j:
   * [lower_j, forced coordinates in j (sorted), upper_j]. Returns the number of forced points.
   */
  private fillCell(c: number, lo: number, forcedCount: number, below: number, end: number): number {
    const col = this.cols[c];
    const cols = this.cols;
    const factors = this.cell.factors;
    const base = this.cell.groupBase;
    const size = this.cell.groupSize;
    const parent = this.forced[c];
    const parentDim = this.forcedDim[c];
    let w = 0;
    let group = 0;
    base[0] = 0;
    factors[w++] = this.lower[0];
    for (let t = 0; t < forcedCount; t++) {
      const p = parent[t];
      if (col[p] > lo) continue;
      const j = parentDim[t];
      while (group < j) {
        size[group] = w - base[group] - 1;
        factors[w++] = this.upper[group++];
        base[group] = w;
        factors[w++] = this.lower[group];
      }
      factors[w++] = cols[j][p];
    }
    while (group < c) {
      size[group] = w - base[group] - 1;
      factors[w++] = this.upper[group++];
      base[group] = w;
      factors[w++] = this.lower[group];
    }
    const sortedRem = this.rem[c];
    for (let t = below; t < end; t++) factors[w++] = col[sortedRem[t]];
    size[c] = w - base[c] - 1;
    factors[w++] = this.upper[c];
    return w - 2 * this.d;
  }

  /** The dynamic programs of one cell; `below` points lie in every box of the cell. */
  private evaluateCell(below: number, nForced: number, doOpen: boolean, doClosed: boolean): void {
    const inv = 1 / this.n;
    if (doOpen) {
      const big = this.cell.largestOpen();
      let kBest = -1;
      for (let k = 0; k <= nForced; k++) {
        const v = big[k] - (below + k) * inv;
        if (v > this.best) {
          this.best = v;
          kBest = k;
        }
      }
      if (kBest >= 0) this.record('open', kBest);
    }
    if (doClosed && !this.stopped) {
      const small = this.cell.smallestClosed();
      let kBest = -1;
      for (let k = 0; k <= nForced; k++) {
        const v = (below + k) * inv - small[k];
        if (v > this.best) {
          this.best = v;
          kBest = k;
        }
      }
      if (kBest >= 0) this.record('closed', kBest);
    }
  }

  /** A new worst box: recover its corner from the cell. */
  private record(kind: 'open' | 'closed', k: number): void {
    this.cell.corner(kind, k, this.bestCorner);
    this.bestKind = kind;
    if (this.best >= this.stopAt) this.stopped = true;
  }
}

/** Sorts point indices by one coordinate: insertion sort for the small sets of subset search. */
function sortByCoordinate(list: Int32Array, col: Float64Array): void {
  if (list.length > 48) {
    list.sort((a, b) => col[a] - col[b]);
    return;
  }
  for (let i = 1; i < list.length; i++) {
    const p = list[i];
    const v = col[p];
    let t = i - 1;
    while (t >= 0 && col[list[t]] > v) {
      list[t + 1] = list[t];
      t--;
    }
    list[t + 1] = p;
  }
}

/** Exact star discrepancy of a point set (DEM algorithm) with a worst box. */
export function exactDiscrepancy(points: PointSet, options: DemOptions = {}): ValuedBox {
  return new DemSolver(points.n, points.d).solve(points, undefined, options);
}
