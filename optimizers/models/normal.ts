/**
 * Standard-normal numerics in double precision, stable in the tails: erfcx, Phi, log Phi,
 * the log mass of an interval, and log h(z) = log(phi(z) + z Phi(z)), the core of logEI.
 */

const SQRT_PI = Math.sqrt(Math.PI);
const SQRT2 = Math.SQRT2;
export const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
const LOG_SQRT_HALF_PI = 0.5 * Math.log(Math.PI / 2);
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/**
 * exp(x^2) erfc(x) for x >= 0, slow but accurate (relative error ~1e-15): a positive power
 * series below 1, Laplace's continued fraction (modified Lentz) from 1 on.
 */
export function erfcxReference(x: number): number {
  if (x < 1) {
    const t = 2 * x * x;
    let term = x;
    let sum = x;
    for (let n = 1; n < 60; n++) {
      term *= t / (2 * n + 1);
      sum += term;
      if (term < 1e-17 * sum) break;
    }
    return Math.exp(x * x) - (2 / SQRT_PI) * sum;
  }
  // erfcx(x) = 1 / (sqrt(pi) (x + (1/2) / (x + 1 / (x + (3/2) / (x + ...)))))
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 2000; k++) {
    const a = k / 2;
    d = 1 / (x + a * d);
    c = x + a / c;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return 1 / (SQRT_PI * f);
}

/**
 * The fast erfcx: (x + 2) erfcx(x) is smooth in t = (x - 2) / (x + 2) on [-1, 1], so a
 * Chebyshev series in t, fitted once at load time to erfcxReference at 64 Chebyshev nodes and
 * cut at 30 terms (coefficients beyond fall below 1e-15), gives full precision in ~30 flops.
 */
const CHEB_SHIFT = 2;
const CHEB = chebyshevFit((t) => {
  const x = (CHEB_SHIFT * (1 + t)) / (1 - t);
  return (x + CHEB_SHIFT) * erfcxReference(x);
}, 64, 30);

function chebyshevFit(f: (t: number) => number, nodes: number, terms: number): Float64Array {
  const values = Float64Array.from({ length: nodes }, (_, k) => f(Math.cos((Math.PI * (k + 0.5)) / nodes)));
  const c = new Float64Array(terms);
  for (let j = 0; j < terms; j++) {
    let s = 0;
    for (let k = 0; k < nodes; k++) s += values[k] * Math.cos((Math.PI * j * (k + 0.5)) / nodes);
    c[j] = (2 / nodes) * s;
  }
  c[0] /= 2;
  return c;
}

function erfcxNonNegative(x: number): number {
  if (x > 1e8) return 1 / (SQRT_PI * x);
  const t = (x - CHEB_SHIFT) / (x + CHEB_SHIFT);
  // Clenshaw recurrence for sum_j c_j T_j(t).
  const t2 = 2 * t;
  let b1 = 0;
  let b2 = 0;
  for (let j = CHEB.length - 1; j > 0; j--) {
    const b0 = t2 * b1 - b2 + CHEB[j];
    b2 = b1;
    b1 = b0;
  }
  return (t * b1 - b2 + CHEB[0]) / (x + CHEB_SHIFT);
}

/** exp(x^2) erfc(x); for negative x it grows like 2 exp(x^2). */
export function erfcx(x: number): number {
  if (x >= 0) return erfcxNonNegative(x);
  return 2 * Math.exp(x * x) - erfcxNonNegative(-x);
}

/** Complementary error function, with full relative precision in the right tail. */
export function erfc(x: number): number {
  if (x >= 0) return x > 27 ? 0 : erfcxNonNegative(x) * Math.exp(-x * x);
  return 2 - erfc(-x);
}

export function erf(x: number): number {
  return 1 - erfc(x);
}

/** Standard normal density. */
export function normalPdf(z: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * z * z);
}

/** Standard normal CDF Phi(z). */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / SQRT2);
}

/** log Phi(z), finite for every finite z (no underflow in the left tail). */
export function logNormalCdf(z: number): number {
  if (z < 0) return Math.log(0.5 * erfcxNonNegative(-z / SQRT2)) - 0.5 * z * z;
  return Math.log1p(-0.5 * erfc(z / SQRT2));
}

/** log(1 - exp(x)) for x <= 0 (Maechler's switch between expm1 and log1p). */
export function log1mexp(x: number): number {
  return x > -Math.LN2 ? Math.log(-Math.expm1(x)) : Math.log1p(-Math.exp(x));
}

/** log(exp(a) + exp(b)). */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

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
    return -0.5 * z * z - LOG_SQRT_2PI + log1mexp(Math.log(erfcxNonNegative(-z / SQRT2) * -z) + LOG_SQRT_HALF_PI);
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
