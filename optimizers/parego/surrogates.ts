import { resolveOptions, type OptimizerFactory, type SearchSpace } from '../../core/index.js';
import { gaussianProcessFactory, gpProposerFromOptions } from '../gp/gaussianProcessOptimizer.js';
import type { Proposer } from '../models/modelBasedOptimizer.js';
import { forestProposerFromOptions, randomForestFactory } from '../rf/randomForestOptimizer.js';

/** The surrogates SMAC3's facades pair with ParEGO and with Hyperband. */
export type SurrogateKind = 'gp' | 'rf';

const FACTORIES: Readonly<Record<SurrogateKind, OptimizerFactory>> = { gp: gaussianProcessFactory, rf: randomForestFactory };

/**
 * The proposer of the `gp` or `rf` optimizer with that optimizer's defaults (SMAC3's BlackBoxFacade
 * and HyperparameterOptimizationFacade), built by the optimizer's own settings mapping.
 */
export function surrogateProposer(kind: SurrogateKind, space: SearchSpace): Proposer {
  const defaults = resolveOptions(FACTORIES[kind], {});
  return kind === 'gp' ? gpProposerFromOptions(space, defaults) : forestProposerFromOptions(space, defaults);
}

/** SMAC3's facade defaults of the loop around each surrogate: the `gp`/`rf` optimizer's own, plus how often it refits. */
export const FACADE_DEFAULTS: Readonly<Record<SurrogateKind, { nConfigsPerHyperparameter: number; maxRatio: number; randomProbability: number; retrainAfter: number }>> = {
  gp: { ...loopDefaults('gp'), retrainAfter: 1 },
  rf: { ...loopDefaults('rf'), retrainAfter: 8 },
};

function loopDefaults(kind: SurrogateKind): { nConfigsPerHyperparameter: number; maxRatio: number; randomProbability: number } {
  const o = resolveOptions(FACTORIES[kind], {});
  return { nConfigsPerHyperparameter: o.n_configs_per_hyperparameter as number, maxRatio: o.max_ratio as number, randomProbability: o.random_probability as number };
}
