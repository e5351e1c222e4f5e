import type { OptimizerFactory, Options } from '../../core/index.js';
import { CmaEs, type CmaSettings } from './cmaesOptimizer.js';

/** Resolved options (see cmaesFactory.options) as the optimizer's settings. */
function settingsFrom(options: Options): CmaSettings {
  return {
    sigma0: typeof options.sigma0 === 'number' ? options.sigma0 : 1 / 6,
    popsize: typeof options.popsize === 'number' ? options.popsize : undefined,
    restart: options.restart_strategy === 'none' ? 'none' : 'ipop',
    incPopsize: typeof options.inc_popsize === 'number' ? options.inc_popsize : 2,
    withMargin: options.with_margin !== false,
    bounds: options.bounds_handling === 'mirror' ? 'mirror' : 'resample',
    x0: options.x0 === 'random' ? 'random' : 'center',
  };
}

/** CMA-ES with IPOP restarts and margin; option names follow Optuna's CmaEsSampler. */
export const cmaesFactory: OptimizerFactory = {
  name: 'cmaes',
  description:
    "CMA-ES (Hansen's tutorial defaults, active weights) on the unit cube with IPOP restarts, CMA-ES with margin for discrete hyperparameters, bounds by resampling then mirroring; crashed trials rank worst; max fidelity on multi-fidelity tasks. Counterpart of Optuna's CmaEsSampler / Nevergrad's CMA.",
  supports: ['blackbox', 'multi-fidelity'],
  options: {
    sigma0: {
      type: 'number',
      default: null,
      min: 1e-12,
      description: 'Initial step size in the unit cube; null = 1/6 (Optuna: min(upper - lower) / 6).',
    },
    popsize: {
      type: 'integer',
      default: null,
      min: 2,
      description: 'Population size lambda of the first run; null = 4 + floor(3 ln n).',
    },
    restart_strategy: {
      type: 'string',
      default: 'ipop',
      choices: ['ipop', 'none'],
      description: "'ipop': restart from a random mean with inc_popsize times the population when a termination criterion fires (tolfun, tolx, tolxup, condition, no-effect axis/coordinate, stagnation); 'none': keep going (as Optuna's default).",
    },
    inc_popsize: {
      type: 'number',
      default: 2,
      min: 1,
      description: 'Population growth factor per IPOP restart.',
    },
    with_margin: {
      type: 'boolean',
      default: true,
      description: 'CMA-ES with margin for int/ordinal/categorical hyperparameters of at most 64 levels; false = plain rounding through decode.',
    },
    bounds_handling: {
      type: 'string',
      default: 'resample',
      choices: ['resample', 'mirror'],
      description: "'resample': redraw out-of-cube samples (up to 100 times, then mirror, as Optuna's cmaes redraws then clips); 'mirror': reflect into the cube at once.",
    },
    x0: {
      type: 'string',
      default: 'center',
      choices: ['center', 'random'],
      description: "Initial mean: the centre of the unit cube (Optuna's default) or a uniform random point. Restarts always start from a random point.",
    },
  },
  create: (view, seed, options) => new CmaEs(view, seed, settingsFrom(options)),
};
