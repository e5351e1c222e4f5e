import { hypervolume } from '../../core/index.js';

/** Volume of the box between a point and the reference. */
function box(p: readonly number[], reference: readonly number[]): number {
  let v = 1;
  for (let i = 0; i < p.length; i++) v *= reference[i] - p[i];
  return v;
}

/**
 * Greedy hypervolume subset selection (Optuna's _solve_hssp): `k` of `points`, each step the one
 * adding the most hypervolume to those chosen. Contributions only shrink as the subset grows
 * (submodularity), so stale values are upper bounds and most are never recomputed (lazy greedy).
 * Ties go to the lower index. Returns indices in selection order.
 */
export function greedyHypervolumeSubset(points: readonly (readonly number[])[], k: number, reference: readonly number[]): number[] {
  const n = points.length;
  if (k >= n) return points.map((_, i) => i);
  const bound = points.map((p) => (p.every((v, i) => v < reference[i]) ? box(p, reference) : 0));
  const chosen: number[] = [];
  const taken = new Uint8Array(n);
  let selected: (readonly number[])[] = [];
  let volume = 0;
  const fresh = new Uint8Array(n);
  while (chosen.length < k) {
    fresh.fill(0);
    for (;;) {
      let top = -1;
      for (let i = 0; i < n; i++) if (!taken[i] && (top < 0 || bound[i] > bound[top])) top = i;
      if (fresh[top] || chosen.length === 0) {
        taken[top] = 1;
        chosen.push(top);
        selected = [...selected, points[top]];
        volume = chosen.length === 1 ? bound[top] : volume + bound[top];
        break;
      }
      bound[top] = Math.max(0, hypervolume([...selected, points[top]], reference) - volume);
      fresh[top] = 1;
    }
  }
  return chosen;
}
