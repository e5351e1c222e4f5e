import type { Rng } from '../../core/index.js';

/** Per objective, the observed [min, max] of `costs` (each a cost vector). */
export function objectiveBounds(costs: readonly (readonly number[])[]): Array<[number, number]> {
  const m = costs[0]?.length ?? 0;
  const bounds: Array<[number, number]> = Array.from({ length: m }, () => [Infinity, -Infinity]);
  for (const c of costs) {
    for (let o = 0; o < m; o++) {
      if (c[o] < bounds[o][0]) bounds[o][0] = c[o];
      if (c[o] > bounds[o][1]) bounds[o][1] = c[o];
    }
  }
  return bounds;
}

/** SMAC's normalize_costs: (v - min) / (max - min) per objective; 1 where the range is below 1e-10. */
export function normalizeCost(cost: readonly number[], bounds: readonly (readonly [number, number])[]): number[] {
  return cost.map((v, o) => {
    const span = bounds[o][1] - bounds[o][0];
    return span < 1e-10 ? 1 : (v - bounds[o][0]) / span;
  });
}

/** SMAC's ParEGO weights: uniform draws normalized to sum to one. */
export function randomWeights(rng: Rng, m: number): number[] {
  const theta = Array.from({ length: m }, () => rng.random());
  const total = theta.reduce((a, b) => a + b, 0) + 1e-10;
  return theta.map((t) => t / total);
}

/** ParEGO's augmented Chebyshev scalarization (Knowles 2006): max_i(theta_i f_i) + rho * sum_i(theta_i f_i). */
export function augmentedChebyshev(theta: readonly number[], f: readonly number[], rho: number): number {
  let max = -Infinity;
  let sum = 0;
  for (let i = 0; i < f.length; i++) {
    const v = theta[i] * f[i];
    if (v > max) max = v;
    sum += v;
  }
  return max + rho * sum;
}

/** A fresh ParEGO scalarization of a set of cost vectors: normalized by their own bounds, random weights. */
export function paregoScalarizer(rng: Rng, costs: readonly (readonly number[])[], rho: number): (cost: readonly number[]) => number {
  const bounds = objectiveBounds(costs);
  const theta = randomWeights(rng, bounds.length);
  return (cost) => augmentedChebyshev(theta, normalizeCost(cost, bounds), rho);
}
