import { greedyHypervolumeSubset } from '../multiObjective/hypervolume.js';
import { nonDominatedFronts } from '../multiObjective/nonDominatedSort.js';

/** Optuna's _get_reference_point: 1.1 x the worst value (0.9 x when negative), zeros replaced by 1e-12. */
function referencePoint(points: readonly (readonly number[])[]): number[] {
  const m = points[0].length;
  return Array.from({ length: m }, (_, o) => {
    const worst = Math.max(...points.map((p) => p[o]));
    const r = Math.max(1.1 * worst, 0.9 * worst);
    return r === 0 ? 1e-12 : r;
  });
}

/**
 * Optuna's _split_complete_trials_multi_objective: the `nBelow` best of `costs` by non-domination
 * rank; the front that does not fit whole is cut by greedy hypervolume subset selection (distinct
 * cost vectors first, then duplicates in order). Returns indices, each list ascending.
 */
export function splitByRankAndHypervolume(costs: readonly (readonly number[])[], nBelow: number): { below: number[]; above: number[] } {
  const below: number[] = [];
  for (const front of nonDominatedFronts(costs)) {
    if (below.length >= nBelow) break;
    if (below.length + front.length <= nBelow) {
      below.push(...front);
      continue;
    }
    below.push(...hypervolumeSubset(front, costs, nBelow - below.length));
  }
  const isBelow = new Uint8Array(costs.length);
  for (const i of below) isBelow[i] = 1;
  return { below: below.sort((a, b) => a - b), above: costs.map((_, i) => i).filter((i) => !isBelow[i]) };
}

/** Optuna's _solve_hssp on one front (indices into costs): `k` of them. */
function hypervolumeSubset(front: readonly number[], costs: readonly (readonly number[])[], k: number): number[] {
  const firstOf = new Map<string, number>();
  for (const i of front) {
    const key = costs[i].join(',');
    if (!firstOf.has(key)) firstOf.set(key, i);
  }
  const unique = [...firstOf.values()];
  if (unique.length <= k) {
    const duplicates = front.filter((i) => !unique.includes(i));
    return [...unique, ...duplicates.slice(0, k - unique.length)];
  }
  const points = unique.map((i) => costs[i]);
  return greedyHypervolumeSubset(points, k, referencePoint(points)).map((j) => unique[j]);
}
