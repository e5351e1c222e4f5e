import { Rng, type OptimizerFactory } from '../../core/index.js';
import { BracketOptimizer } from '../multiFidelity/bracketOptimizer.js';
import { hyperbandBracket, hyperbandSchedule } from '../multiFidelity/brackets.js';
import { FIDELITY_RANGE_OPTIONS, ladderFromOptions } from '../multiFidelity/fidelityLadder.js';
import { DehbFiller } from './dehbFiller.js';

const DEHB = 'automl/DEHB';

/** DEHB (Awad et al. 2021): Hyperband brackets whose configurations come from per-budget DE subpopulations. */
export const dehbFactory: OptimizerFactory = {
  name: 'dehb',
  description: `DEHB (Awad et al. 2021, ${DEHB}): Hyperband brackets (DEHB's sizes) whose configs come from one DE subpopulation per budget, rand/1 mutants drawn from the lower budget's best, binomial crossover; promotions in the first Hyperband round only.`,
  supports: ['multi-fidelity'],
  supportsPending: true,
  options: {
    ...FIDELITY_RANGE_OPTIONS,
    mutation_factor: { type: 'number', default: 0.5, min: 0, max: 2, description: `DE weight F of the difference vector (${DEHB}: 0.5).` },
    crossover_prob: { type: 'number', default: 0.5, min: 0, max: 1, description: `Binomial crossover rate (${DEHB}: 0.5).` },
    strategy: { type: 'string', default: 'rand1_bin', choices: ['rand1_bin'], description: `Mutation and crossover (${DEHB}: rand1_bin; the only one implemented).` },
    boundary_fix_type: { type: 'string', default: 'random', choices: ['random', 'clip'], description: `Repair of coordinates outside [0, 1]: drawn anew or clipped (${DEHB}: random).` },
  },
  create(view, seed, options) {
    const ladder = ladderFromOptions(view, options, 'dehb');
    const plans = Array.from({ length: ladder.sMax + 1 }, (_, t) => hyperbandBracket(ladder, ladder.sMax - t, 'hpbandster'));
    const filler = new DehbFiller(
      view.space,
      ladder,
      plans,
      { mutationFactor: options.mutation_factor as number, crossoverProb: options.crossover_prob as number, boundaryFix: options.boundary_fix_type === 'clip' ? 'clip' : 'random' },
      new Rng(seed).split('dehb'),
    );
    return new BracketOptimizer(view, hyperbandSchedule(ladder, 'hpbandster'), filler);
  },
};
