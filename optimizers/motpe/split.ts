import { dominates, hypervolume } from '../../core/index.js';
import { greedyHypervolumeSubset } from '../multiObjective/hypervolumeSubset.js';
import { nonDominatedFronts } from '../multiObjective/nonDominatedSort.js';

/** Optuna's EPS of the TPE sampler. */
const EPS = 1e-12;

/** Optuna's _get_reference_point: 1.1 x the worst value (0.9 x when negative), zeros replaced by 1e-12. */
function referencePoint(points: readonly (readonly number[])[]): number[] {
  const m = points[0].length;
  return Array.from({ length: m }, (_, o) => {
    const worst = Math.max(...points.map((p) => p[o]));
    const r = Math.max(1.1 * worst, 0.9 * worst);
    return r === 0 ? EPS : r;
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

/**
 * Optuna's _calculate_weights_below_for_multi_objective (v4.x): the Parzen weights of the below
 * trials (`costs`, in their order). Members of the below set's own Pareto front weigh their
 * leave-one-out hypervolume contribution (reference as for the subset selection) over the largest
 * one; dominated members, and duplicates (whose leave-one-out contribution is zero), weigh 1e-12.
 * With at most one trial, or an infinite hypervolume, every weight is 1.
 */
export function belowWeights(costs: readonly (readonly number[])[]): Float64Array {
  const n = costs.length;
  const weights = new Float64Array(n).fill(1);
  if (n <= 1) return weights;
  const reference = referencePoint(costs);
  const onFront = costs.map((p) => !costs.some((q) => dominates(q, p)));
  const front = costs.filter((_, i) => onFront[i]);
  const total = hypervolume(front, reference);
  if (!Number.isFinite(total)) return weights;
  const contributions = new Float64Array(n);
  let f = 0;
  costs.forEach((_, i) => {
    if (!onFront[i]) return;
    const others = front.filter((_, j) => j !== f);
    contributions[i] = total - hypervolume(others, reference);
    f++;
  });
  const largest = Math.max(...contributions, EPS);
  for (let i = 0; i < n; i++) weights[i] = Math.max(contributions[i] / largest, EPS);
  return weights;
}
