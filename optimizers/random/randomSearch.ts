import { IncumbentTracker, Rng, type Optimizer, type OptimizerFactory, type TaskView, type TrialInfo, type TrialValue } from '../../core/index.js';

/**
 * Random search: configurations sampled from the space (respecting conditions and
 * forbiddens); multi-fidelity tasks are evaluated at max fidelity; the incumbent is the
 * best config, or the Pareto set for multi-objective tasks.
 */
class RandomSearch implements Optimizer {
  private readonly rng: Rng;
  private readonly tracker: IncumbentTracker;

  constructor(private readonly view: TaskView, seed: number) {
    this.rng = new Rng(seed);
    this.tracker = new IncumbentTracker(view.fidelity?.max);
  }

  ask(): TrialInfo {
    const config = this.view.space.sample(this.rng);
    return this.view.fidelity ? { config, fidelity: this.view.fidelity.max } : { config };
  }

  tell(info: TrialInfo, value: TrialValue): void {
    this.tracker.observe(info, value);
  }

  incumbent() {
    return this.tracker.get();
  }
}

export const randomSearchFactory: OptimizerFactory = {
  name: 'random',
  description: 'Uniform random sampling of the search space (max fidelity on multi-fidelity tasks).',
  supports: ['blackbox', 'multi-fidelity', 'multi-objective', 'multi-fidelity-multi-objective'],
  supportsPending: true,
  options: {},
  create: (view, seed) => new RandomSearch(view, seed),
};
