import type { Rng } from '../rng.js';
import type { Prior } from './types.js';
import { clampUnit, type UnitCodec } from './unitCube.js';

/**
 * Draws a position in [0, 1] from a ConfigSpace prior, on the codec's axis (so on the log
 * axis for log parameters, and over integer cells for ints):
 * - normal: mean at mu's position, stdev sigma measured in the axis' units (log units when log),
 *   truncated to the bounds by rejection;
 * - beta: Beta(alpha, beta) stretched over the bounds (ConfigSpace's beta_float / beta_int).
 */
export function priorSampler(prior: Prior, codec: UnitCodec): (rng: Rng) => number {
  if (prior.kind === 'beta') return (rng) => sampleBeta(rng, prior.alpha, prior.beta);
  const mean = codec.locate(prior.mu);
  const sd = prior.sigma / codec.span;
  return (rng) => truncatedNormal(rng, mean, sd);
}

const MAX_REJECTIONS = 1000;

function truncatedNormal(rng: Rng, mean: number, sd: number): number {
  for (let i = 0; i < MAX_REJECTIONS; i++) {
    const x = rng.normal(mean, sd);
    if (x >= 0 && x <= 1) return x;
  }
  // Almost no mass inside the bounds: the nearest bound is the likeliest point.
  return clampUnit(mean);
}

function sampleBeta(rng: Rng, a: number, b: number): number {
  const x = sampleGamma(rng, a);
  const y = sampleGamma(rng, b);
  return x + y > 0 ? x / (x + y) : 0.5;
}

/** Marsaglia and Tsang (2000); shape < 1 through the boost Gamma(a) = Gamma(a + 1) * U^(1/a). */
function sampleGamma(rng: Rng, shape: number): number {
  if (shape < 1) return sampleGamma(rng, shape + 1) * Math.pow(rng.random(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = rng.normal();
    const t = 1 + c * x;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = rng.random();
    if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}
