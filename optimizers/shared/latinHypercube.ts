import type { Rng } from '../../core/index.js';

/**
 * n points of a Latin hypercube in [0, 1)^d: in every dimension each of the n strata
 * [k/n, (k+1)/n) holds exactly one point. `centered` puts points at stratum centres,
 * otherwise they are jittered uniformly inside their stratum.
 */
export function latinHypercube(n: number, d: number, rng: Rng, centered = false): Float64Array[] {
  const points = Array.from({ length: n }, () => new Float64Array(d));
  const strata = Array.from({ length: n }, (_, k) => k);
  for (let j = 0; j < d; j++) {
    rng.shuffle(strata);
    for (let i = 0; i < n; i++) {
      const offset = centered ? 0.5 : rng.random();
      points[i][j] = Math.min((strata[i] + offset) / n, 1 - 2 ** -53);
    }
  }
  return points;
}
