/** Multi-modal functions with weak global structure, f20, f23, f24 (f_schwefel.c, f_katsuura.c, f_lunacek_bi_rastrigin.c). */
import { computeXopt } from './instance.js';
import { legacyGauss, legacyUniform } from './legacyRandom.js';
import { TWO_PI, type FunctionBuilder } from './problem.js';
import { affine, computeRotation, conditionedProduct, powerRamp, scaleRows, shiftRotate } from './rotation.js';
import { absolutePenalty, boxPenalty, conditioningScales, roundHalfUp } from './transforms.js';

/** Schwefel's optimum coordinate 420.96874633 (before COCO's scalings) and the xopt magnitude 4.2096874637 / 2. */
const SCHWEFEL_BEST = 420.96874633;
const SCHWEFEL_XOPT = 4.2096874637;

/**
 * f20 Schwefel x sin(sqrt|x|): x_hat = 2 sign(xopt) x, z_hat_i = x_hat_i + 0.25 (x_hat_{i-1} - 2|xopt_{i-1}|),
 * z = 100 (Lambda^10 (z_hat - 2|xopt|) + 2|xopt|). xopt is COCO's best_parameter, carried through the same chain.
 */
export const schwefel: FunctionBuilder = ({ dimension: d, rseed, fopt }) => {
  const signs = legacyUniform(d, rseed).map((u) => (u < 0.5 ? -1 : 1));
  const twiceAbsXopt = signs.map((s) => 2 * Math.abs(s * 0.5 * SCHWEFEL_XOPT));
  const xopt = twiceAbsXopt.map((t, i) => (signs[i] * (SCHWEFEL_BEST / 100 + -t + t)) / 2);
  const scales = conditioningScales(10.0, d);
  const xHat = new Float64Array(d);
  return {
    xopt,
    evaluate(x) {
      for (let i = 0; i < d; i++) xHat[i] = 2 * (signs[i] < 0 ? -x[i] : x[i]);
      let penalty = 0.0;
      let sum = 0.0;
      for (let i = 0; i < d; i++) {
        const zHat = i === 0 ? xHat[0] : xHat[i] + 0.25 * (xHat[i - 1] - twiceAbsXopt[i - 1]);
        const z = 100 * (scales[i] * (zHat - twiceAbsXopt[i]) - -twiceAbsXopt[i]);
        const excess = Math.abs(z) - 500.0;
        if (excess > 0.0) penalty += excess * excess;
        sum += z * Math.sin(Math.sqrt(Math.abs(z)));
      }
      return 0.01 * (penalty + 418.9828872724339 - sum / d) + fopt;
    },
  };
};

/** 2^1 .. 2^32, exact. */
const POWERS_OF_TWO = Float64Array.from({ length: 32 }, (_, j) => Math.pow(2.0, j + 1));

/** f23 Katsuura: 10/d^2 prod_i (1 + i sum_j |2^j z_i - round(2^j z_i)| / 2^j)^(10/d^1.2) - 10/d^2, z = Q Lambda^100 R (x - xopt). */
export const katsuura: FunctionBuilder = ({ dimension: d, rseed, fopt }) => {
  const xopt = computeXopt(rseed, d);
  const m = conditionedProduct(computeRotation(rseed + 1000000, d), powerRamp(Math.sqrt(100), d), computeRotation(rseed, d), d);
  const exponent = 10.0 / Math.pow(d, 1.2);
  const shifted = new Float64Array(d);
  const z = new Float64Array(d);
  return {
    xopt,
    evaluate(x) {
      shiftRotate(m, x, xopt, shifted, z, d);
      let product = 1.0;
      for (let i = 0; i < d; i++) {
        let sum = 0;
        const v = z[i];
        for (let j = 0; j < 32; j++) {
          const scaled = POWERS_OF_TWO[j] * v;
          sum += Math.abs(scaled - roundHalfUp(scaled)) / POWERS_OF_TWO[j];
        }
        product *= Math.pow(1.0 + (i + 1) * sum, exponent);
      }
      return (10.0 / d / d) * (-1.0 + product) + fopt + 1.0 * boxPenalty(x, d);
    },
  };
};

/**
 * f24 Lunacek bi-Rastrigin: min(sum (x_hat - mu0)^2, d + s sum (x_hat - mu1)^2) + 10 (d - sum cos(2 pi z_i)) + 1e4 f_pen,
 * x_hat = 2 sign(xopt) x, z = Q Lambda^100 R (x_hat - mu0), xopt = +-mu0/2 with signs from gauss(seed).
 */
export const lunacekBiRastrigin: FunctionBuilder = ({ dimension: d, rseed, fopt }) => {
  const mu0 = 2.5;
  const s = 1.0 - 0.5 / (Math.sqrt(d + 20) - 4.1);
  const mu1 = -Math.sqrt((mu0 * mu0 - 1.0) / s);
  const xopt = legacyGauss(d, rseed).map((g) => (g < 0.0 ? -1.0 * (0.5 * mu0) : 0.5 * mu0));
  const rot1 = computeRotation(rseed + 1000000, d);
  const scaledRot2 = scaleRows(powerRamp(Math.sqrt(100.0), d), computeRotation(rseed, d), d);
  const xHat = new Float64Array(d);
  const centred = new Float64Array(d);
  const y = new Float64Array(d);
  const z = new Float64Array(d);
  return {
    xopt,
    evaluate(x) {
      const penalty = absolutePenalty(x, d);
      for (let i = 0; i < d; i++) {
        xHat[i] = xopt[i] < 0.0 ? 2.0 * x[i] * -1.0 : 2.0 * x[i];
        centred[i] = xHat[i] - mu0;
      }
      affine(scaledRot2, centred, y, d);
      affine(rot1, y, z, d);
      let sum1 = 0.0;
      let sum2 = 0.0;
      let sum3 = 0.0;
      for (let i = 0; i < d; i++) {
        sum1 += (xHat[i] - mu0) * (xHat[i] - mu0);
        sum2 += (xHat[i] - mu1) * (xHat[i] - mu1);
        sum3 += Math.cos(TWO_PI * z[i]);
      }
      const second = 1.0 * d + s * sum2;
      return (sum1 <= second ? sum1 : second) + 10.0 * (d - sum3) + 1e4 * penalty + fopt;
    },
  };
};
