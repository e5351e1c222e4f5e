import { Rng, type OptimizerFactory, type OptionSpec, type Options, type TaskView } from '../../core/index.js';
import { initialDesignSize } from '../models/observations.js';
import { ModelConfigSampler, type ScalarizationFactory } from '../multiFidelity/modelConfigSampler.js';
import { paregoScalarizer } from '../multiObjective/scalarization.js';
import { ParegoOptimizer } from './paregoOptimizer.js';
import { FACADE_DEFAULTS, surrogateProposer, type SurrogateKind } from './surrogates.js';

/** ParEGO's scalarization with SMAC3's rho: objectives normalized by the observed min/max, new random weights per model fit. */
export function paregoScalarization(rho: number): ScalarizationFactory {
  return (costs, rng) => paregoScalarizer(rng, costs, rho);
}

/** The options of a ParEGO optimizer around the surrogate `kind`, defaults from the SMAC3 facade that uses it. */
function paregoOptions(kind: SurrogateKind): Record<string, OptionSpec> {
  const d = FACADE_DEFAULTS[kind];
  const facade = kind === 'gp' ? 'SMAC3 BlackBoxFacade' : 'SMAC3 HyperparameterOptimizationFacade';
  return {
    rho: { type: 'number', default: 0.05, min: 0, description: 'Weight of the sum term of the augmented Chebyshev scalarization (SMAC3 ParEGO: 0.05).' },
    n_configs_per_hyperparameter: { type: 'integer', default: d.nConfigsPerHyperparameter, min: 0, description: `Initial design size per hyperparameter (${facade}: ${d.nConfigsPerHyperparameter}), capped by max_ratio.` },
    max_ratio: { type: 'number', default: d.maxRatio, min: 0, max: 1, description: `Initial design uses at most this fraction of n_trials (${facade}: ${d.maxRatio}).` },
    random_probability: { type: 'number', default: d.randomProbability, min: 0, max: 1, description: `Probability that a config is random instead of model-based (${facade} ProbabilityRandomDesign).` },
    retrain_after: { type: 'integer', default: d.retrainAfter, min: 1, description: `Configs taken from one model fit (and one scalarization) before refitting (${facade}: ${d.retrainAfter}).` },
  };
}

/** The config selector of a ParEGO optimizer; `minTrials` 1 and the task's n_trials for the initial design. */
function paregoSampler(kind: SurrogateKind, view: TaskView, seed: number, o: Options): ModelConfigSampler {
  const root = new Rng(seed);
  const nInitial = initialDesignSize(o.n_configs_per_hyperparameter as number, o.max_ratio as number, view.space.dimension, view.budget.nTrials);
  return new ModelConfigSampler(
    view.space,
    surrogateProposer(kind, view.space),
    { nInitial, randomProbability: o.random_probability as number, retrainAfter: o.retrain_after as number, minTrials: 1 },
    { design: root.split('design'), model: root.split('model') },
    paregoScalarization(o.rho as number),
  );
}

function makeParegoFactory(name: string, kind: SurrogateKind, description: string): OptimizerFactory {
  return {
    name,
    description,
    supports: ['multi-objective', 'multi-fidelity-multi-objective'],
    options: paregoOptions(kind),
    create: (view, seed, options) => new ParegoOptimizer(view, paregoSampler(kind, view, seed, options)),
  };
}

/** ParEGO with SMAC3's GP (the counterpart of SMAC3's multi-objective BlackBoxFacade). */
export const paregoFactory = makeParegoFactory(
  'parego',
  'gp',
  "ParEGO (Knowles 2006) as SMAC3's multi-objective GP: the 'gp' surrogate (Matern/Hamming GP, log EI) on a random augmented Chebyshev scalarization (rho 0.05) of the min/max-normalized objectives, new weights per fit; max fidelity on multi-fidelity tasks.",
);

/** ParEGO with SMAC3's random forest (SMAC3's multi-objective HyperparameterOptimizationFacade). */
export const rfParegoFactory = makeParegoFactory(
  'rf-parego',
  'rf',
  "ParEGO as SMAC3's multi-objective RF: the 'rf' surrogate (random forest on log-scaled costs, log EI) on a random augmented Chebyshev scalarization (rho 0.05) of the min/max-normalized objectives, new weights every 8 configs; max fidelity on multi-fidelity tasks.",
);
