import { resolveOptions, type OptimizerFactory, type Options, type SearchSpace } from '../../core/index.js';
import { ModelBasedOptimizer } from '../models/modelBasedOptimizer.js';
import { ForestProposer } from './forestProposer.js';

const SMAC_HPO = "SMAC3 HyperparameterOptimizationFacade";

/**
 * Random-forest Bayesian optimization, the counterpart of SMAC3's HyperparameterOptimizationFacade.
 * Defaults are those of its code (get_model / get_acquisition_maximizer / get_initial_design /
 * get_random_design; the get_model docstring still quotes pyrfr's 5/6, 3, 3, 20).
 */
export const randomForestFactory: OptimizerFactory = {
  name: 'rf',
  description: `Random-forest BO (${SMAC_HPO}): 10 bootstrapped trees on log-scaled costs, log-space EI, local + sorted random search, 20% interleaved random configs.`,
  supports: ['blackbox'],
  supportsPending: true,
  options: {
    n_trees: { type: 'integer', default: 10, min: 1, description: `Trees in the forest (${SMAC_HPO}.get_model).` },
    ratio_features: { type: 'number', default: 1.0, min: 0, max: 1, description: 'Fraction of the features tried at each split, max(1, floor(d * ratio)) (SMAC code default 1.0).' },
    min_samples_split: { type: 'integer', default: 2, min: 2, description: 'Minimum samples in a node to split it (SMAC code default 2).' },
    min_samples_leaf: { type: 'integer', default: 1, min: 1, description: 'Minimum samples in each child of a split (SMAC code default 1).' },
    max_depth: { type: 'integer', default: 2 ** 20, min: 1, description: 'Maximum tree depth (SMAC: 2**20).' },
    bootstrapping: { type: 'boolean', default: true, description: 'Grow each tree on a bootstrap sample (SMAC: true).' },
    log_y: { type: 'boolean', default: true, description: "Model log-scaled costs (RunHistoryLogScaledEncoder) and use EI for log predictions (EI(log=True)); false: raw costs and plain EI." },
    challengers: { type: 'integer', default: 10000, min: 1, description: 'Random configs scored per ask (LocalAndSortedRandomSearch challengers, SMAC HPO: 10000).' },
    local_search_iterations: { type: 'integer', default: 10, min: 0, description: 'Local searches from the best random and from the best observed configs (SMAC: 10).' },
    n_steps_plateau_walk: { type: 'integer', default: 10, min: 0, description: 'Steps along equal acquisition values before a local search stops (SMAC: 10).' },
    n_configs_per_hyperparameter: { type: 'integer', default: 10, min: 0, description: 'Initial design size per hyperparameter (SMAC HPO: 10), capped by max_ratio.' },
    max_ratio: { type: 'number', default: 0.25, min: 0, max: 1, description: 'Initial design uses at most this fraction of n_trials (SMAC: 0.25).' },
    random_probability: { type: 'number', default: 0.2, min: 0, max: 1, description: 'Probability that an ask returns a random config (SMAC HPO ProbabilityRandomDesign: 0.2).' },
  },
  create(view, seed, options: Options) {
    const o = resolveOptions(randomForestFactory, options);
    const proposer = forestProposerFromOptions(view.space, o);
    return new ModelBasedOptimizer(view, seed, { nConfigsPerHyperparameter: o.n_configs_per_hyperparameter as number, maxRatio: o.max_ratio as number, randomProbability: o.random_probability as number }, proposer);
  },
};

/** The one mapping from the `rf` options (resolved) to the forest and its acquisition search; ParEGO and SMAC-MF use it too. */
export function forestProposerFromOptions(space: SearchSpace, o: Options): ForestProposer {
  return new ForestProposer(
    space,
    {
      nTrees: o.n_trees as number,
      ratioFeatures: o.ratio_features as number,
      minSamplesSplit: o.min_samples_split as number,
      minSamplesLeaf: o.min_samples_leaf as number,
      maxDepth: o.max_depth as number,
      bootstrapping: o.bootstrapping as boolean,
      logY: o.log_y as boolean,
    },
    { challengers: o.challengers as number, localSearchIterations: o.local_search_iterations as number, plateauWalks: o.n_steps_plateau_walk as number, maxSteps: 100 },
  );
}
