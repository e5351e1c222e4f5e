import { dominates } from '../../core/index.js';

/**
 * Deb et al.'s fast non-dominated sort: the fronts of `points` (minimized), best first, each a
 * list of indices in ascending order. Equal points share a front.
 */
export function nonDominatedFronts(points: readonly (readonly number[])[]): number[][] {
  const n = points.length;
  const dominatedBy = new Int32Array(n);
  const dominating: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (dominates(points[i], points[j])) {
        dominating[i].push(j);
        dominatedBy[j]++;
      } else if (dominates(points[j], points[i])) {
        dominating[j].push(i);
        dominatedBy[i]++;
      }
    }
  }
  const fronts: number[][] = [];
  let current: number[] = [];
  for (let i = 0; i < n; i++) if (dominatedBy[i] === 0) current.push(i);
  while (current.length > 0) {
    fronts.push(current);
    const next: number[] = [];
    for (const i of current) {
      for (const j of dominating[i]) if (--dominatedBy[j] === 0) next.push(j);
    }
    current = next.sort((a, b) => a - b);
  }
  return fronts;
}

/**
 * NSGA-II crowding distance of the members of one front (indices into `points`), in front order:
 * per objective, the extremes get Infinity and interior points add the normalized gap between
 * their neighbours. Fronts of one or two points are all Infinity.
 */
export function crowdingDistances(points: readonly (readonly number[])[], front: readonly number[]): Float64Array {
  const k = front.length;
  const distance = new Float64Array(k);
  if (k <= 2) return distance.fill(Infinity);
  const m = points[front[0]].length;
  const order = Array.from({ length: k }, (_, i) => i);
  for (let o = 0; o < m; o++) {
    order.sort((a, b) => points[front[a]][o] - points[front[b]][o] || a - b);
    const low = points[front[order[0]]][o];
    const high = points[front[order[k - 1]]][o];
    distance[order[0]] = Infinity;
    distance[order[k - 1]] = Infinity;
    const span = high - low;
    if (!(span > 0)) continue;
    for (let r = 1; r < k - 1; r++) {
      distance[order[r]] += (points[front[order[r + 1]]][o] - points[front[order[r - 1]]][o]) / span;
    }
  }
  return distance;
}

/**
 * The `k` best of `points` by non-domination rank, the last front needed cut by crowding
 * distance (largest first, ties by index): NSGA-II's survival, also Successive Halving's
 * multi-objective promotion. Returns indices, best front first.
 */
export function rankAndCrowdingSelect(points: readonly (readonly number[])[], k: number): number[] {
  const chosen: number[] = [];
  for (const front of nonDominatedFronts(points)) {
    if (chosen.length >= k) break;
    if (chosen.length + front.length <= k) {
      chosen.push(...front);
      continue;
    }
    const distance = crowdingDistances(points, front);
    const order = front.map((_, i) => i).sort((a, b) => distance[b] - distance[a] || a - b);
    for (const i of order.slice(0, k - chosen.length)) chosen.push(front[i]);
  }
  return chosen;
}
