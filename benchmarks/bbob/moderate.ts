/** Functions with low or moderate conditioning, f6-f9 (f_attractive_sector.c, f_step_ellipsoid.c, f_rosenbrock.c). */
import { computeXopt } from './instance.js';
import type { FunctionBuilder } from './problem.js';
import { affine, computeRotation, conditionedProduct, powerRamp, scaleMatrix, scaleRows, shiftRotate } from './rotation.js';
import { absolutePenalty, oscillate, roundHalfUp } from './transforms.js';

/** f6 attractive sector: z = Q Lambda^10 R (x - xopt); steep where z_i has xopt_i's sign; T_osz(.)^0.9 of the sum. */
export const attractiveSector: FunctionBuilder = ({ dimension: d, rseed, fopt }) => {
  const xopt = computeXopt(rseed, d);
  const m = conditionedProduct(computeRotation(rseed + 1000000, d), powerRamp(Math.sqrt(10.0), d), computeRotation(rseed, d), d);
  const shifted = new Float64Array(d);
  const z = new Float64Array(d);
  return {
    xopt,
    evaluate(x) {
      shiftRotate(m, x, xopt, shifted, z, d);
      let sum = 0;
      for (let i = 0; i < d; i++) sum += xopt[i] * z[i] > 0.0 ? 100.0 * 100.0 * z[i] * z[i] : z[i] * z[i];
      return Math.pow(oscillate(sum), 0.9) + fopt;
    },
  };
};

/** f7 step ellipsoid: a plateau-rich ellipsoid, rounding between the two rotations, plus a max with |z_1| 1e-4. */
export const stepEllipsoid: FunctionBuilder = ({ dimension: d, rseed, fopt }) => {
  const xopt = computeXopt(rseed, d);
  const rot1 = computeRotation(rseed + 1000000, d);
  const scaledRot2 = scaleRows(powerRamp(100 / 10.0, d).map(Math.sqrt), computeRotation(rseed, d), d);
  const weights = powerRamp(100, d);
  const shifted = new Float64Array(d);
  const z = new Float64Array(d);
  const rotated = new Float64Array(d);
  return {
    xopt,
    evaluate(x) {
      const penalty = absolutePenalty(x, d) * 1.0;
      for (let j = 0; j < d; j++) shifted[j] = x[j] - xopt[j];
      for (let i = 0; i < d; i++) {
        let sum = 0;
        const row = i * d;
        for (let j = 0; j < d; j++) sum += scaledRot2[row + j] * shifted[j];
        z[i] = sum;
      }
      const first = z[0];
      for (let i = 0; i < d; i++) z[i] = Math.abs(z[i]) > 0.5 ? roundHalfUp(z[i]) : roundHalfUp(10.0 * z[i]) / 10.0;
      affine(rot1, z, rotated, d);
      let sum = 0;
      for (let i = 0; i < d; i++) sum += weights[i] * rotated[i] * rotated[i];
      const floor = Math.abs(first) * 1.0e-4;
      return 0.1 * (floor >= sum ? floor : sum) + penalty + fopt;
    },
  };
};

/** Rosenbrock's core: 100 sum (z_i^2 - z_{i+1})^2 + sum (z_i - 1)^2 over i < d - 1. */
function rosenbrockCore(z: Float64Array, d: number): number {
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < d - 1; i++) {
    const a = z[i] * z[i] - z[i + 1];
    s1 += a * a;
    const b = z[i] - 1.0;
    s2 += b * b;
  }
  return 100.0 * s1 + s2;
}

/** max(1, sqrt(d) / 8): the scaling of f8, f9 and f19. */
export function rosenbrockFactor(d: number): number {
  const v = Math.sqrt(d) / 8.0;
  return 1.0 >= v ? 1.0 : v;
}

/** f8 Rosenbrock: z = max(1, sqrt(d)/8) (x - xopt) + 1, with xopt scaled by 0.75. */
export const rosenbrock: FunctionBuilder = ({ dimension: d, rseed, fopt }) => {
  const xopt = computeXopt(rseed, d).map((v) => v * 0.75);
  const factor = rosenbrockFactor(d);
  const z = new Float64Array(d);
  return {
    xopt,
    evaluate(x) {
      for (let i = 0; i < d; i++) z[i] = factor * (x[i] - xopt[i]) - -1.0;
      return rosenbrockCore(z, d) + fopt;
    },
  };
};

/** f9 rotated Rosenbrock: z = max(1, sqrt(d)/8) R x + 1/2; xopt = R^T 1 / (2 factor). */
export const rosenbrockRotated: FunctionBuilder = ({ dimension: d, rseed, fopt }) => {
  const rot = computeRotation(rseed, d);
  const factor = rosenbrockFactor(d);
  const m = scaleMatrix(factor, rot);
  const xopt = columnSums(rot, d).map((v) => v / (2.0 * factor));
  const z = new Float64Array(d);
  return {
    xopt,
    evaluate(x) {
      affine(m, x, z, d, 0.5);
      return rosenbrockCore(z, d) + fopt;
    },
  };
};

/** Sum over rows of each column: R^T 1. */
export function columnSums(m: Float64Array, d: number): Float64Array {
  const out = new Float64Array(d);
  for (let j = 0; j < d; j++) {
    let sum = 0;
    for (let i = 0; i < d; i++) sum += m[i * d + j];
    out[j] = sum;
  }
  return out;
}
