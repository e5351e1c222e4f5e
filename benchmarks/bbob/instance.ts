import { legacyGauss, legacyUniform } from './legacyRandom.js';

/** Instance k of function f: the seeds and optimum COCO derives (suite_bbob.c, suite_bbob_legacy_code.c). */
export interface InstanceSpec {
  readonly fid: number;
  readonly dimension: number;
  readonly instance: number;
  /** Seed of xopt and the rotations: f + 10000 k, except f4 uses 3 + 10000 k and f18 uses 17 + 10000 k. */
  readonly rseed: number;
  /** Optimal value: bbob2009_compute_fopt(f, k). */
  readonly fopt: number;
}

/** f4 shares f3's seed and f18 shares f17's (COCO's rseed_3 and rseed_17). */
function seedFunction(fid: number): number {
  if (fid === 4) return 3;
  if (fid === 18) return 17;
  return fid;
}

export function instanceSeed(fid: number, instance: number): number {
  return seedFunction(fid) + 10000 * instance;
}

export function instanceSpec(fid: number, dimension: number, instance: number): InstanceSpec {
  return { fid, dimension, instance, rseed: instanceSeed(fid, instance), fopt: computeFopt(fid, instance) };
}

/** bbob2009_compute_xopt: each coordinate on a 1e-4 grid in [-4, 4), never exactly 0. */
export function computeXopt(seed: number, dimension: number): Float64Array {
  const xopt = legacyUniform(dimension, seed);
  for (let i = 0; i < dimension; i++) {
    const value = (8 * Math.floor(1e4 * xopt[i])) / 1e4 - 4;
    xopt[i] = value === 0 ? -1e-5 : value;
  }
  return xopt;
}

/** bbob2009_compute_fopt: a ratio of two normals, rounded to 2 decimals and clipped to [-1000, 1000]. */
export function computeFopt(fid: number, instance: number): number {
  const seed = instanceSeed(fid, instance);
  const numerator = legacyGauss(1, seed)[0];
  const denominator = legacyGauss(1, seed + 1)[0];
  const rounded = Math.floor((100 * 100 * numerator) / denominator + 0.5) / 100;
  return Math.min(1000, Math.max(-1000, rounded));
}
