import { Rng, type OptimizerFactory } from '../../core/index.js';
import { PointSequenceOptimizer } from '../shared/pointSequenceOptimizer.js';
import { SobolSequence, type SobolScramble } from './sobolSequence.js';

/** Scrambled Sobol points decoded through the search space; forbidden configs are skipped. */
export const sobolFactory: OptimizerFactory = {
  name: 'sobol',
  description:
    'Scrambled Sobol sequence (Joe-Kuo new-joe-kuo-6.21201 direction numbers, Owen scrambling by default) decoded through the search space; forbidden configs are skipped; max fidelity on multi-fidelity tasks.',
  supports: ['blackbox', 'multi-fidelity', 'multi-objective', 'multi-fidelity-multi-objective'],
  supportsPending: true,
  options: {
    scramble: {
      type: 'string',
      default: 'owen',
      choices: ['owen', 'lms', 'none'],
      description: "Randomization: 'owen' (nested uniform scrambling), 'lms' (linear matrix scramble + digital shift, as scipy), 'none' (plain sequence, starts at the origin; the seed only breaks forbidden-config fallbacks).",
    },
  },
  create(view, seed, options) {
    const rng = new Rng(seed);
    const scramble = (options.scramble ?? 'owen') as SobolScramble;
    const sequence = new SobolSequence(view.space.dimension, scramble, rng.split('sobol'));
    return new PointSequenceOptimizer(view, sequence, rng.split('fallback'));
  },
};
