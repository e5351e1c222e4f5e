import type { OptimizerFactory, Options } from '../../core/index.js';
import { DifferentialEvolution, type DeSettings } from './deOptimizer.js';

/** Resolved options (see differentialEvolutionFactory.options) as the optimizer's settings. */
function settingsFrom(options: Options): DeSettings {
  return {
    popsize: typeof options.popsize === 'number' ? options.popsize : 30,
    F: typeof options.F === 'number' ? options.F : 0.8,
    F2: typeof options.F2 === 'number' ? options.F2 : 0.8,
    CR: typeof options.CR === 'number' ? options.CR : 0.5,
    strategy: options.strategy === 'currenttobest1bin' ? 'currenttobest1bin' : 'rand1bin',
    initialization: options.initialization === 'lhs' ? 'lhs' : 'random',
  };
}

/** Differential evolution with Nevergrad's DE defaults (population 30, F 0.8, CR 0.5), rand/1/bin by default. */
export const differentialEvolutionFactory: OptimizerFactory = {
  name: 'de',
  description:
    "Differential evolution rand/1/bin in the unit cube, steady-state like Nevergrad's DE, with Nevergrad's defaults (population 30, F = 0.8, CR = 0.5); crashed trials rank worst; max fidelity on multi-fidelity tasks.",
  supports: ['blackbox', 'multi-fidelity'],
  options: {
    popsize: { type: 'integer', default: 30, min: 4, description: "Population size (Nevergrad 'standard': 30)." },
    F: { type: 'number', default: 0.8, min: 0, max: 2, description: 'Differential weight (Nevergrad F1 = 0.8).' },
    F2: { type: 'number', default: 0.8, min: 0, max: 2, description: "Weight of the pull to the best member in 'currenttobest1bin' (Nevergrad F2 = 0.8)." },
    CR: { type: 'number', default: 0.5, min: 0, max: 1, description: 'Binomial crossover rate (Nevergrad crossover = 0.5).' },
    strategy: {
      type: 'string',
      default: 'rand1bin',
      choices: ['rand1bin', 'currenttobest1bin'],
      description: "Mutation: 'rand1bin' (classic DE/rand/1/bin) or 'currenttobest1bin' (Nevergrad's DE update).",
    },
    initialization: {
      type: 'string',
      default: 'random',
      choices: ['random', 'lhs'],
      description: "Initial population: uniform random (Nevergrad 'parametrization') or a Latin hypercube.",
    },
  },
  create: (view, seed, options) => new DifferentialEvolution(view, seed, settingsFrom(options)),
};
