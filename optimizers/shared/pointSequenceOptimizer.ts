import { IncumbentTracker, type Config, type Optimizer, type Rng, type TaskView, type TrialInfo, type TrialValue } from '../../core/index.js';
import { proposeAt } from './proposal.js';
import { decodeUnit } from './unitCube.js';

/** A deterministic stream of points in [0, 1)^d, d = the space's dimension. */
export interface PointSource {
  next(): Float64Array;
}

/** Points of a sequence skipped in a row before one ask falls back to the space's own sampler. */
const MAX_FORBIDDEN_SKIPS = 100;

/**
 * Decodes the next point of `nextPoint` into a config, skipping points whose config is forbidden;
 * after MAX_FORBIDDEN_SKIPS forbidden points in a row it samples the space (which respects forbiddens).
 */
function nextAllowedConfig(view: TaskView, nextPoint: () => ArrayLike<number>, rng: Rng): Config {
  for (let i = 0; i < MAX_FORBIDDEN_SKIPS; i++) {
    const config = decodeUnit(view.space, nextPoint());
    if (!view.space.isForbidden(config)) return config;
  }
  return view.space.sample(rng);
}

/**
 * A model-free optimizer that proposes the points of a sequence (Sobol, Halton, Latin hypercube)
 * decoded through the search space, so conditions, log scales and integer/categorical types are
 * the space's business. Multi-fidelity tasks are evaluated at max fidelity; the incumbent is the
 * best config or the Pareto set.
 */
export class PointSequenceOptimizer implements Optimizer {
  private readonly tracker: IncumbentTracker;

  constructor(
    private readonly view: TaskView,
    private readonly source: PointSource,
    private readonly fallbackRng: Rng,
  ) {
    this.tracker = new IncumbentTracker(view.fidelity?.max);
  }

  ask(): TrialInfo {
    return proposeAt(this.view, nextAllowedConfig(this.view, () => this.source.next(), this.fallbackRng));
  }

  tell(info: TrialInfo, value: TrialValue): void {
    this.tracker.observe(info, value);
  }

  incumbent() {
    return this.tracker.get();
  }
}
