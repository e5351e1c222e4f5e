import { Rng, type OptimizerFactory, type Options } from '../../core/index.js';
import { BracketOptimizer } from '../multiFidelity/bracketOptimizer.js';
import { hyperbandSchedule } from '../multiFidelity/brackets.js';
import { PromotingFiller } from '../multiFidelity/configSamplers.js';
import { FIDELITY_RANGE_OPTIONS, ladderFromOptions, requireFidelity } from '../multiFidelity/fidelityLadder.js';
import { BohbSampler, type BohbSettings } from './bohbSampler.js';

const HPB = 'HpBandSter BOHB';

function settingsOf(o: Options, dimension: number): BohbSettings {
  const floor = dimension + 1;
  const requested = o.min_points_in_model as number | null;
  return {
    // HpBandSter raises a smaller value to d + 1 (with a warning).
    minPointsInModel: requested === null ? floor : Math.max(floor, requested),
    topNPercent: o.top_n_percent as number,
    numSamples: o.num_samples as number,
    randomFraction: o.random_fraction as number,
    bandwidthFactor: o.bandwidth_factor as number,
    minBandwidth: o.min_bandwidth as number,
  };
}

/** BOHB (Falkner et al. 2018): Hyperband whose new configurations come from per-budget KDEs. */
export const bohbFactory: OptimizerFactory = {
  name: 'bohb',
  description: `BOHB (Falkner et al. 2018, ${HPB}): Hyperband brackets (HpBandSter's sizes) whose new configs come from a TPE-like good/bad KDE pair on the largest budget with enough data, a third of them random.`,
  supports: ['multi-fidelity'],
  supportsPending: true,
  options: {
    ...FIDELITY_RANGE_OPTIONS,
    min_points_in_model: { type: 'integer', default: null, min: 1, description: `Told configs a budget needs before its KDEs are fitted (null: number of hyperparameters + 1; smaller values are raised to that, as ${HPB}).` },
    top_n_percent: { type: 'integer', default: 15, min: 1, max: 99, description: `Percentage of the configs that form the good KDE (${HPB}: 15).` },
    num_samples: { type: 'integer', default: 64, min: 1, description: `Draws from the widened good KDE scored by g(x)/l(x) per new config (${HPB}: 64).` },
    random_fraction: { type: 'number', default: 1 / 3, min: 0, max: 1, description: `Fraction of new configs drawn from the prior (${HPB}: 1/3).` },
    bandwidth_factor: { type: 'number', default: 3, min: 0, description: `Widening of the continuous kernels when drawing candidates (${HPB}: 3).` },
    min_bandwidth: { type: 'number', default: 1e-3, min: 0, description: `Smallest KDE bandwidth (${HPB}: 1e-3).` },
  },
  create(view, seed, options) {
    const ladder = ladderFromOptions(view, options, 'bohb');
    const sampler = new BohbSampler(view.space, requireFidelity(view, 'bohb').max, settingsOf(options, view.space.dimension), new Rng(seed).split('bohb'));
    return new BracketOptimizer(view, hyperbandSchedule(ladder, 'hpbandster'), new PromotingFiller(sampler));
  },
};
