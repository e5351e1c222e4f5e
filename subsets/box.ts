import type { PointSet } from './pointSet.js';

/**
 * An anchored box of the star discrepancy. 'open' is [0, corner) and is evaluated as
 * volume - share of points inside (too few points); 'closed' is [0, corner] and is evaluated as
 * share of points inside - volume (too many points).
 */
export interface Box {
  readonly corner: readonly number[];
  readonly kind: 'open' | 'closed';
}

/** A box together with its local discrepancy for one point set. */
export interface ValuedBox extends Box {
  readonly value: number;
}

export function boxVolume(corner: readonly number[]): number {
  let volume = 1;
  for (const c of corner) volume *= c;
  return volume;
}

/** Points of `points` (or of its members `ids`) inside the box. */
export function countInBox(points: PointSet, box: Box, ids?: ArrayLike<number>): number {
  const { cols, d } = points;
  const n = ids ? ids.length : points.n;
  let count = 0;
  for (let t = 0; t < n; t++) {
    const i = ids ? ids[t] : t;
    let inside = true;
    for (let j = 0; j < d && inside; j++) {
      const x = cols[j][i];
      inside = box.kind === 'open' ? x < box.corner[j] : x <= box.corner[j];
    }
    if (inside) count++;
  }
  return count;
}

/** Local discrepancy of the box: a lower bound on the star discrepancy of the points. */
export function boxValue(points: PointSet, box: Box, ids?: ArrayLike<number>): number {
  const n = ids ? ids.length : points.n;
  const share = countInBox(points, box, ids) / n;
  const volume = boxVolume(box.corner);
  return box.kind === 'open' ? volume - share : share - volume;
}
