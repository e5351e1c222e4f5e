import { erfcx, log1mexp, logNormalCdf, normalCdf, normalPdf } from '../../core/index.js';

/**
 * Gaussian numerics of the model-based optimizers on top of core's standard normal: the log
 * mass of an interval (TPE's truncated kernels) and log h(z) = log(phi(z) + z Phi(z)), the
 * core of logEI (GP, RF).
 */

const SQRT2 = Math.SQRT2;
export const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
const LOG_SQRT_HALF_PI = 0.5 * Math.log(Math.PI / 2);

/** log(Phi(b) - Phi(a)) for a < b: the log probability of the standard normal on [a, b]. */
export function logGaussMass(a: number, b: number): number {
  if (b <= 0) {
    const lb = logNormalCdf(b);
    return lb + log1mexp(logNormalCdf(a) - lb);
  }
  if (a > 0) {
    const la = logNormalCdf(-a);
    return la + log1mexp(logNormalCdf(-b) - la);
  }
  // Central interval: 1 minus both tails (a tail beyond 8.3 sigma is below half an ulp of 1).
  const left = a < -8.3 ? 0 : normalCdf(a);
  const right = b > 8.3 ? 0 : normalCdf(-b);
  return Math.log1p(-left - right);
}

/**
 * log h(z), h(z) = phi(z) + z Phi(z), so that EI = sigma h((best - mu) / sigma) for a
 * minimized Gaussian prediction. Stable for all z (Ament et al. 2023, "Unexpected
 * Improvements to Expected Improvement", eq. 9).
 */
export function logH(z: number): number {
  if (z > -1) return Math.log(normalPdf(z) + z * normalCdf(z));
  if (z > -1e8) {
    return -0.5 * z * z - LOG_SQRT_2PI + log1mexp(Math.log(erfcx(-z / SQRT2) * -z) + LOG_SQRT_HALF_PI);
  }
  return -0.5 * z * z - LOG_SQRT_2PI - 2 * Math.log(-z);
}

/** d log h / dz = Phi(z) / h(z), computed in log space. */
export function dLogH(z: number, logHz: number): number {
  return Math.exp(logNormalCdf(z) - logHz);
}

/** log EI of a minimized Gaussian prediction N(mean, std^2) against the best value `best` (xi = 0). */
export function logExpectedImprovement(mean: number, std: number, best: number): number {
  return logH((best - mean) / std) + Math.log(std);
}

/**
 * log of SMAC's EI for a model of log-transformed costs: with Y ~ N(mean, std^2) the log cost and
 * f = best log cost, EI = E[max(0, e^f - e^Y)] = e^f Phi(v) - e^(mean + std^2/2) Phi(v - std),
 * v = (f - mean) / std (Hutter et al. 2009; Watanabe 2024). Computed in log space, so that
 * candidates whose EI underflows in linear space still rank correctly.
 */
export function logExpectedImprovementOfExp(mean: number, std: number, best: number): number {
  const v = (best - mean) / std;
  const logA = best + logNormalCdf(v);
  const logB = mean + 0.5 * std * std + logNormalCdf(v - std);
  const diff = logB - logA;
  return logA + log1mexp(diff < -1e-300 ? diff : -1e-300);
}
