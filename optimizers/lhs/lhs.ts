import { Rng, type OptimizerFactory } from '../../core/index.js';
import { latinHypercube } from '../shared/latinHypercube.js';
import { PointSequenceOptimizer, type PointSource } from '../shared/pointSequenceOptimizer.js';

/** Consecutive Latin hypercubes of `batchSize` points each. */
class LatinHypercubeBatches implements PointSource {
  private batch: Float64Array[] = [];
  private position = 0;

  constructor(
    private readonly dimension: number,
    readonly batchSize: number,
    private readonly rng: Rng,
    private readonly centered: boolean,
  ) {}

  next(): Float64Array {
    if (this.position >= this.batch.length) {
      this.batch = latinHypercube(this.batchSize, this.dimension, this.rng, this.centered);
      this.position = 0;
    }
    return this.batch[this.position++];
  }
}

/** Latin hypercube sampling in batches of the trial budget, decoded through the search space. */
export const lhsFactory: OptimizerFactory = {
  name: 'lhs',
  description:
    'Latin hypercube sampling in batches of the trial budget (a fresh hypercube when one is used up), decoded through the search space; forbidden configs are skipped; max fidelity on multi-fidelity tasks.',
  supports: ['blackbox', 'multi-fidelity', 'multi-objective', 'multi-fidelity-multi-objective'],
  supportsPending: true,
  options: {
    batch_size: {
      type: 'integer',
      default: null,
      min: 1,
      description: "Points per Latin hypercube; null = the task's n_trials budget.",
    },
    centered: {
      type: 'boolean',
      default: false,
      description: 'Put points at stratum centres instead of uniformly inside their stratum.',
    },
  },
  create(view, seed, options) {
    const rng = new Rng(seed);
    const batchSize = typeof options.batch_size === 'number' ? options.batch_size : Math.max(1, Math.ceil(view.budget.nTrials));
    const source = new LatinHypercubeBatches(view.space.dimension, batchSize, rng.split('lhs'), options.centered === true);
    return new PointSequenceOptimizer(view, source, rng.split('fallback'));
  },
};
