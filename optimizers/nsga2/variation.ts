import type { Rng, SearchSpace } from '../../core/index.js';

/**
 * How NSGA-II varies a point of the unit cube: numeric slots (float, int, ordinal) by SBX and
 * polynomial mutation, categorical slots by uniform crossover and uniform mutation, constants not at all.
 */
export interface GeneLayout {
  readonly numeric: readonly number[];
  /** Categorical slots and their number of choices. */
  readonly categorical: readonly (readonly [slot: number, choices: number])[];
}

export function geneLayout(space: SearchSpace): GeneLayout {
  const numeric: number[] = [];
  const categorical: Array<[number, number]> = [];
  space.hyperparameters.forEach((hp, i) => {
    if (hp.type === 'categorical') {
      if (hp.choices.length > 1) categorical.push([i, hp.choices.length]);
    } else if (hp.type !== 'constant') numeric.push(i);
  });
  return { numeric, categorical };
}

export interface VariationSettings {
  readonly crossoverProb: number;
  readonly crossoverEta: number;
  readonly mutationEta: number;
  /** Per-gene mutation probability. */
  readonly mutationProb: number;
}

/** SBX's per-variable crossover probability and the tolerance below which two parents count as equal (pymoo). */
const SBX_PROB_VAR = 0.5;
const SBX_EPS = 1e-14;

/** Two children of two parents (unit-cube vectors): crossover with probability crossoverProb, then mutation of each. */
export function offspringPair(a: Float64Array, b: Float64Array, layout: GeneLayout, s: VariationSettings, rng: Rng): [Float64Array, Float64Array] {
  const c1 = Float64Array.from(a);
  const c2 = Float64Array.from(b);
  if (rng.random() < s.crossoverProb) {
    for (const j of layout.numeric) sbxGene(c1, c2, j, s.crossoverEta, rng);
    for (const [j] of layout.categorical) {
      if (rng.random() < 0.5) [c1[j], c2[j]] = [c2[j], c1[j]];
    }
  }
  mutate(c1, layout, s, rng);
  mutate(c2, layout, s, rng);
  return [c1, c2];
}

/** Simulated binary crossover of one variable in [0, 1] (Deb & Agrawal 1995, pymoo's cross_sbx), children swapped with probability 1/2. */
function sbxGene(c1: Float64Array, c2: Float64Array, j: number, eta: number, rng: Rng): void {
  if (!(rng.random() < SBX_PROB_VAR)) return;
  const x1 = c1[j];
  const x2 = c2[j];
  if (Math.abs(x1 - x2) <= SBX_EPS) return;
  const y1 = Math.min(x1, x2);
  const y2 = Math.max(x1, x2);
  const delta = y2 - y1;
  const r = rng.random();
  const betaq = (beta: number) => {
    const alpha = 2 - Math.pow(beta, -(eta + 1));
    return r <= 1 / alpha ? Math.pow(r * alpha, 1 / (eta + 1)) : Math.pow(1 / (2 - r * alpha), 1 / (eta + 1));
  };
  const low = 0.5 * (y1 + y2 - betaq(1 + (2 * y1) / delta) * delta);
  const high = 0.5 * (y1 + y2 + betaq(1 + (2 * (1 - y2)) / delta) * delta);
  let [v1, v2] = x1 < x2 ? [low, high] : [high, low];
  if (rng.random() < 0.5) [v1, v2] = [v2, v1];
  c1[j] = Math.min(1, Math.max(0, v1));
  c2[j] = Math.min(1, Math.max(0, v2));
}

function mutate(x: Float64Array, layout: GeneLayout, s: VariationSettings, rng: Rng): void {
  for (const j of layout.numeric) if (rng.random() < s.mutationProb) x[j] = polynomialMutation(x[j], s.mutationEta, rng);
  for (const [j, k] of layout.categorical) {
    if (!(rng.random() < s.mutationProb)) continue;
    const current = Math.min(k - 1, Math.floor(x[j] * k));
    const other = (current + 1 + rng.int(0, k - 2)) % k;
    x[j] = (other + 0.5) / k;
  }
}

/** Deb's polynomial mutation of a value in [0, 1] (pymoo's mut_pm with bounds 0 and 1). */
export function polynomialMutation(x: number, eta: number, rng: Rng): number {
  const r = rng.random();
  const power = 1 / (eta + 1);
  let deltaq: number;
  if (r <= 0.5) {
    const val = 2 * r + (1 - 2 * r) * Math.pow(1 - x, eta + 1);
    deltaq = Math.pow(val, power) - 1;
  } else {
    const val = 2 * (1 - r) + 2 * (r - 0.5) * Math.pow(x, eta + 1);
    deltaq = 1 - Math.pow(val, power);
  }
  return Math.min(1, Math.max(0, x + deltaq));
}
