import type { Rng } from '../core/index.js';
import { haltonPoints } from './halton.js';
import type { PointSet } from './pointSet.js';

/** How a shift try picks its first subset. */
export type StartRule = 'greedy' | 'random';
export const START_RULES: readonly StartRule[] = ['greedy', 'random'];

/** k distinct point indices drawn uniformly. */
export function randomStart(n: number, k: number, rng: Rng): number[] {
  return rng.shuffle(Array.from({ length: n }, (_, i) => i)).slice(0, k);
}

/**
 * Greedy matching to a low-discrepancy target: k Halton points, shifted by a random vector
 * (Cranley-Patterson rotation, so every try starts elsewhere), each take the nearest point
 * (max-norm) not taken yet, in order. O(k n d).
 */
export function greedyStart(points: PointSet, k: number, rng: Rng): number[] {
  const { n, d, cols } = points;
  const shift = Array.from({ length: d }, () => rng.random());
  const targets = haltonPoints(k, d, 1 + rng.int(0, 1000)).map((t) => t.map((v, j) => (v + shift[j]) % 1));
  const taken = new Uint8Array(n);
  const chosen: number[] = [];
  for (const target of targets) {
    let best = -1;
    let bestDistance = Infinity;
    for (let i = 0; i < n; i++) {
      if (taken[i]) continue;
      let distance = 0;
      for (let j = 0; j < d && distance < bestDistance; j++) distance = Math.max(distance, Math.abs(cols[j][i] - target[j]));
      if (distance < bestDistance) {
        bestDistance = distance;
        best = i;
      }
    }
    taken[best] = 1;
    chosen.push(best);
  }
  return chosen;
}
