import { deriveRng, SpecError, type Rng } from '../core/index.js';
import type { ValuedBox } from './box.js';
import { BoxCache } from './boxCache.js';
import { DemSolver } from './dem.js';
import type { PointSet } from './pointSet.js';
import { greedyStart, randomStart, START_RULES, type StartRule } from './startSubset.js';

export interface ShiftOptions {
  /** Points to pick. */
  readonly k: number;
  /** Independent restarts; the best subset over all tries wins (CARP-S runs 5000, its default 50). */
  readonly tries?: number;
  readonly seed?: number;
  /** First subset of each try: greedy matching to a shifted Halton set, or uniform. */
  readonly start?: StartRule;
  /** Accepted moves per try before it stops (the local search usually stops earlier). */
  readonly maxMoves?: number;
  /**
   * 'shift': only the shift moves (as CARP-S's program). 'extended' (default): when no shift
   * move improves, also try every swap that can lower the worst box before giving up.
   */
  readonly neighbourhood?: 'shift' | 'extended';
  /** Boxes remembered to reject swaps without a full computation. */
  readonly cacheSize?: number;
}

export interface ShiftResult {
  /** Indices into the point set, in increasing order. */
  readonly ids: number[];
  /** Exact star discrepancy of the subset. */
  readonly discrepancy: number;
  readonly worstBox: ValuedBox;
  readonly stats: ShiftStats;
}

export interface ShiftStats {
  readonly tries: number;
  /** Accepted swaps over all tries. */
  readonly moves: number;
  /** Swaps looked at; rejected by a remembered box; given to the exact algorithm. */
  readonly candidates: number;
  readonly rejectedByCache: number;
  readonly exactEvaluations: number;
}

/** Improvements smaller than this are noise in the volumes, not moves. */
const EPS = 1e-12;

/**
 * Star discrepancy subset selection by the shift heuristic (Clément, Doerr, Paquete 2023):
 * from a start subset, look at the worst box of the current subset; for each dimension take
 * the member on that face of the box and try replacing it by the points next to it in that
 * dimension's order (outwards for a box with too many points, inwards for too few), nearest
 * first, the dimension order starting at a random one; accept the first swap that lowers the
 * exact discrepancy, and stop when none does. Restart `tries` times.
 */
export function shiftSelect(points: PointSet, options: ShiftOptions): ShiftResult {
  const { k } = options;
  const tries = options.tries ?? 100;
  const start = options.start ?? 'greedy';
  checkShiftOptions(points.n, k, tries, start);
  if (k === points.n) {
    const ids = Array.from({ length: k }, (_, i) => i);
    const worstBox = new DemSolver(k, points.d).solve(points);
    return { ids, discrepancy: worstBox.value, worstBox, stats: { tries: 0, moves: 0, candidates: 0, rejectedByCache: 0, exactEvaluations: 1 } };
  }
  const search = new ShiftSearch(points, k, options.cacheSize ?? 64, options.maxMoves ?? 10_000, (options.neighbourhood ?? 'extended') === 'extended');
  let best: { ids: number[]; box: ValuedBox } | undefined;
  for (let t = 0; t < tries; t++) {
    const rng = deriveRng(options.seed ?? 0, 'shift', t);
    const first = start === 'greedy' ? greedyStart(points, k, rng) : randomStart(points.n, k, rng);
    const result = search.run(first, rng);
    if (!best || result.box.value < best.box.value - EPS) best = result;
  }
  const found = best!;
  return { ids: [...found.ids].sort((a, b) => a - b), discrepancy: found.box.value, worstBox: found.box, stats: { tries, ...search.stats } };
}

function checkShiftOptions(n: number, k: number, tries: number, start: string): void {
  if (!Number.isInteger(k) || k < 1) throw new SpecError(`k = ${k} is not a valid subset size: give an integer >= 1.`);
  if (k > n) throw new SpecError(`k = ${k} is larger than the ${n} points to choose from: give k <= ${n}.`);
  if (!Number.isInteger(tries) || tries < 1) throw new SpecError(`tries = ${tries} is not valid: give an integer >= 1.`);
  if (!START_RULES.includes(start as StartRule)) throw new SpecError(`start = '${start}' is not a start rule: valid: ${START_RULES.join(', ')}.`);
}

/** The local search of one try, with the buffers every try shares. */
class ShiftSearch {
  readonly stats = { moves: 0, candidates: 0, rejectedByCache: 0, exactEvaluations: 0 };
  private readonly d: number;
  /** order[j][r]: the point of rank r in dimension j; rank[j][p]: its inverse. */
  private readonly order: Int32Array[];
  private readonly rank: Int32Array[];
  private readonly slotOf: Int32Array;
  private readonly members: Int32Array;
  private readonly solver: DemSolver;
  private readonly cache: BoxCache;
  private readonly faces: Int32Array;

