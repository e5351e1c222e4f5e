import { Rng, type OptimizerFactory } from '../../core/index.js';
import { PointSequenceOptimizer } from '../shared/pointSequenceOptimizer.js';
import { HaltonSequence } from './haltonSequence.js';

/** Randomized Halton points decoded through the search space; forbidden configs are skipped. */
export const haltonFactory: OptimizerFactory = {
  name: 'halton',
  description:
    'Halton sequence (prime bases) with random linear digit scrambling, decoded through the search space; forbidden configs are skipped; max fidelity on multi-fidelity tasks.',
  supports: ['blackbox', 'multi-fidelity', 'multi-objective', 'multi-fidelity-multi-objective'],
  supportsPending: true,
  options: {
    scramble: {
      type: 'boolean',
      default: true,
      description: 'Randomize digits per dimension and position (recommended: plain Halton is badly correlated in high dimensions and starts at the origin).',
    },
  },
  create(view, seed, options) {
    const rng = new Rng(seed);
    const sequenceRng = rng.split('halton');
    const sequence = new HaltonSequence(view.space.dimension, options.scramble === false ? undefined : sequenceRng);
    return new PointSequenceOptimizer(view, sequence, rng.split('fallback'));
  },
};
