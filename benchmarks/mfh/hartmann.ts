/**
 * mf-prior-bench's multi-fidelity Hartmann generators (mfpbench/synthetic/hartmann/generators.py):
 * at fidelity z in [1, 100], with s = ln z / ln 100,
 *   value = -sum_i (alpha_i - bias (1 - s)) exp(-sum_j A_ij (x_j - 1e-4 P_ij)^2) + |N(0, 1)| noise (1 - s),
 * so z = 100 is the plain Hartmann function. The N(0, 1) draw comes from core/rng.ts, seeded by
 * (seed, z, x); see README.md for how that differs from mf-prior-bench's numpy draw.
 */
import { deriveRng } from '../../core/index.js';

export interface HartmannFunction {
  readonly dims: 3 | 6;
  readonly A: readonly (readonly number[])[];
  readonly P: readonly (readonly number[])[];
  /** Location of the global minimum (mf-prior-bench's `optimum`). */
  readonly optimumConfig: readonly number[];
  /** Lower bound of the value metric in mf-prior-bench (the global minimum at z = 100). */
  readonly optimumValue: number;
}

const ALPHA = [1.0, 1.2, 3.0, 3.2];

export const hartmann3: HartmannFunction = {
  dims: 3,
  A: [[3.0, 10, 30], [0.1, 10, 35], [3.0, 10, 30], [0.1, 10, 35]],
  P: [[3689, 1170, 2673], [4699, 4387, 7470], [1091, 8732, 5547], [381, 5743, 8828]],
  optimumConfig: [0.114614, 0.555649, 0.852547],
  optimumValue: -3.86278,
};

export const hartmann6: HartmannFunction = {
  dims: 6,
  A: [
    [10, 3, 17, 3.5, 1.7, 8],
    [0.05, 10, 17, 0.1, 8, 14],
    [3, 3.5, 1.7, 10, 17, 8],
    [17, 8, 0.05, 10, 0.1, 14],
  ],
  P: [
    [1312, 1696, 5569, 124, 8283, 5886],
    [2329, 4135, 8307, 3736, 1004, 9991],
    [2348, 1451, 3522, 2883, 3047, 6650],
    [4047, 8828, 8732, 5743, 1091, 381],
  ],
  optimumConfig: [0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573],
  optimumValue: -3.32237,
};

export const MFH_MIN_FIDELITY = 1;
export const MFH_MAX_FIDELITY = 100;
/** mf-prior-bench's generator seed when none is given (MFHartmannGenerator._default_seed). */
export const MFH_DEFAULT_SEED = 1337;

/** s = (ln z - ln z_min) / (ln z_max - ln z_min): 0 at the lowest fidelity, 1 at the highest. */
function fidelityScale(z: number): number {
  return (Math.log(z) - Math.log(MFH_MIN_FIDELITY)) / (Math.log(MFH_MAX_FIDELITY) - Math.log(MFH_MIN_FIDELITY));
}

/** The noiseless, biased value: -sum_i alpha'_i exp(-inner_i). */
export function biasedHartmann(fn: HartmannFunction, x: ArrayLike<number>, z: number, bias: number): number {
  const s = fidelityScale(z);
  let h = 0;
  for (let i = 0; i < ALPHA.length; i++) {
    let inner = 0;
    for (let j = 0; j < fn.dims; j++) inner += fn.A[i][j] * (x[j] - 1e-4 * fn.P[i][j]) ** 2;
    h -= (ALPHA[i] - bias * (1 - s)) * Math.exp(-inner);
  }
  return h;
}

/** The standard half-normal draw for (seed, z, x): the same arguments give the same draw. */
function noiseDraw(seed: number, z: number, x: ArrayLike<number>): number {
  return Math.abs(deriveRng(seed, 'mfh', z, Array.from(x).join(',')).normal());
}

/** Value of the multi-fidelity Hartmann function at integer fidelity z (what mf-prior-bench reports as `value`). */
export function mfHartmann(fn: HartmannFunction, x: ArrayLike<number>, z: number, bias: number, noise: number, seed: number): number {
  const scale = noise * (1 - fidelityScale(z));
  const h = biasedHartmann(fn, x, z, bias);
  return scale === 0 ? h : h + noiseDraw(seed, z, x) * scale;
}

/** mf-prior-bench's fid_cost, lambda(z) = 0.05 + 0.95 (z / z_max)^2: CARP-S reports it as virtual time. */
export function fidelityCost(z: number): number {
  return 0.05 + (1 - 0.05) * (z / MFH_MAX_FIDELITY) ** 2;
}
