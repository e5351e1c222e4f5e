import { fileURLToPath } from 'node:url';
import type { OptimizerFactory, OptionSpec, Options, TaskType, TaskView } from '../../core/index.js';
import { timeoutOptions, timeoutsOf } from './externalFactory.js';
import { ExternalOptimizer } from './externalOptimizer.js';
import type { Json } from './protocol.js';
import { requirePython } from './python.js';

/** The Optuna adapter, found from dist/optimizers/external/ at the repository root's optimizers/external/. */
export const OPTUNA_ADAPTER = fileURLToPath(new URL('../../../optimizers/external/optuna_adapter.py', import.meta.url));

type Sampler = 'tpe' | 'motpe' | 'nsga2' | 'random' | 'qmc' | 'cmaes';

/** The Python modules each sampler needs beyond optuna (checked by the adapter, and by tests deciding to skip). */
export const SAMPLER_MODULES: Record<Sampler, readonly string[]> = {
  tpe: ['optuna'],
  motpe: ['optuna'],
  nsga2: ['optuna'],
  random: ['optuna'],
  qmc: ['optuna', 'scipy'],
  cmaes: ['optuna', 'cmaes'],
};

const num = (value: number | null, description: string, min?: number): OptionSpec => ({ type: 'number', default: value, description, ...(min === undefined ? {} : { min }) });
const int = (value: number | null, description: string, min = 1): OptionSpec => ({ type: 'integer', default: value, description, min });
const bool = (value: boolean, description: string): OptionSpec => ({ type: 'boolean', default: value, description });

const parzenOptions = (endpoints: boolean): Record<string, OptionSpec> => ({
  consider_prior: bool(true, 'Add the prior (a wide Gaussian) to the Parzen estimators.'),
  prior_weight: num(1.0, 'Weight of the prior.', 0),
  consider_magic_clip: bool(true, 'Lower-bound the kernel bandwidths (the "magic clip" heuristic).'),
  consider_endpoints: bool(endpoints, 'Let the domain endpoints widen the kernel bandwidths.'),
  n_startup_trials: int(10, 'Random trials before the model takes over.'),
});

const tpeOptions = (multivariate: boolean): Record<string, OptionSpec> => ({
  ...parzenOptions(false),
  n_ei_candidates: int(24, 'Candidates drawn from l(x) to score by l(x)/g(x).'),
  multivariate: bool(multivariate, 'One multivariate Parzen estimator over all parameters instead of one per parameter.'),
  group: bool(false, 'With multivariate: decompose conditional spaces into groups of parameters that occur together.'),
});

interface Variant {
  readonly sampler: Sampler;
  readonly description: string;
  readonly supports: readonly TaskType[];
  readonly options: Record<string, OptionSpec>;
}

const SO_MO: readonly TaskType[] = ['blackbox', 'multi-objective'];

const VARIANTS: Record<string, Variant> = {
  'optuna-tpe': { sampler: 'tpe', supports: SO_MO, options: tpeOptions(false), description: "Optuna's TPESampler (independent TPE; multi-objective via MOTPE's split)." },
  'optuna-tpe-multivariate': { sampler: 'tpe', supports: SO_MO, options: tpeOptions(true), description: "Optuna's TPESampler with multivariate=True." },
  'optuna-motpe': {
    sampler: 'motpe',
    supports: ['multi-objective'],
    options: { ...parzenOptions(true), n_ehvi_candidates: int(24, 'Candidates scored by expected hypervolume improvement.') },
    description: "Optuna's MOTPESampler (TPESampler in Optuna 4) for multi-objective tasks.",
  },
  'optuna-nsga2': {
    sampler: 'nsga2',
    supports: SO_MO,
    options: {
      population_size: int(50, 'Individuals per generation.', 2),
      mutation_prob: num(null, 'Per-parameter mutation probability (null: 1 / number of parameters).', 0),
      crossover_prob: num(0.9, 'Probability that a child comes from crossover.', 0),
      swapping_prob: num(0.5, 'Probability of taking each parameter from the other parent in uniform crossover.', 0),
    },
    description: "Optuna's NSGAIISampler (genetic algorithm; single- or multi-objective).",
  },
  'optuna-random': { sampler: 'random', supports: SO_MO, options: {}, description: "Optuna's RandomSampler." },
  'optuna-qmc': {
    sampler: 'qmc',
    supports: SO_MO,
    options: {
      qmc_type: { type: 'string', default: 'sobol', choices: ['sobol', 'halton'], description: 'Low-discrepancy sequence.' },
      scramble: bool(true, "Scramble the sequence with the run seed (Optuna's default is false, which makes every seed the same run)."),
    },
    description: "Optuna's QMCSampler (needs scipy in the adapter's Python).",
  },
  'optuna-cmaes': {
    sampler: 'cmaes',
    supports: ['blackbox'],
    options: {
      sigma0: num(null, 'Initial step size (null: min range / 6).', 0),
      n_startup_trials: int(1, 'Independent (random) trials before CMA-ES starts.'),
      restart_strategy: { type: 'string', default: null, choices: ['ipop', 'bipop'], description: "Restart strategy (null: none; 'bipop' needs Optuna >= 3.3)." },
      popsize: int(null, 'Population size (null: 4 + floor(3 ln d)).'),
      inc_popsize: int(2, 'Population growth factor per IPOP restart.'),
      use_separable_cma: bool(false, 'Diagonal covariance (sep-CMA-ES).'),
      with_margin: bool(false, 'CMA-ES with margin for integer parameters.'),
    },
    description: "Optuna's CmaEsSampler (needs the Python package cmaes; categorical parameters are sampled at random).",
  },
};

function optunaFactory(suffix: string, variant: Variant): OptimizerFactory {
  const name = `external:${suffix}`;
  return {
    name,
    description: `${variant.description} Runs optimizers/external/optuna_adapter.py over the ask/tell protocol.`,
    supports: variant.supports,
    // Optuna's ask/tell takes asks before tells (the adapter declares 'pending').
    supportsPending: true,
    options: { ...variant.options, ...timeoutOptions },
    create(view: TaskView, seed: number, options: Options) {
      const samplerOptions: Record<string, Json> = { sampler: variant.sampler };
      for (const key of Object.keys(variant.options)) samplerOptions[key] = options[key] as Json;
      return new ExternalOptimizer(view, seed, {
        launch: async () => ({
          command: await requirePython(['optuna'], `Optimizer '${name}'`),
          args: [OPTUNA_ADAPTER],
          env: { PYTHONHASHSEED: '0', PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1' },
          label: `${name} (optuna_adapter.py)`,
        }),
        timeouts: timeoutsOf(options),
        options: samplerOptions,
      });
    },
  };
}

/** external:optuna-tpe, -tpe-multivariate, -motpe, -nsga2, -random, -qmc, -cmaes. */
export const optunaFactories: OptimizerFactory[] = Object.entries(VARIANTS).map(([suffix, variant]) => optunaFactory(suffix, variant));

/** The sampler behind an external:optuna-* name. */
export function optunaSamplerOf(name: string): Sampler | undefined {
  return VARIANTS[name.replace(/^external:/, '')]?.sampler;
}
