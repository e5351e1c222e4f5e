import { resolveOptions, type OptimizerFactory, type Options, type SearchSpace } from '../../core/index.js';
import { ModelBasedOptimizer } from '../models/modelBasedOptimizer.js';
import { GpProposer } from './gpProposer.js';

const SMAC_BB = 'SMAC3 BlackBoxFacade';

/** Gaussian-process Bayesian optimization, the counterpart of SMAC3's BlackBoxFacade (vanilla GP). */
export const gaussianProcessFactory: OptimizerFactory = {
  name: 'gp',
  description: `Gaussian-process BO (${SMAC_BB}): Matern-5/2 x Hamming ARD kernel fitted by MAP, log EI, sorted random search + L-BFGS-B / one-exchange local search.`,
  supports: ['blackbox'],
  supportsPending: true,
  options: {
    n_restarts: { type: 'integer', default: 10, min: 0, description: `Prior samples screened by log posterior at each fit (${SMAC_BB}'s GaussianProcess runs L-BFGS-B from all 10 and the previous optimum); here L-BFGS-B runs from the previous optimum, and from the best sample when it scores better.` },
    hyperparameter_iterations: { type: 'integer', default: 50, min: 1, description: 'Iterations of each hyperparameter L-BFGS-B run.' },
    acquisition_iterations: { type: 'integer', default: 20, min: 0, description: 'Iterations of each L-BFGS-B polish of the acquisition (0 disables gradient polishing).' },
    challengers: { type: 'integer', default: 1000, min: 1, description: `Random configs scored per ask (${SMAC_BB} acquisition maximizer: 1000).` },
    local_search_iterations: { type: 'integer', default: 10, min: 0, description: 'Local searches from the best random and from the best observed configs (SMAC: 10).' },
    n_configs_per_hyperparameter: { type: 'integer', default: 8, min: 0, description: `Initial design size per hyperparameter (${SMAC_BB}: 8), capped by max_ratio.` },
    max_ratio: { type: 'number', default: 0.25, min: 0, max: 1, description: 'Initial design uses at most this fraction of n_trials (SMAC: 0.25).' },
    random_probability: { type: 'number', default: 0.08447232371720552, min: 0, max: 1, description: `Probability that an ask returns a random config (${SMAC_BB} ProbabilityRandomDesign).` },
  },
  create(view, seed, options: Options) {
    const o = resolveOptions(gaussianProcessFactory, options) as Record<string, number>;
    const proposer = gpProposerFromOptions(view.space, o);
    return new ModelBasedOptimizer(view, seed, { nConfigsPerHyperparameter: o.n_configs_per_hyperparameter, maxRatio: o.max_ratio, randomProbability: o.random_probability }, proposer);
  },
};

/** The one mapping from the `gp` options (resolved) to the GP and its acquisition search; ParEGO and SMAC-MF use it too. */
export function gpProposerFromOptions(space: SearchSpace, o: Options): GpProposer {
  return new GpProposer(
    space,
    { nRestarts: o.n_restarts as number, hyperparameterIterations: o.hyperparameter_iterations as number, acquisitionIterations: o.acquisition_iterations as number },
    { challengers: o.challengers as number, localSearchIterations: o.local_search_iterations as number, plateauWalks: 0, maxSteps: 10 },
  );
}
