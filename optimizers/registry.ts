import { UnknownNameError, resolveOptions, SpecError, taskTypeOf, type Optimizer, type OptimizerFactory, type Options, type TaskView } from '../core/index.js';
import { randomSearchFactory } from './random/randomSearch.js';
import { sobolFactory } from './sobol/sobol.js';
import { haltonFactory } from './halton/halton.js';
import { lhsFactory } from './lhs/lhs.js';
import { differentialEvolutionFactory } from './de/differentialEvolution.js';
import { cmaesFactory } from './cmaes/cmaes.js';
import { tpeFactory } from './tpe/tpeFactory.js';
import { gaussianProcessFactory } from './gp/gaussianProcessOptimizer.js';
import { randomForestFactory } from './rf/randomForestOptimizer.js';
import { externalFactories } from './external/index.js';
import { successiveHalvingFactory } from './successiveHalving/successiveHalving.js';
import { hyperbandFactory } from './hyperband/hyperband.js';
import { smacHyperbandFactory } from './hyperband/smacHyperband.js';
import { ashaFactory } from './asha/asha.js';
import { asyncHyperbandFactory } from './hyperband/asyncHyperband.js';
import { bohbFactory } from './bohb/bohb.js';
import { dehbFactory } from './dehb/dehb.js';
import { smacMfFactory } from './smacMf/smacMf.js';
import { nsga2Factory } from './nsga2/nsga2.js';
import { motpeFactory } from './motpe/motpe.js';
import { paregoFactory, rfParegoFactory } from './parego/parego.js';
import { momfParegoFactory } from './momf/momfParego.js';

/** Every shipped optimizer family, by name. Register here and the conformance suite runs it. */
export const optimizerFactories = {
  random: randomSearchFactory,
  sobol: sobolFactory,
  halton: haltonFactory,
  lhs: lhsFactory,
  de: differentialEvolutionFactory,
  cmaes: cmaesFactory,
  tpe: tpeFactory,
  gp: gaussianProcessFactory,
  rf: randomForestFactory,
  // multi-fidelity, multi-objective, multi-fidelity-multi-objective
  sh: successiveHalvingFactory,
  hyperband: hyperbandFactory,
  'smac-hb': smacHyperbandFactory,
  asha: ashaFactory,
  'async-hyperband': asyncHyperbandFactory,
  bohb: bohbFactory,
  dehb: dehbFactory,
  'smac-mf': smacMfFactory,
  nsga2: nsga2Factory,
  motpe: motpeFactory,
  parego: paregoFactory,
  'rf-parego': rfParegoFactory,
  'momf-parego': momfParegoFactory,
  // `external` (any program speaking the ask/tell protocol) and the external:optuna-* adapters
  ...externalFactories,
} satisfies Record<string, OptimizerFactory>;

const extraFactories = new Map<string, OptimizerFactory>();

/** Runtime registration (plugins, external adapters, tests). Throws on a duplicate name. */
export function registerOptimizer(factory: OptimizerFactory): void {
  if (factory.name in optimizerFactories || extraFactories.has(factory.name)) {
    throw new Error(`Optimizer '${factory.name}' is already registered.`);
  }
  extraFactories.set(factory.name, factory);
}

export function allOptimizers(): OptimizerFactory[] {
  return [...Object.values(optimizerFactories), ...extraFactories.values()];
}

export function getOptimizerFactory(name: string): OptimizerFactory {
  const factory = (optimizerFactories as Record<string, OptimizerFactory>)[name] ?? extraFactories.get(name);
  if (!factory) throw new UnknownNameError('optimizer', name, allOptimizers().map((f) => f.name));
  return factory;
}

/** Names of the optimizers that take asks before earlier tells (runs with parallel trials). */
export function pendingCapableOptimizers(): string[] {
  return allOptimizers().filter((f) => f.supportsPending === true).map((f) => f.name);
}

/** Rebuilds an optimizer from (name, options, seed): how workers and other machines create one. */
export function createOptimizer(name: string, view: TaskView, seed: number, options: Options = {}, parallelTrials = 1): Optimizer {
  const factory = getOptimizerFactory(name);
  const type = taskTypeOf(view);
  if (!factory.supports.includes(type)) {
    throw new SpecError(`Optimizer '${name}' does not support ${type} tasks (it supports: ${factory.supports.join(', ')}).`);
  }
  if (parallelTrials > 1 && factory.supportsPending !== true) {
    throw new SpecError(`Optimizer '${name}' cannot run with ${parallelTrials} parallel trials (it needs each trial told before the next ask); optimizers that can: ${pendingCapableOptimizers().join(', ')}.`);
  }
  return factory.create(view, seed, resolveOptions(factory, options));
}
