/** Functions with high conditioning, f10-f14 (f_ellipsoid.c, f_discus.c, f_bent_cigar.c, f_sharp_ridge.c, f_different_powers.c). */
import { computeXopt } from './instance.js';
import type { FunctionBuilder } from './problem.js';
import { affine, computeRotation, conditionedProduct, powerRamp, shiftRotate } from './rotation.js';
import { asymmetric, asymmetryCoefficients, oscillateAll } from './transforms.js';

/** f10 rotated ellipsoid: sum 1e6^(i/(d-1)) z_i^2, z = T_osz(R (x - xopt)). */
export const ellipsoidRotated: FunctionBuilder = ({ dimension: d, rseed, fopt }) => {
  const xopt = computeXopt(rseed, d);
  const rot = computeRotation(rseed + 1000000, d);
  const weights = powerRamp(1.0e6, d);
  const shifted = new Float64Array(d);
  const z = new Float64Array(d);
  return {
    xopt,
    evaluate(x) {
      shiftRotate(rot, x, xopt, shifted, z, d);
      oscillateAll(z, z, d);
      let sum = 0;
      for (let i = 0; i < d; i++) sum += weights[i] * z[i] * z[i];
      return sum + fopt;
    },
  };
};

/** f11 discus: 1e6 z_1^2 + sum_{i>1} z_i^2, z = T_osz(R (x - xopt)). */
export const discus: FunctionBuilder = ({ dimension: d, rseed, fopt }) => {
  const xopt = computeXopt(rseed, d);
  const rot = computeRotation(rseed + 1000000, d);
  const shifted = new Float64Array(d);
  const z = new Float64Array(d);
  return {
    xopt,
    evaluate(x) {
      shiftRotate(rot, x, xopt, shifted, z, d);
      oscillateAll(z, z, d);
      let sum = 1.0e6 * z[0] * z[0];
      for (let i = 1; i < d; i++) sum += z[i] * z[i];
      return sum + fopt;
    },
  };
};

/** f12 bent cigar: z_1^2 + 1e6 sum_{i>1} z_i^2, z = R T_asy^0.5(R (x - xopt)); xopt and R both from seed + 1e6. */
export const bentCigar: FunctionBuilder = ({ dimension: d, rseed, fopt }) => {
  const xopt = computeXopt(rseed + 1000000, d);
  const rot = computeRotation(rseed + 1000000, d);
  const asymmetry = asymmetryCoefficients(0.5, d);
  const shifted = new Float64Array(d);
  const y = new Float64Array(d);
  const z = new Float64Array(d);
  return {
    xopt,
    evaluate(x) {
      shiftRotate(rot, x, xopt, shifted, y, d);
      asymmetric(y, asymmetry, y, d);
      affine(rot, y, z, d);
      let sum = z[0] * z[0];
      for (let i = 1; i < d; i++) sum += 1.0e6 * z[i] * z[i];
      return sum + fopt;
    },
  };
};

/** f13 sharp ridge: z_1^2 + 100 sqrt(sum_{i>1} z_i^2), z = Q Lambda^10 R (x - xopt). */
export const sharpRidge: FunctionBuilder = ({ dimension: d, rseed, fopt }) => {
  const xopt = computeXopt(rseed, d);
  const m = conditionedProduct(computeRotation(rseed + 1000000, d), powerRamp(Math.sqrt(10), d), computeRotation(rseed, d), d);
  const shifted = new Float64Array(d);
  const z = new Float64Array(d);
  return {
    xopt,
    evaluate(x) {
      shiftRotate(m, x, xopt, shifted, z, d);
      let ridge = 0;
      for (let i = 1; i < d; i++) ridge += z[i] * z[i];
      return 100.0 * Math.sqrt(ridge / 1.0) + (z[0] * z[0]) / 1.0 + fopt;
    },
  };
};

/** f14 different powers: sqrt(sum |z_i|^(2 + 4 i/(d-1))), z = R (x - xopt). */
export const differentPowers: FunctionBuilder = ({ dimension: d, rseed, fopt }) => {
  const xopt = computeXopt(rseed, d);
  const rot = computeRotation(rseed + 1000000, d);
  const exponents = new Float64Array(d).map((_, i) => 2.0 + (4.0 * i) / (d - 1.0));
  const shifted = new Float64Array(d);
  const z = new Float64Array(d);
  return {
    xopt,
    evaluate(x) {
      shiftRotate(rot, x, xopt, shifted, z, d);
      let sum = 0;
      for (let i = 0; i < d; i++) sum += Math.pow(Math.abs(z[i]), exponents[i]);
      return Math.sqrt(sum) + fopt;
    },
  };
};
