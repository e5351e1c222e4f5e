import { betaIncomplete } from './beta.js';
import { normalCdf, normalPdf } from '../../core/index.js';
import { gammaQ } from './gamma.js';

/**
 * Distribution functions the tests need, hand-written on top of the incomplete gamma and
 * beta functions (no runtime dependency); the standard normal is core's. `Sf` is the survival function 1 - CDF, computed
 * directly so small tail probabilities keep their relative accuracy.
 */

/** P(X > x) for X ~ chi-square with `df` degrees of freedom. */
export function chiSquareSf(x: number, df: number): number {
  if (x <= 0) return 1;
  return gammaQ(df / 2, x / 2);
}

/** P(X > f) for X ~ F(d1, d2). */
export function fSf(f: number, d1: number, d2: number): number {
  if (f <= 0) return 1;
  if (f === Infinity) return 0;
  return betaIncomplete(d2 / (d2 + d1 * f), d2 / 2, d1 / 2);
}

/** P(T > t) for Student's t with `df` degrees of freedom. */
export function tSf(t: number, df: number): number {
  const tail = 0.5 * betaIncomplete(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? tail : 1 - tail;
}

/** The p-quantile of Student's t (bisection on the CDF to 1e-13). */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`tQuantile needs 0 < p < 1, got ${p}`);
  if (p < 0.5) return -tQuantile(1 - p, df);
  let low = 0;
  let high = 1;
  while (1 - tSf(high, df) < p) high *= 2;
  for (let i = 0; i < 200 && high - low > 1e-13 * Math.max(1, high); i++) {
    const mid = (low + high) / 2;
    if (1 - tSf(mid, df) < p) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/**
 * CDF of the studentized range of k standard normals with infinite degrees of freedom:
 * F(q) = k ∫ φ(z) [Φ(z) - Φ(z - q)]^(k-1) dz, by Gauss-Legendre on [-9, 9 + q].
 */
export function studentizedRangeCdf(q: number, k: number): number {
  if (q <= 0) return 0;
  const upper = 9 + q;
  const pieces = Math.ceil((upper + 9) / 0.5);
  const width = (upper + 9) / pieces;
  let total = 0;
  for (let piece = 0; piece < pieces; piece++) {
    const mid = -9 + (piece + 0.5) * width;
    for (let i = 0; i < GL_NODES.length; i++) {
      const z = mid + (GL_NODES[i] * width) / 2;
      const inside = normalCdf(z) - normalCdf(z - q);
      total += GL_WEIGHTS[i] * normalPdf(z) * inside ** (k - 1) * (width / 2);
    }
  }
  return Math.min(1, k * total);
}

/** The (1 - alpha) quantile of the studentized range (infinite df), by bisection. */
export function studentizedRangeQuantile(p: number, k: number): number {
  let low = 0;
  let high = 20;
  for (let i = 0; i < 100 && high - low > 1e-12; i++) {
    const mid = (low + high) / 2;
    if (studentizedRangeCdf(mid, k) < p) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

const { nodes: GL_NODES, weights: GL_WEIGHTS } = gaussLegendre(20);

/** Nodes and weights of n-point Gauss-Legendre quadrature on [-1, 1] (Newton on P_n). */
function gaussLegendre(n: number): { nodes: number[]; weights: number[] } {
  const nodes: number[] = [];
  const weights: number[] = [];
  for (let i = 1; i <= n; i++) {
    let x = Math.cos((Math.PI * (i - 0.25)) / (n + 0.5));
    let derivative = 0;
    for (let iteration = 0; iteration < 100; iteration++) {
      let p0 = 1;
      let p1 = x;
      for (let j = 2; j <= n; j++) {
        const p2 = ((2 * j - 1) * x * p1 - (j - 1) * p0) / j;
        p0 = p1;
        p1 = p2;
      }
      derivative = (n * (x * p1 - p0)) / (x * x - 1);
      const step = p1 / derivative;
      x -= step;
      if (Math.abs(step) < 1e-16) break;
    }
    nodes.push(x);
    weights.push(2 / ((1 - x * x) * derivative * derivative));
  }
  return { nodes, weights };
}
