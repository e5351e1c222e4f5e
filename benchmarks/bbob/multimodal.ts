/** Multi-modal functions with adequate global structure, f15-f19 (f_rastrigin.c, f_weierstrass.c, f_schaffers.c, f_griewank_rosenbrock.c). */
import { computeXopt } from './instance.js';
import { columnSums, rosenbrockFactor } from './moderate.js';
import type { FunctionBuilder } from './problem.js';
import { affine, computeRotation, conditionedProduct, powerRamp, scaleMatrix, scaleRows, shiftRotate } from './rotation.js';
import { rastriginCore } from './separable.js';
import { asymmetric, asymmetryCoefficients, boxPenalty, oscillateAll } from './transforms.js';

/** f15 rotated Rastrigin: z = Q Lambda^10 R T_asy^0.2(T_osz(R (x - xopt))). */
export const rastriginRotated: FunctionBuilder = ({ dimension: d, rseed, fopt }) => {
  const xopt = computeXopt(rseed, d);
  const rot1 = computeRotation(rseed + 1000000, d);
  const m = conditionedProduct(rot1, powerRamp(Math.sqrt(10), d), computeRotation(rseed, d), d);
  const asymmetry = asymmetryCoefficients(0.2, d);
  const shifted = new Float64Array(d);
  const y = new Float64Array(d);
  const z = new Float64Array(d);
  return {
    xopt,
    evaluate(x) {
      shiftRotate(rot1, x, xopt, shifted, y, d);
      oscillateAll(y, y, d);
      asymmetric(y, asymmetry, y, d);
      affine(m, y, z, d);
      return rastriginCore(z, d) + fopt;
    },
  };
};

const WEIERSTRASS_TERMS = 12;

/** f16 Weierstrass: 10 (1/d sum_i sum_k 1/2^k cos(2 pi 3^k (z_i + 1/2)) - f0)^3 + 10/d f_pen. */
export const weierstrass: FunctionBuilder = ({ dimension: d, rseed, fopt }) => {
  const xopt = computeXopt(rseed, d);
  const rot1 = computeRotation(rseed + 1000000, d);
  const m = conditionedProduct(rot1, powerRamp(1.0 / Math.sqrt(100.0), d), computeRotation(rseed, d), d);
  const amplitudes = new Float64Array(WEIERSTRASS_TERMS);
  const frequencies = new Float64Array(WEIERSTRASS_TERMS);
  let f0 = 0.0;
  for (let k = 0; k < WEIERSTRASS_TERMS; k++) {
    amplitudes[k] = Math.pow(0.5, k);
    frequencies[k] = Math.pow(3.0, k);
    f0 += amplitudes[k] * Math.cos(2 * Math.PI * frequencies[k] * 0.5);
  }
  const penaltyFactor = 10.0 / d;
  const shifted = new Float64Array(d);
  const y = new Float64Array(d);
  const z = new Float64Array(d);
  return {
    xopt,
    evaluate(x) {
      shiftRotate(rot1, x, xopt, shifted, y, d);
      oscillateAll(y, y, d);
      affine(m, y, z, d);
      let sum = 0.0;
      for (let i = 0; i < d; i++) {
        const v = z[i] + 0.5;
        for (let k = 0; k < WEIERSTRASS_TERMS; k++) sum += Math.cos(2 * Math.PI * v * frequencies[k]) * amplitudes[k];
      }
      return 10.0 * Math.pow(sum / d - f0, 3.0) + fopt + penaltyFactor * boxPenalty(x, d);
    },
  };
};

/** Schaffers F7 core: (1/(d-1) sum s_i^0.25 (1 + sin^2(50 s_i^0.1)))^2 with s_i = z_i^2 + z_{i+1}^2. */
function schaffersCore(z: Float64Array, d: number): number {
  let sum = 0.0;
  for (let i = 0; i < d - 1; i++) {
    const s = z[i] * z[i] + z[i + 1] * z[i + 1];
    if (s === Infinity) return s;
    sum += Math.pow(s, 0.25) * (1.0 + Math.pow(Math.sin(50.0 * Math.pow(s, 0.1)), 2.0));
  }
  return Math.pow(sum / (d - 1.0), 2.0);
}

/** f17 (conditioning 10) and f18 (conditioning 1000) Schaffers F7: z = Lambda^c Q T_asy^0.5(R (x - xopt)), penalty factor 10. */
function schaffers(conditioning: number): FunctionBuilder {
  return ({ dimension: d, rseed, fopt }) => {
    const xopt = computeXopt(rseed, d);
    const rot1 = computeRotation(rseed + 1000000, d);
    const m = scaleRows(powerRamp(Math.sqrt(conditioning), d), computeRotation(rseed, d), d);
    const asymmetry = asymmetryCoefficients(0.5, d);
    const shifted = new Float64Array(d);
    const y = new Float64Array(d);
    const z = new Float64Array(d);
    return {
      xopt,
      evaluate(x) {
        shiftRotate(rot1, x, xopt, shifted, y, d);
        asymmetric(y, asymmetry, y, d);
        affine(m, y, z, d);
        return schaffersCore(z, d) + fopt + 10.0 * boxPenalty(x, d);
      },
    };
  };
}

export const schaffers10 = schaffers(10.0);
export const schaffers1000 = schaffers(1000.0);

/** f19 composite Griewank-Rosenbrock F8F2: z = max(1, sqrt(d)/8) R x + 1/2; xopt = R^T 1 / (2 factor). */
export const griewankRosenbrock: FunctionBuilder = ({ dimension: d, rseed, fopt }) => {
  const factor = rosenbrockFactor(d);
  const m = scaleMatrix(factor, computeRotation(rseed, d));
  const xopt = columnSums(m, d).map((v) => v / (2.0 * factor));
  const z = new Float64Array(d);
  return {
    xopt,
    evaluate(x) {
      affine(m, x, z, d);
      let sum = 0.0;
      for (let i = 0; i < d - 1; i++) {
        const a = z[i] - -0.5;
        const b = z[i + 1] - -0.5;
        const c1 = a * a - b;
        const c2 = 1.0 - a;
        const s = 100.0 * c1 * c1 + c2 * c2;
        sum += s / 4000.0 - Math.cos(s);
      }
      return 10.0 + (10.0 * sum) / (d - 1) + fopt;
    },
  };
};
