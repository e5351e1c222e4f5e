import { resolveOptions, type SearchSpace } from '../../core/index.js';
import { gaussianProcessFactory } from '../gp/gaussianProcessOptimizer.js';
import { GpProposer } from '../gp/gpProposer.js';
import type { Proposer } from '../models/modelBasedOptimizer.js';
import { ForestProposer } from '../rf/forestProposer.js';
import { randomForestFactory } from '../rf/randomForestOptimizer.js';

/** The surrogates SMAC3's facades pair with ParEGO and with Hyperband. */
export type SurrogateKind = 'gp' | 'rf';

/**
 * The proposer of the `gp` or `rf` optimizer with that optimizer's defaults (SMAC3's BlackBoxFacade
 * and HyperparameterOptimizationFacade), read from its factory so the two stay in step.
 */
export function surrogateProposer(kind: SurrogateKind, space: SearchSpace): Proposer {
  if (kind === 'gp') {
    const o = resolveOptions(gaussianProcessFactory, {}) as Record<string, number>;
    return new GpProposer(
      space,
      { nRestarts: o.n_restarts, hyperparameterIterations: o.hyperparameter_iterations, acquisitionIterations: o.acquisition_iterations },
      { challengers: o.challengers, localSearchIterations: o.local_search_iterations, plateauWalks: 0, maxSteps: 10 },
    );
  }
  const o = resolveOptions(randomForestFactory, {}) as Record<string, number | boolean>;
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

/** SMAC3's facade defaults of the loop around each surrogate: initial design, interleaved random configs, refits. */
export const FACADE_DEFAULTS: Readonly<Record<SurrogateKind, { nConfigsPerHyperparameter: number; maxRatio: number; randomProbability: number; retrainAfter: number }>> = {
  gp: { nConfigsPerHyperparameter: 8, maxRatio: 0.25, randomProbability: 0.08447232371720552, retrainAfter: 1 },
  rf: { nConfigsPerHyperparameter: 10, maxRatio: 0.25, randomProbability: 0.2, retrainAfter: 8 },
};
