import type { OptimizerFactory, Options, TaskView } from '../../core/index.js';
import { geneLayout } from './variation.js';
import { Nsga2Optimizer } from './nsga2Optimizer.js';

const PYMOO = 'pymoo NSGA2';

/** The population a run uses: population_size, shrunk to n_trials / min_generations (at least 8) for small budgets. */
export function effectivePopulation(view: TaskView, o: Options): number {
  const requested = o.population_size as number;
  const generations = o.min_generations as number;
  const fitting = generations > 0 ? Math.floor(view.budget.nTrials / generations) : requested;
  return Math.max(2, Math.min(requested, Math.max(8, fitting)));
}

/** NSGA-II (Deb et al. 2002) with pymoo's operators, on the unit cube of the search space. */
export const nsga2Factory: OptimizerFactory = {
  name: 'nsga2',
  description: `NSGA-II (Deb et al. 2002; ${PYMOO} operators): fast non-dominated sort, crowding distance, binary tournaments, SBX (eta 15, p 0.9) and polynomial mutation (eta 20, p 1/n) in the unit cube, uniform crossover/mutation of categoricals; population 100, shrunk for small budgets; max fidelity on multi-fidelity tasks.`,
  supports: ['multi-objective', 'multi-fidelity-multi-objective'],
  supportsPending: true,
  options: {
    population_size: { type: 'integer', default: 100, min: 2, description: `Population size (${PYMOO}: pop_size 100); shrunk by min_generations on small budgets.` },
    min_generations: {
      type: 'integer',
      default: 10,
      min: 0,
      description: 'Generations a run should see: the population is at most n_trials / min_generations (but at least 8); 0 keeps population_size.',
    },
    crossover_prob: { type: 'number', default: 0.9, min: 0, max: 1, description: `Probability that a pair of parents is crossed (${PYMOO}: SBX prob 0.9).` },
    crossover_eta: { type: 'number', default: 15, min: 0, description: `SBX distribution index (${PYMOO}: 15).` },
    mutation_eta: { type: 'number', default: 20, min: 0, description: `Polynomial mutation distribution index (${PYMOO}: 20).` },
    mutation_prob: { type: 'number', default: null, min: 0, max: 1, description: 'Per-gene mutation probability (null: 1 / number of non-constant hyperparameters).' },
  },
  create(view, seed, options) {
    const layout = geneLayout(view.space);
    const genes = Math.max(1, layout.numeric.length + layout.categorical.length);
    return new Nsga2Optimizer(view, seed, effectivePopulation(view, options), {
      crossoverProb: options.crossover_prob as number,
      crossoverEta: options.crossover_eta as number,
      mutationEta: options.mutation_eta as number,
      mutationProb: (options.mutation_prob as number | null) ?? 1 / genes,
    });
  },
};
