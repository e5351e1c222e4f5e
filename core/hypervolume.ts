import { SpecError } from './errors.js';
import { nonDominated } from './pareto.js';

/**
 * Exact hypervolume dominated by `points` (minimized) and bounded by `reference`: the
 * Lebesgue measure of the union of the boxes [p, reference]. Points not strictly better than
 * the reference in every objective add nothing. 1 objective: a length; 2: a sweep in
 * O(n log n); 3: a sweep over the third objective keeping the 2-D front (O(n^2)); 4 and
 * more: the WFG algorithm (While, Bradstreet & Barone 2012) with the 2-D sweep as its base.
 */
export function hypervolume(points: readonly (readonly number[])[], reference: readonly number[]): number {
  const m = reference.length;
  for (const p of points) {
    if (p.length !== m) throw new SpecError(`Hypervolume: a point has ${p.length} objectives, the reference point ${m}.`);
  }
  const inside = points.filter((p) => p.every((v, i) => v < reference[i]));
  if (inside.length === 0) return 0;
  const front = nonDominated(inside);
  if (m === 1) return reference[0] - front[0][0];
  if (m === 2) return hv2(front, reference);
  if (m === 3) return hv3(front, reference);
  return wfg(front, reference);
}

/** 2-D sweep over points sorted by ascending first objective. */
function hv2(sortedFront: readonly (readonly number[])[], reference: readonly number[]): number {
  let volume = 0;
  let previous = reference[1];
  for (const p of sortedFront) {
    if (p[1] < previous) {
      volume += (reference[0] - p[0]) * (previous - p[1]);
      previous = p[1];
    }
  }
  return volume;
}

/** 3-D: slabs between consecutive third-objective values, each the 2-D volume of the points below. */
function hv3(front: readonly (readonly number[])[], reference: readonly number[]): number {
  const byZ = [...front].sort((a, b) => a[2] - b[2]);
  const slice: number[][] = []; // 2-D non-dominated set, ascending in the first objective
  let volume = 0;
  for (let i = 0; i < byZ.length; i++) {
    insert2d(slice, byZ[i]);
    const top = i + 1 < byZ.length ? byZ[i + 1][2] : reference[2];
    if (top > byZ[i][2]) volume += hv2(slice, reference) * (top - byZ[i][2]);
  }
  return volume;
}

function insert2d(slice: number[][], p: readonly number[]): void {
  let at = 0;
  while (at < slice.length && slice[at][0] < p[0]) at++;
  if (at > 0 && slice[at - 1][1] <= p[1]) return;
  if (at < slice.length && slice[at][0] === p[0] && slice[at][1] <= p[1]) return;
  let end = at;
  while (end < slice.length && slice[end][1] >= p[1]) end++;
  slice.splice(at, end - at, [p[0], p[1]]);
}

/** WFG: sum of exclusive hypervolumes, each the box minus the volume of its limit set. */
function wfg(front: readonly (readonly number[])[], reference: readonly number[]): number {
  const m = reference.length;
  if (front.length === 0) return 0;
  if (m === 2) return hv2([...front].sort((a, b) => a[0] - b[0] || a[1] - b[1]), reference);
  if (front.length === 1) return box(front[0], reference);
  if (front.length === 2) {
    const [a, b] = front;
    return box(a, reference) + box(b, reference) - box(a.map((v, i) => Math.max(v, b[i])), reference);
  }
  // Sorting by the last objective, worst first, keeps limit sets small.
  const sorted = [...front].sort((a, b) => b[m - 1] - a[m - 1]);
  let volume = 0;
  for (let k = 0; k < sorted.length; k++) {
    const p = sorted[k];
    const limited: number[][] = [];
    for (let j = k + 1; j < sorted.length; j++) limited.push(sorted[j].map((v, i) => Math.max(v, p[i])));
    volume += box(p, reference) - wfg(nonDominated(limited), reference);
  }
  return volume;
}

function box(p: readonly number[], reference: readonly number[]): number {
  let v = 1;
  for (let i = 0; i < p.length; i++) v *= reference[i] - p[i];
  return v;
}

/** The same measure by inclusion-exclusion over every subset: exact, for checking (n <= ~16). */
export function hypervolumeInclusionExclusion(points: readonly (readonly number[])[], reference: readonly number[]): number {
  const inside = points.filter((p) => p.every((v, i) => v < reference[i]));
  const n = inside.length;
  if (n > 20) throw new RangeError('inclusion-exclusion is limited to 20 points');
  let volume = 0;
  for (let mask = 1; mask < 1 << n; mask++) {
    const corner = reference.map(() => -Infinity);
    let size = 0;
    for (let i = 0; i < n; i++) {
      if (mask & (1 << i)) {
        size++;
        inside[i].forEach((v, j) => (corner[j] = Math.max(corner[j], v)));
      }
    }
    volume += (size % 2 ? 1 : -1) * box(corner, reference);
  }
  return volume;
}
