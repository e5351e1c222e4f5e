import { Rng, type OptimizerFactory, type OptionSpec, type Options, type TaskView } from '../../core/index.js';
import { initialDesignSize } from '../models/observations.js';
import { BracketOptimizer } from '../multiFidelity/bracketOptimizer.js';
import { hyperbandSchedule } from '../multiFidelity/brackets.js';
import { PromotingFiller } from '../multiFidelity/configSamplers.js';
import { FIDELITY_RANGE_OPTIONS, ladderFromOptions } from '../multiFidelity/fidelityLadder.js';
import { ModelConfigSampler, type ScalarizationFactory } from '../multiFidelity/modelConfigSampler.js';
import { surrogateProposer, type SurrogateKind } from '../parego/surrogates.js';

const MF = 'SMAC3 MultiFidelityFacade';

/** The options of SMAC3's MultiFidelityFacade recipe: Hyperband, random initial design, RF config selector. */
export const SMAC_MF_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  ...FIDELITY_RANGE_OPTIONS,
  n_configs_per_hyperparameter: { type: 'integer', default: 10, min: 0, description: `Random initial configs per hyperparameter (${MF} RandomInitialDesign: 10), capped by max_ratio.` },
  max_ratio: { type: 'number', default: 0.25, min: 0, max: 1, description: `Initial design uses at most this fraction of n_trials (${MF}: 0.25).` },
  random_probability: { type: 'number', default: 0.2, min: 0, max: 1, description: `Probability that a new config is random (${MF} ProbabilityRandomDesign: 0.2).` },
  retrain_after: { type: 'integer', default: 8, min: 1, description: `New configs taken from one model fit before refitting (${MF} ConfigSelector: 8).` },
  min_trials: {
    type: 'integer',
    default: 1,
    min: 1,
    description: `The model is fitted on the highest budget with at least this many told trials (SMAC3 ConfigSelector min_trials: 1, so one max-budget trial already moves it there).`,
  },
};

/** Hyperband whose bracket starts come from a SMAC config selector around `kind` (one objective, or scalarized). */
export function smacBracketOptimizer(name: string, kind: SurrogateKind, view: TaskView, seed: number, o: Options, scalarization?: ScalarizationFactory): BracketOptimizer {
  const ladder = ladderFromOptions(view, o, name);
  const root = new Rng(seed);
  const sampler = new ModelConfigSampler(
    view.space,
    surrogateProposer(kind, view.space),
    {
      nInitial: initialDesignSize(o.n_configs_per_hyperparameter as number, o.max_ratio as number, view.space.dimension, view.budget.nTrials),
      randomProbability: o.random_probability as number,
      retrainAfter: o.retrain_after as number,
      minTrials: o.min_trials as number,
    },
    { design: root.split('design'), model: root.split('model') },
    scalarization,
  );
  return new BracketOptimizer(view, hyperbandSchedule(ladder, 'hyperband'), new PromotingFiller(sampler));
}

/** SMAC3's MultiFidelityFacade: Hyperband fed by the random-forest BO of the 'rf' optimizer. */
export const smacMfFactory: OptimizerFactory = {
  name: 'smac-mf',
  description: `${MF}: Hyperband (Li et al. brackets) whose new configs come from the 'rf' surrogate (random forest on log-scaled costs, log EI, local + sorted random search) fitted on the highest budget with >= min_trials trials; random initial design, 20% random configs, refit every 8 configs.`,
  supports: ['multi-fidelity'],
  supportsPending: true,
  options: SMAC_MF_OPTIONS,
  create: (view, seed, options) => smacBracketOptimizer('smac-mf', 'rf', view, seed, options),
};
