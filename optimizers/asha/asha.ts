import { Rng, type OptimizerFactory } from '../../core/index.js';
import { RandomSampler } from '../multiFidelity/configSamplers.js';
import { FIDELITY_RANGE_OPTIONS, ladderFromOptions } from '../multiFidelity/fidelityLadder.js';
import { AshaOptimizer } from './ashaOptimizer.js';

/** ASHA (Li et al. 2020) with random configurations. */
export const ashaFactory: OptimizerFactory = {
  name: 'asha',
  description:
    'Asynchronous Successive Halving (Li et al. 2020, min early-stopping rate 0): each ask promotes the best unpromoted config of the top 1/eta of the highest possible rung, else starts a random config at the smallest budget; never waits for a rung to fill.',
  supports: ['multi-fidelity'],
  supportsPending: true,
  options: FIDELITY_RANGE_OPTIONS,
  create(view, seed, options) {
    const ladder = ladderFromOptions(view, options, 'asha');
    return new AshaOptimizer(view, ladder, new RandomSampler(view.space, new Rng(seed).split('configs')));
  },
};
