import type { Rng } from '../../core/index.js';
import type { KernelLayout } from './kernel.js';

/**
 * Bounds, start values and priors of the GP hyperparameters (log space), as SMAC's
 * BlackBoxFacade.get_kernel: lengthscales in [e^-6.754, e^0.0859] without prior; the constant
 * (signal variance) in [e^-10, e^2] with LogNormalPrior(0, 1); the white noise in [e^-25, e^2]
 * with HorseshoePrior(0.1). Both priors are evaluated as SMAC does: the density at exp(theta).
 */
const LOG_LENGTHSCALE_BOUNDS = [-6.754111155189306, 0.0858637988771976] as const;
const LOG_SIGNAL_BOUNDS = [-10, 2] as const;
const LOG_NOISE_BOUNDS = [-25, 2] as const;
const HORSESHOE_SCALE2 = 0.01;

export function hyperparameterBounds(layout: KernelLayout, lower: Float64Array, upper: Float64Array): void {
  lower.fill(LOG_LENGTHSCALE_BOUNDS[0], 0, layout.signalIndex);
  upper.fill(LOG_LENGTHSCALE_BOUNDS[1], 0, layout.signalIndex);
  lower[layout.signalIndex] = LOG_SIGNAL_BOUNDS[0];
  upper[layout.signalIndex] = LOG_SIGNAL_BOUNDS[1];
  lower[layout.noiseIndex] = LOG_NOISE_BOUNDS[0];
  upper[layout.noiseIndex] = LOG_NOISE_BOUNDS[1];
}

/** SMAC's initial kernel: lengthscales 1, constant 2, white noise 1e-8. */
export function initialHyperparameters(layout: KernelLayout, theta: Float64Array): void {
  theta.fill(0, 0, layout.signalIndex);
  theta[layout.signalIndex] = Math.log(2);
  theta[layout.noiseIndex] = Math.log(1e-8);
}

/** Sum of the log priors at (log signal variance, log noise), and its derivatives. */
export function logPriors(ts: number, tn: number): { value: number; dSignal: number; dNoise: number } {
  // Log-normal(0, 1) density of s2 = e^ts: -ts^2/2 - ts + const.
  // Horseshoe: log(log(1 + 3 scale^2 / noise^2)), noise = e^tn.
  const u = 3 * HORSESHOE_SCALE2 * Math.exp(-2 * tn);
  const logU = Math.log1p(u) + 1e-10;
  return { value: -0.5 * ts * ts - ts + Math.log(logU), dSignal: -ts - 1, dNoise: (-2 * u) / ((1 + u) * logU) };
}

/** A restart point: lengthscales uniform in their log bounds, the others from their priors, clipped to the bounds. */
export function samplePrior(rng: Rng, layout: KernelLayout, lower: Float64Array, upper: Float64Array, out: Float64Array): void {
  for (let i = 0; i < layout.signalIndex; i++) out[i] = rng.uniform(lower[i], upper[i]);
  out[layout.signalIndex] = rng.normal();
  const cauchy = Math.abs(Math.tan(Math.PI * (rng.random() - 0.5)));
  out[layout.noiseIndex] = Math.log(Math.abs(rng.normal() * cauchy * Math.sqrt(HORSESHOE_SCALE2)) + 1e-300);
  for (let i = 0; i < out.length; i++) out[i] = Math.min(upper[i], Math.max(lower[i], out[i]));
}
