import { SpecError, resolveOptions, type OptimizerFactory, type Options } from '../../core/index.js';
import { GAMMAS, WEIGHTS } from './split.js';
import { TpeSampler } from './tpeSampler.js';

const OPTUNA = 'optuna.samplers.TPESampler (v4.9)';

/** Tree-structured Parzen Estimator, as Optuna's TPESampler; option names and defaults are Optuna 4.9's. */
export const tpeFactory: OptimizerFactory = {
  name: 'tpe',
  description: `Tree-structured Parzen Estimator (${OPTUNA}): truncated-normal and categorical kernels, univariate or multivariate/group; max fidelity on multi-fidelity tasks.`,
  supports: ['blackbox', 'multi-fidelity'],
  supportsPending: true,
  options: {
    n_startup_trials: { type: 'integer', default: 10, min: 0, description: `Random trials before TPE starts; crashed trials do not count (${OPTUNA}: 10).` },
    n_ei_candidates: { type: 'integer', default: 24, min: 1, description: `Candidates drawn from l(x) per parameter set (${OPTUNA}: 24).` },
    gamma: { type: 'string', default: 'default', choices: Object.keys(GAMMAS), description: 'Size of the good group: default = min(ceil(0.1 n), 25) (default_gamma), hyperopt = min(ceil(0.25 sqrt(n)), 25).' },
    weights: { type: 'string', default: 'default', choices: Object.keys(WEIGHTS), description: 'Observation weights: default = ramp for all but the newest 25 (default_weights), uniform = all 1.' },
    prior_weight: { type: 'number', default: 1.0, min: 0, description: `Weight of the prior kernel and categorical smoothing (${OPTUNA}: 1.0).` },
    consider_prior: { type: 'boolean', default: true, description: 'Add the prior kernel (Optuna >= 4.3 always does).' },
    consider_magic_clip: { type: 'boolean', default: true, description: `Lower-bound kernel widths by range / min(100, n_kernels + 1) (${OPTUNA}: true).` },
    consider_endpoints: { type: 'boolean', default: false, description: `Let the domain ends widen the outermost kernels (${OPTUNA}: false).` },
    multivariate: { type: 'boolean', default: false, description: `Sample the intersection search space jointly with Optuna 4.x's multivariate bandwidth (${OPTUNA}: false; Optuna 5.0 dev turns it on).` },
    group: { type: 'boolean', default: false, description: 'With multivariate: sample each group of co-occurring parameters jointly (conditional spaces).' },
    constant_liar: { type: 'boolean', default: false, description: `Count asked but not yet told trials as bad ones (${OPTUNA}: false).` },
  },
  create(view, seed, options: Options) {
    const o = resolveOptions(tpeFactory, options);
    if (o.group === true && o.multivariate !== true) {
      throw new SpecError("Option 'group' of optimizer 'tpe' needs 'multivariate': true (as Optuna's TPESampler).");
    }
    return new TpeSampler(view, seed, settingsOf(o));
  },
};

function settingsOf(o: Options) {
  return {
    nStartupTrials: o.n_startup_trials as number,
    nEiCandidates: o.n_ei_candidates as number,
    gamma: GAMMAS[o.gamma as keyof typeof GAMMAS],
    weights: WEIGHTS[o.weights as keyof typeof WEIGHTS],
    multivariate: o.multivariate as boolean,
    group: o.group as boolean,
    constantLiar: o.constant_liar as boolean,
    parzen: {
      priorWeight: o.prior_weight as number,
      considerPrior: o.consider_prior as boolean,
      considerMagicClip: o.consider_magic_clip as boolean,
      considerEndpoints: o.consider_endpoints as boolean,
      multivariate: o.multivariate as boolean,
    },
  };
}
