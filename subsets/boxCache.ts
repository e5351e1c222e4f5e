import type { Box, ValuedBox } from './box.js';
import type { PointSet } from './pointSet.js';

/**
 * Boxes that recently blocked a move of the shift heuristic, with their point counts for the
 * current subset. A swap (one member out, one point in) changes each count by at most one, so
 * the boxes' values after the swap cost O(boxes * d): most candidate swaps are rejected here,
 * exactly (a box value is a lower bound on the discrepancy), before any full computation.
 */
export class BoxCache {
  private readonly d: number;
  private readonly corners: Float64Array;
  private readonly open: Uint8Array;
  private readonly volume: Float64Array;
  private readonly count: Int32Array;
  private size = 0;
  private next = 0;
  /** The slot that rejected the last swap: neighbouring swaps tend to fail on the same box. */
  private lastHit = 0;

  constructor(private readonly points: PointSet, private readonly capacity: number) {
    this.d = points.d;
    this.corners = new Float64Array(capacity * this.d);
    this.open = new Uint8Array(capacity);
    this.volume = new Float64Array(capacity);
    this.count = new Int32Array(capacity);
  }

  clear(): void {
    this.size = 0;
    this.next = 0;
    this.lastHit = 0;
  }

  /** Adds a box (replacing the oldest when full), counting the subset `members`. */
  add(box: Box, members: ArrayLike<number>): void {
    const slot = this.next;
    this.next = (this.next + 1) % this.capacity;
    if (this.size < this.capacity) this.size++;
    let volume = 1;
    for (let j = 0; j < this.d; j++) {
      this.corners[slot * this.d + j] = box.corner[j];
      volume *= box.corner[j];
    }
    this.open[slot] = box.kind === 'open' ? 1 : 0;
    this.volume[slot] = volume;
    let count = 0;
    for (let t = 0; t < members.length; t++) count += this.contains(slot, members[t]);
    this.count[slot] = count;
  }

  /**
   * The largest box value for the subset with `out` swapped for `into`, stopping early at the
   * first box that reaches `stopAt`. Returns the slot of that box (-1 when the cache is empty).
   */
  worstAfterSwap(out: number, into: number, k: number, stopAt: number): number {
    if (this.lastHit < this.size && this.valueAfterSwap(this.lastHit, out, into, k) >= stopAt) return this.lastHit;
    let bestSlot = -1;
    let best = -Infinity;
    for (let slot = 0; slot < this.size; slot++) {
      const value = this.valueAfterSwap(slot, out, into, k);
      if (value > best) {
        best = value;
        bestSlot = slot;
        if (value >= stopAt) {
          this.lastHit = slot;
          break;
        }
      }
    }
    return bestSlot;
  }

  valueAfterSwap(slot: number, out: number, into: number, k: number): number {
    const count = this.count[slot] - this.contains(slot, out) + this.contains(slot, into);
    return this.open[slot] ? this.volume[slot] - count / k : count / k - this.volume[slot];
  }

  /** The swap happened: update every count. */
  applySwap(out: number, into: number): void {
    for (let slot = 0; slot < this.size; slot++) this.count[slot] += this.contains(slot, into) - this.contains(slot, out);
  }

  boxAt(slot: number, value: number): ValuedBox {
    return { corner: Array.from(this.corners.subarray(slot * this.d, (slot + 1) * this.d)), kind: this.open[slot] ? 'open' : 'closed', value };
  }

  private contains(slot: number, point: number): number {
    const cols = this.points.cols;
    const base = slot * this.d;
    if (this.open[slot]) {
      for (let j = 0; j < this.d; j++) if (cols[j][point] >= this.corners[base + j]) return 0;
    } else {
      for (let j = 0; j < this.d; j++) if (cols[j][point] > this.corners[base + j]) return 0;
    }
    return 1;
  }
}
