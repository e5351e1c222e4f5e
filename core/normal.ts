/**
 * The one set of standard-normal numerics, in double precision and stable in the tails:
 * erfcx, erfc, erf, phi, Phi, its survival function, log Phi, and the quantile. Used by the
 * optimizers (TPE, GP, RF, CMA-ES margin) and by the analysis' statistical tests.
 */

const SQRT_PI = Math.sqrt(Math.PI);
const SQRT2 = Math.SQRT2;
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

/** Error function; near zero by its Taylor series, so small arguments keep their relative accuracy. */
export function erf(x: number): number {
  if (x < 0) return -erf(-x);
  if (x >= 0.5) return 1 - erfc(x);
  // 2/sqrt(pi) sum (-1)^n x^(2n+1) / (n! (2n+1)); terms fall below 1e-17 by n = 12 on [0, 0.5).
  const x2 = x * x;
  let power = x;
  let sum = x;
  for (let n = 1; n < 20; n++) {
    power *= -x2 / n;
    const term = power / (2 * n + 1);
    sum += term;
    if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
  }
  return (2 / SQRT_PI) * sum;
}

/** Standard normal density. */
export function normalPdf(z: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * z * z);
}

/** Standard normal CDF Phi(z). */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / SQRT2);
}

/** Standard normal survival function 1 - Phi(z), computed directly so small tails keep their relative accuracy. */
export function normalSf(z: number): number {
  return 0.5 * erfc(z / SQRT2);
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

const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

/** Standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9), for p in (0, 1). */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
}
