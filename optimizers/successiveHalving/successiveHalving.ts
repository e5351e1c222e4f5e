import { Rng, type OptimizerFactory } from '../../core/index.js';
import { BracketOptimizer } from '../multiFidelity/bracketOptimizer.js';
import { successiveHalvingSchedule } from '../multiFidelity/brackets.js';
import { PromotingFiller, RandomSampler } from '../multiFidelity/configSamplers.js';
import { FIDELITY_RANGE_OPTIONS, ladderFromOptions } from '../multiFidelity/fidelityLadder.js';

/**
 * Successive Halving (Jamieson & Talwalkar 2016; SMAC3's SuccessiveHalving intensifier): one
 * bracket of eta^sMax random configurations at the smallest budget, the best 1/eta of each rung
 * run again at eta times the budget, up to the largest; then the bracket starts over.
 */
export const successiveHalvingFactory: OptimizerFactory = {
  name: 'sh',
  description:
    'Successive Halving (Jamieson & Talwalkar; SMAC3 SuccessiveHalving): eta^sMax random configs at the smallest budget, the best 1/eta promoted rung by rung (synchronously) to the largest, repeated; integer fidelities rounded; Pareto rank + crowding promotions on multi-objective tasks.',
  supports: ['multi-fidelity', 'multi-fidelity-multi-objective'],
  supportsPending: true,
  options: FIDELITY_RANGE_OPTIONS,
  create(view, seed, options) {
    const ladder = ladderFromOptions(view, options, 'sh');
    const sampler = new RandomSampler(view.space, new Rng(seed).split('configs'));
    return new BracketOptimizer(view, successiveHalvingSchedule(ladder), new PromotingFiller(sampler));
  },
};
