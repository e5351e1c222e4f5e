/**
 * Example optimizer plugin in TypeScript: local search around the incumbent.
 * The first `n_init` trials are random samples; after that each trial is a random
 * one-exchange neighbour of the best config so far (ConfigSpace's neighbourhood, which
 * respects conditions and forbidden clauses). All randomness comes from the seed.
 *
 *   npx tsc                      # compile with your project's tsconfig (NodeNext)
 *   npx hpoarena check-optimizer local-search --plugin dist/localSearch.js
 *   npx hpoarena run --plugin dist/localSearch.js --optimizers local-search --tasks 'bbob/2/*' --seeds 1-3
 */
import { IncumbentTracker, Rng, registerOptimizer, type Optimizer, type OptimizerFactory, type TaskView, type TrialInfo } from 'hpoarena';

export const localSearchFactory: OptimizerFactory = {
  name: 'local-search',
  description: 'Random samples first, then random neighbours of the incumbent (example plugin).',
  supports: ['blackbox'],
  options: {
    n_init: { type: 'integer', default: 10, min: 1, description: 'Random trials before the local search starts' },
  },
  create(view: TaskView, seed: number, options): Optimizer {
    const rng = new Rng(seed);
    const incumbent = new IncumbentTracker();
    const nInit = options.n_init as number;
    let asked = 0;
    return {
      ask(): TrialInfo {
        asked++;
        const best = incumbent.get()[0];
        if (asked <= nInit || !best) return { config: view.space.sample(rng) };
        // A space of constants only has no neighbours: sample instead.
        const [neighbour] = view.space.neighbours(best.config, rng, 1);
        return { config: neighbour ?? view.space.sample(rng) };
      },
      tell(info, value) {
        incumbent.observe(info, value);
      },
      incumbent: () => incumbent.get(),
    };
  },
};

registerOptimizer(localSearchFactory);
