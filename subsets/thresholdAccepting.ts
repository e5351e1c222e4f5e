import { deriveRng, SpecError, type Rng } from '../core/index.js';
import type { ValuedBox } from './box.js';
import type { PointSet } from './pointSet.js';

export interface ThresholdAcceptingOptions {
  /** Iterations per trial, split evenly between open and closed boxes. */
  readonly iterations?: number;
  /** Independent trials; the largest value found wins. */
  readonly trials?: number;
  readonly seed?: number;
}

/**
 * A LOWER BOUND on the star discrepancy by threshold accepting, after TA_improved of Gnewuch,
 * Wahlström and Winzen (2012): a random walk over the grid of point coordinates whose moves
 * change `mc` coordinates (2 rising to d) within a range that shrinks from half the grid to one
 * step, sampled with density proportional to the volume they add; a move is accepted when it
 * loses less than the current threshold, thresholds coming from sqrt(iterations) random
 * neighbour pairs. Every evaluated corner is first snapped: open boxes grown until they would
 * take in a point, closed boxes shrunk onto the points they hold. The result is the value of a
 * real box, so it never exceeds the exact value; use it where the exact algorithm is too slow
 * (large d).
 */
export function thresholdAcceptingLowerBound(points: PointSet, options: ThresholdAcceptingOptions = {}): ValuedBox {
  const iterations = options.iterations ?? 100_000;
  const trials = options.trials ?? 2;
  if (!Number.isInteger(iterations) || iterations < 4) throw new SpecError(`iterations = ${iterations} is not valid: give an integer >= 4.`);
  if (!Number.isInteger(trials) || trials < 1) throw new SpecError(`trials = ${trials} is not valid: give an integer >= 1.`);
  const grid = new CoordinateGrid(points);
  let best: ValuedBox = { corner: new Array<number>(points.d).fill(1), kind: 'closed', value: 0 };
  for (let trial = 0; trial < trials; trial++) {
    for (const kind of ['open', 'closed'] as const) {
      const rng = deriveRng(options.seed ?? 0, 'ta', trial, kind);
      const found = new ThresholdWalk(grid, kind, rng).run(Math.floor(iterations / 2));
      if (found.value > best.value) best = found;
    }
  }
  return best;
}

/** Sorted distinct coordinates (and 1) per dimension; points as grid indices. */
class CoordinateGrid {
  readonly n: number;
  readonly d: number;
  readonly values: Float64Array[];
  /** index[j][i]: position of point i's coordinate j in values[j]. */
  readonly index: Int32Array[];

  constructor(points: PointSet) {
    this.n = points.n;
    this.d = points.d;
    this.values = points.cols.map((col) => Float64Array.from(new Set([...col, 1])).sort());
    this.index = points.cols.map((col, j) => Int32Array.from(col, (x) => lowerBound(this.values[j], x)));
  }

  /** Smallest grid index with value >= x. */
  roundUp(j: number, x: number): number {
    return Math.min(lowerBound(this.values[j], x), this.values[j].length - 1);
  }

  /** Largest grid index with value <= x (0 when every value is above x). */
  roundDown(j: number, x: number): number {
    const i = lowerBound(this.values[j], x);
    if (i < this.values[j].length && this.values[j][i] === x) return i;
    return Math.max(0, i - 1);
  }

  volume(corner: Int32Array): number {
    let v = 1;
    for (let j = 0; j < this.d; j++) v *= this.values[j][corner[j]];
    return v;
  }
}

/** One threshold-accepting search over open or closed boxes. */
class ThresholdWalk {
  private readonly d: number;
  private readonly current: Int32Array;
  private readonly candidate: Int32Array;
  private readonly snapped: Int32Array;
  private readonly bestCorner: Int32Array;
  private readonly dims: number[];
  private bestValue = -Infinity;

  constructor(private readonly grid: CoordinateGrid, private readonly kind: 'open' | 'closed', private readonly rng: Rng) {
    this.d = grid.d;
    this.current = new Int32Array(this.d);
    this.candidate = new Int32Array(this.d);
    this.snapped = new Int32Array(this.d);
    this.bestCorner = new Int32Array(this.d);
    this.dims = Array.from({ length: this.d }, (_, j) => j);
  }