  constructor(private readonly points: PointSet, private readonly k: number, cacheSize: number, private readonly maxMoves: number, private readonly extended: boolean) {
    const { n, d, cols } = points;
    this.d = d;
    this.order = cols.map((col) => Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => col[a] - col[b] || a - b));
    this.rank = this.order.map((order) => {
      const rank = new Int32Array(n);
      order.forEach((p, r) => (rank[p] = r));
      return rank;
    });
    this.slotOf = new Int32Array(n);
    this.members = new Int32Array(k);
    this.solver = new DemSolver(k, d);
    this.cache = new BoxCache(points, cacheSize);
    this.faces = new Int32Array(d);
  }

  run(first: readonly number[], rng: Rng): { ids: number[]; box: ValuedBox } {
    this.slotOf.fill(-1);
    first.forEach((p, slot) => {
      this.members[slot] = p;
      this.slotOf[p] = slot;
    });
    let current = this.exact();
    this.cache.clear();
    this.cache.add(current, this.members);
    for (let move = 0; move < this.maxMoves; move++) {
      const next = this.improve(current, rng);
      if (!next) break;
      current = next;
      this.stats.moves++;
    }
    return { ids: Array.from(this.members), box: current };
  }

  /** One accepted swap, or undefined at a local optimum. */
  private improve(current: ValuedBox, rng: Rng): ValuedBox | undefined {
    return this.shiftMove(current, rng) ?? (this.extended ? this.swapMove(current, rng) : undefined);
  }

  /** The shift neighbourhood: members on the faces of the worst box, moved along one dimension's order. */
  private shiftMove(current: ValuedBox, rng: Rng): ValuedBox | undefined {
    const d = this.d;
    const n = this.points.n;
    this.findFaces(current);
    const step = current.kind === 'closed' ? 1 : -1;
    const firstDim = rng.int(0, d - 1);
    for (let distance = 1; ; distance++) {
      let inRange = false;
      for (let r = 0; r < d; r++) {
        const j = (firstDim + r) % d;
        const out = this.faces[j];
        const position = this.rank[j][out] + step * distance;
        if (position < 0 || position >= n) continue;
        inRange = true;
        const into = this.order[j][position];
        if (this.slotOf[into] >= 0) continue;
        const accepted = this.trySwap(out, into, current.value - EPS);
        if (accepted) return accepted;
      }
      if (!inRange) return undefined;
    }
  }

  /**
   * The wider neighbourhood once shifting is stuck: every swap that can lower the worst box,
   * i.e. a member inside it for a point outside (too many points), or a point inside it for a
   * member outside (too few), in random order.
   */
  private swapMove(current: ValuedBox, rng: Rng): ValuedBox | undefined {
    const open = current.kind === 'open';
    const outs: number[] = [];
    const intos: number[] = [];
    for (let p = 0; p < this.points.n; p++) {
      const inside = this.inBox(current, p);
      if (this.slotOf[p] >= 0) {
        if (inside !== open) outs.push(p);
      } else if (inside === open) intos.push(p);
    }
    rng.shuffle(outs);
    rng.shuffle(intos);
    for (const out of outs) {
      for (const into of intos) {
        const accepted = this.trySwap(out, into, current.value - EPS);
        if (accepted) return accepted;
      }
    }
    return undefined;
  }

  private inBox(box: ValuedBox, p: number): boolean {
    const cols = this.points.cols;
    for (let j = 0; j < this.d; j++) {
      const x = cols[j][p];
      if (box.kind === 'open' ? x >= box.corner[j] : x > box.corner[j]) return false;
    }
    return true;
  }

  /** For each dimension, the member on the face of the worst box (the highest ranked with x_j <= corner_j). */
  private findFaces(box: ValuedBox): void {
    const cols = this.points.cols;
    for (let j = 0; j < this.d; j++) {
      const limit = box.corner[j];
      let face = -1;
      let lowest = -1;
      for (let slot = 0; slot < this.k; slot++) {
        const p = this.members[slot];
        if (lowest < 0 || this.rank[j][p] < this.rank[j][lowest]) lowest = p;
        if (cols[j][p] <= limit && (face < 0 || this.rank[j][p] > this.rank[j][face])) face = p;
      }
      this.faces[j] = face >= 0 ? face : lowest;
    }
  }

  /** The subset with `out` replaced by `into`, when its discrepancy is below `threshold`. */
  private trySwap(out: number, into: number, threshold: number): ValuedBox | undefined {
    this.stats.candidates++;
    const cached = this.cache.worstAfterSwap(out, into, this.k, threshold);
    const cachedValue = cached >= 0 ? this.cache.valueAfterSwap(cached, out, into, this.k) : -Infinity;
    if (cachedValue >= threshold) {
      this.stats.rejectedByCache++;
      return undefined;
    }
    const slot = this.slotOf[out];
    this.members[slot] = into;
    const seed = cachedValue > 0 ? this.cache.boxAt(cached, cachedValue) : undefined;
    const result = this.exact(seed, threshold);
    if (result.value >= threshold) {
      this.members[slot] = out;
      this.cache.add(result, this.members);
      return undefined;
    }
    this.slotOf[out] = -1;
    this.slotOf[into] = slot;
    this.cache.applySwap(out, into);
    this.cache.add(result, this.members);
    return result;
  }

  private exact(seed?: ValuedBox, stopAt?: number): ValuedBox {
    this.stats.exactEvaluations++;
    return this.solver.solve(this.points, this.members, { seed, stopAt });
  }
}
