/** Separable functions f1-f5 (COCO's f_sphere.c, f_ellipsoid.c, f_rastrigin.c, f_bueche_rastrigin.c, f_linear_slope.c). */
import { computeXopt } from './instance.js';
import { TWO_PI, type FunctionBuilder } from './problem.js';
import { powerRamp } from './rotation.js';
import { asymmetric, asymmetryCoefficients, boxPenalty, conditioningScales, oscillate } from './transforms.js';

/** f1 sphere: ||x - xopt||^2. */
export const sphere: FunctionBuilder = ({ dimension: d, rseed, fopt }) => {
  const xopt = computeXopt(rseed, d);
  return {
    xopt,
    evaluate(x) {
      let sum = 0;
      for (let i = 0; i < d; i++) {
        const z = x[i] - xopt[i];
        sum += z * z;
      }
      return sum + fopt;
    },
  };
};

/** f2 separable ellipsoid: sum 1e6^(i/(d-1)) z_i^2 with z = T_osz(x - xopt). */
export const ellipsoid: FunctionBuilder = ({ dimension: d, rseed, fopt }) => {
  const xopt = computeXopt(rseed, d);
  const weights = powerRamp(1e6, d);
  return {
    xopt,
    evaluate(x) {
      let sum = 0;
      for (let i = 0; i < d; i++) {
        const z = oscillate(x[i] - xopt[i]);
        sum += weights[i] * z * z;
      }
      return sum + fopt;
    },
  };
};

/** The Rastrigin core shared by f3 and f15: 10 (d - sum cos(2 pi z_i)) + ||z||^2. */
export function rastriginCore(z: Float64Array, d: number): number {
  let cosines = 0;
  let squares = 0;
  for (let i = 0; i < d; i++) {
    cosines += Math.cos(TWO_PI * z[i]);
    squares += z[i] * z[i];
  }
  if (squares === Infinity) return squares;
  return 10.0 * (d - cosines) + squares;
}

/** f3 separable Rastrigin: z = Lambda^10 T_asy^0.2(T_osz(x - xopt)). */
export const rastrigin: FunctionBuilder = ({ dimension: d, rseed, fopt }) => {
  const xopt = computeXopt(rseed, d);
  const asymmetry = asymmetryCoefficients(0.2, d);
  const scales = conditioningScales(10, d);
  const z = new Float64Array(d);
  return {
    xopt,
    evaluate(x) {
      for (let i = 0; i < d; i++) z[i] = oscillate(x[i] - xopt[i]);
      asymmetric(z, asymmetry, z, d);
      for (let i = 0; i < d; i++) z[i] = scales[i] * z[i];
      return rastriginCore(z, d) + fopt;
    },
  };
};

/** f4 Bueche-Rastrigin: xopt's even coordinates made positive, brs scaling, penalty factor 100. */
export const buecheRastrigin: FunctionBuilder = ({ dimension: d, rseed, fopt }) => {
  const xopt = computeXopt(rseed, d);
  for (let i = 0; i < d; i += 2) xopt[i] = Math.abs(xopt[i]);
  const factors = powerRamp(Math.sqrt(10.0), d);
  return {
    xopt,
    evaluate(x) {
      let cosines = 0;
      let squares = 0;
      for (let i = 0; i < d; i++) {
        const z = oscillate(x[i] - xopt[i]);
        const factor = z > 0.0 && i % 2 === 0 ? factors[i] * 10.0 : factors[i];
        const v = factor * z;
        cosines += Math.cos(TWO_PI * v);
        squares += v * v;
      }
      return 10.0 * (d - cosines) + squares + 0 + fopt + 100.0 * boxPenalty(x, d);
    },
  };
};

/** f5 linear slope: optimum on the box corner sign(xopt) * 5; flat beyond it. */
export const linearSlope: FunctionBuilder = ({ dimension: d, rseed, fopt }) => {
  const raw = computeXopt(rseed, d);
  const xopt = raw.map((v) => (v < 0.0 ? -5.0 : 5.0));
  const slopes = powerRamp(Math.sqrt(100.0), d).map((v, i) => (xopt[i] > 0.0 ? v : -v));
  return {
    xopt,
    evaluate(x) {
      let sum = 0;
      for (let i = 0; i < d; i++) {
        const s = slopes[i];
        sum += x[i] * xopt[i] < 25.0 ? 5.0 * Math.abs(s) - s * x[i] : 5.0 * Math.abs(s) - s * xopt[i];
      }
      return sum + fopt;
    },
  };
};