  run(iterations: number): ValuedBox {
    const steps = Math.max(2, Math.floor(Math.sqrt(iterations)));
    const thresholds = this.thresholds(steps);
    this.randomCorner(this.current);
    let value = this.evaluate(this.current);
    const total = steps * steps;
    let iteration = 0;
    for (const threshold of thresholds) {
      for (let inner = 0; inner < steps; inner++, iteration++) {
        this.neighbour(this.current, this.candidate, iteration / total);
        const next = this.evaluate(this.candidate);
        if (next - value >= threshold) {
          this.current.set(this.candidate);
          value = next;
        }
      }
    }
    return {
      corner: Array.from(this.bestCorner, (i, j) => this.grid.values[j][i]),
      kind: this.kind,
      value: this.bestValue,
    };
  }

  /** Non-positive thresholds, most permissive first, from the value gaps of random neighbour pairs. */
  private thresholds(count: number): Float64Array {
    const thresholds = new Float64Array(count);
    const a = new Int32Array(this.d);
    const b = new Int32Array(this.d);
    for (let i = 0; i < count; i++) {
      this.randomCorner(a);
      this.neighbour(a, b, i / count);
      thresholds[i] = -Math.abs(this.evaluate(b) - this.evaluate(a));
    }
    return thresholds.sort();
  }

  /** Each coordinate drawn as u^(1/d): the density of volume, favouring large boxes. */
  private randomCorner(out: Int32Array): void {
    for (let j = 0; j < this.d; j++) out[j] = this.round(j, Math.pow(this.rng.random(), 1 / this.d));
  }

  /** Changes mc random coordinates within `range` grid steps, with volume-proportional density. */
  private neighbour(from: Int32Array, out: Int32Array, progress: number): void {
    out.set(from);
    const mc = Math.min(this.d, this.d === 1 ? 1 : 2 + Math.floor(progress * (this.d - 2)));
    for (let t = 0; t < mc; t++) {
      const pick = t + this.rng.int(0, this.d - 1 - t);
      [this.dims[t], this.dims[pick]] = [this.dims[pick], this.dims[t]];
      const j = this.dims[t];
      const values = this.grid.values[j];
      const start = Math.floor((values.length - 1) / 2);
      const range = Math.max(1, Math.round(start * (1 - progress) + progress));
      const low = from[j] - range >= 0 ? values[from[j] - range] : 0;
      const high = from[j] + range < values.length ? values[from[j] + range] : 1;
      const lowD = Math.pow(low, this.d);
      const x = Math.pow(lowD + this.rng.random() * (Math.pow(high, this.d) - lowD), 1 / this.d);
      out[j] = this.round(j, x);
    }
  }

  private round(j: number, x: number): number {
    return this.kind === 'open' ? this.grid.roundUp(j, x) : this.grid.roundDown(j, x);
  }

  /** Snaps the corner and returns the box's local discrepancy, keeping the best box seen. */
  private evaluate(corner: Int32Array): number {
    const value = this.kind === 'open' ? this.evaluateOpen(corner) : this.evaluateClosed(corner);
    if (value > this.bestValue) {
      this.bestValue = value;
      this.bestCorner.set(this.snapped);
    }
    return value;
  }

  /**
   * Grows [0, corner) without taking in a point: a point outside the box in exactly those
   * dimensions that the grown box does not already exclude it in bounds the first of them
   * (in a random order of dimensions).
   */
  private evaluateOpen(corner: Int32Array): number {
    const { n, d, index, values } = this.grid;
    const grown = this.snapped;
    for (let j = 0; j < d; j++) grown[j] = values[j].length - 1;
    this.rng.shuffle(this.dims);
    let inside = 0;
    for (let i = 0; i < n; i++) {
      let limiting = -1;
      let excluded = false;
      let outside = false;
      for (let t = 0; t < d; t++) {
        const j = this.dims[t];
        const x = index[j][i];
        if (x < corner[j]) continue;
        outside = true;
        if (x >= grown[j]) {
          excluded = true;
          break;
        }
        if (limiting < 0) limiting = j;
      }
      if (!outside) inside++;
      else if (!excluded) grown[limiting] = index[limiting][i];
    }
    return this.grid.volume(grown) - inside / n;
  }

  /** Shrinks [0, corner] onto the points it holds. */
  private evaluateClosed(corner: Int32Array): number {
    const { n, d, index } = this.grid;
    const shrunk = this.snapped;
    shrunk.fill(0);
    let inside = 0;
    for (let i = 0; i < n; i++) {
      let isInside = true;
      for (let j = 0; j < d && isInside; j++) isInside = index[j][i] <= corner[j];
      if (!isInside) continue;
      inside++;
      for (let j = 0; j < d; j++) if (index[j][i] > shrunk[j]) shrunk[j] = index[j][i];
    }
    if (inside === 0) shrunk.set(corner);
    return inside / n - this.grid.volume(shrunk);
  }
}

/** First position in the sorted array with value >= x. */
function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
