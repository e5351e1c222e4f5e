import { Rng, type OptimizerFactory } from '../../core/index.js';
import { BracketOptimizer } from '../multiFidelity/bracketOptimizer.js';
import { hyperbandSchedule } from '../multiFidelity/brackets.js';
import { DefaultThenRandomSampler, PromotingFiller } from '../multiFidelity/configSamplers.js';
import { FIDELITY_RANGE_OPTIONS, ladderFromOptions } from '../multiFidelity/fidelityLadder.js';

/**
 * SMAC3's HyperbandFacade: the Hyperband intensifier (its brackets are Li et al.'s, the same as
 * `hyperband`) fed by ROAR's config selector. What differs from `hyperband` is SMAC3's, not the
 * algorithm's: the very first configuration is the space's default (DefaultInitialDesign), and a
 * configuration proposed once is never drawn again for a new bracket (processed configs are skipped).
 */
export const smacHyperbandFactory: OptimizerFactory = {
  name: 'smac-hb',
  description:
    "SMAC3 HyperbandFacade: Hyperband with Li et al.'s brackets (same as 'hyperband') and random configs; differs from 'hyperband' only in SMAC3's details: the first config is the space's default, and no config is proposed twice as a new one.",
  supports: ['multi-fidelity', 'multi-fidelity-multi-objective'],
  supportsPending: true,
  options: FIDELITY_RANGE_OPTIONS,
  create(view, seed, options) {
    const ladder = ladderFromOptions(view, options, 'smac-hb');
    const sampler = new DefaultThenRandomSampler(view.space, new Rng(seed).split('configs'));
    return new BracketOptimizer(view, hyperbandSchedule(ladder, 'hyperband'), new PromotingFiller(sampler));
  },
};
