import type { TrialHistory } from './trialHistory.js';

/** Optuna's gamma functions: how many of n complete trials form the "below" (good) group. */
export const GAMMAS = {
  /** optuna.samplers._tpe.sampler.default_gamma */
  default: (n: number) => Math.min(Math.ceil(0.1 * n), 25),
  /** hyperopt_default_gamma */
  hyperopt: (n: number) => Math.min(Math.ceil(0.25 * Math.sqrt(n)), 25),
} satisfies Record<string, (n: number) => number>;

/** Optuna's weights functions over the observations of one group, oldest first. */
export const WEIGHTS = {
  /** default_weights: flat for fewer than 25, else a ramp from 1/n to 1 for the older ones and 25 ones. */
  default: (n: number): Float64Array => {
    const w = new Float64Array(n).fill(1);
    if (n >= 25) {
      const ramp = n - 25;
      for (let i = 0; i < ramp; i++) w[i] = ramp === 1 ? 1 / n : 1 / n + (i * (1 - 1 / n)) / (ramp - 1);
    }
    return w;
  },
  uniform: (n: number): Float64Array => new Float64Array(n).fill(1),
} satisfies Record<string, (n: number) => Float64Array>;

/**
 * Optuna's _split_trials for one objective: the nBelow best complete trials (ties by trial number)
 * are "below", the other complete trials and the running ones (constant liar) "above"; both in
 * trial-number order. Returns trial indices; running trials are numbered from history.size on.
 */
export function splitTrials(history: TrialHistory, nBelow: number, running: number): { below: number[]; above: number[] } {
  const take = Math.min(nBelow, history.completeCount);
  const below = history.byCost.slice(0, take).sort((a, b) => a - b);
  const isBelow = new Uint8Array(history.size);
  for (const i of below) isBelow[i] = 1;
  const above: number[] = [];
  for (let i = 0; i < history.size; i++) if (isBelow[i] === 0 && history.isComplete(i)) above.push(i);
  for (let r = 0; r < running; r++) above.push(history.size + r);
  return { below, above };
}
