import { IncumbentTracker, type IncumbentEntry, type Optimizer, type TaskView, type TrialInfo, type TrialValue } from '../../core/index.js';
import type { ModelConfigSampler } from '../multiFidelity/modelConfigSampler.js';
import { okCostVector } from '../multiObjective/costVector.js';
import { proposeAt } from '../shared/proposal.js';

/**
 * A model-based optimizer at full fidelity whose configurations come from a SMAC-style config
 * selector (ParEGO: a surrogate of a freshly weighted augmented Chebyshev scalarization at each
 * refit). Every told trial is learned from, asked or not (so it can be warm-started with tells);
 * the incumbent is the non-dominated set.
 */
export class ParegoOptimizer implements Optimizer {
  private readonly tracker: IncumbentTracker;

  constructor(private readonly view: TaskView, private readonly sampler: ModelConfigSampler) {
    this.tracker = new IncumbentTracker(view.fidelity?.max);
  }

  ask(): TrialInfo {
    return proposeAt(this.view, this.sampler.next());
  }

  tell(info: TrialInfo, value: TrialValue): void {
    this.tracker.observe(info, value);
    const max = this.view.fidelity?.max;
    if (max !== undefined && info.fidelity !== undefined && info.fidelity < max) return;
    this.sampler.observe({ ...info, fidelity: undefined }, okCostVector(value, this.view.objectives.length));
  }

  incumbent(): readonly IncumbentEntry[] {
    return this.tracker.get();
  }
}
