import type { OptimizerFactory } from '../../core/index.js';
import { MotpeSampler } from './motpeSampler.js';

const OPTUNA = 'optuna.samplers.TPESampler on a multi-objective study (v4.x)';

/** Multi-objective TPE as Optuna's TPESampler runs it on several objectives. */
export const motpeFactory: OptimizerFactory = {
  name: 'motpe',
  description: `Multi-objective TPE (${OPTUNA}): the min(ceil(0.1 n), 25) best trials by non-domination rank, ties cut by greedy hypervolume subset selection, form l(x), weighted by their hypervolume contributions; univariate Parzen estimators of the 'tpe' optimizer; max fidelity on multi-fidelity tasks.`,
  supports: ['multi-objective', 'multi-fidelity-multi-objective'],
  supportsPending: true,
  options: {
    n_startup_trials: { type: 'integer', default: 10, min: 0, description: `Random trials before the model starts; crashed trials do not count (${OPTUNA}: 10).` },
    n_ei_candidates: { type: 'integer', default: 24, min: 1, description: `Candidates drawn from l(x) per parameter (${OPTUNA}: 24).` },
    prior_weight: { type: 'number', default: 1.0, min: 0, description: `Weight of the prior kernel and categorical smoothing (${OPTUNA}: 1.0).` },
    consider_magic_clip: { type: 'boolean', default: true, description: `Lower-bound kernel widths by range / min(100, n_kernels + 1) (${OPTUNA}: true).` },
    consider_endpoints: { type: 'boolean', default: false, description: `Let the domain ends widen the outermost kernels (${OPTUNA}: false).` },
  },
  create: (view, seed, options) =>
    new MotpeSampler(view, seed, {
      nStartupTrials: options.n_startup_trials as number,
      nEiCandidates: options.n_ei_candidates as number,
      parzen: {
        priorWeight: options.prior_weight as number,
        considerPrior: true,
        considerMagicClip: options.consider_magic_clip as boolean,
        considerEndpoints: options.consider_endpoints as boolean,
        multivariate: false,
      },
    }),
};
