import { Rng, type OptimizerFactory } from '../../core/index.js';
import { RandomSampler } from '../multiFidelity/configSamplers.js';
import { FIDELITY_RANGE_OPTIONS, ladderFromOptions } from '../multiFidelity/fidelityLadder.js';
import { AsyncHyperbandOptimizer } from './asyncHyperbandOptimizer.js';

/** Asynchronous Hyperband (Li et al. 2020) with random configurations: the asynchronous variant of `hyperband`. */
export const asyncHyperbandFactory: OptimizerFactory = {
  name: 'async-hyperband',
  description:
    'Asynchronous Hyperband (Li et al. 2020): an ASHA per bracket s = 0..sMax (minimum early-stopping rate s, rungs from budget max eta^-(sMax-s)), asks to the brackets in turn; never waits for a rung to fill, so it suits parallel trials.',
  supports: ['multi-fidelity'],
  supportsPending: true,
  options: FIDELITY_RANGE_OPTIONS,
  create(view, seed, options) {
    const ladder = ladderFromOptions(view, options, 'async-hyperband');
    return new AsyncHyperbandOptimizer(view, ladder, new RandomSampler(view.space, new Rng(seed).split('configs')));
  },
};
