import { Rng, type OptimizerFactory } from '../../core/index.js';
import { BracketOptimizer } from '../multiFidelity/bracketOptimizer.js';
import { hyperbandSchedule } from '../multiFidelity/brackets.js';
import { PromotingFiller, RandomSampler } from '../multiFidelity/configSamplers.js';
import { FIDELITY_RANGE_OPTIONS, ladderFromOptions } from '../multiFidelity/fidelityLadder.js';

/**
 * Hyperband (Li et al. 2018, Algorithm 1): brackets s = sMax..0 in turn, bracket s starting
 * ceil((sMax + 1) / (s + 1) * eta^s) random configurations at budget max * eta^-s, each a
 * synchronous Successive Halving run keeping the best 1/eta per rung.
 */
export const hyperbandFactory: OptimizerFactory = {
  name: 'hyperband',
  description:
    'Hyperband (Li et al. 2018): brackets s = sMax..0 of Successive Halving on random configs, n = ceil((sMax+1)/(s+1) eta^s) at budget max eta^-s, best 1/eta promoted once a rung is complete; integer fidelities rounded; Pareto rank + crowding promotions on multi-objective tasks.',
  supports: ['multi-fidelity', 'multi-fidelity-multi-objective'],
  supportsPending: true,
  options: FIDELITY_RANGE_OPTIONS,
  create(view, seed, options) {
    const ladder = ladderFromOptions(view, options, 'hyperband');
    const sampler = new RandomSampler(view.space, new Rng(seed).split('configs'));
    return new BracketOptimizer(view, hyperbandSchedule(ladder, 'hyperband'), new PromotingFiller(sampler));
  },
};
