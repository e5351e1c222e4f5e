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

/** Rebuilds an optimizer from (name, options, seed): how workers and other machines create one. */
export function createOptimizer(name: string, view: TaskView, seed: number, options: Options = {}): Optimizer {
  const factory = getOptimizerFactory(name);
  const type = taskTypeOf(view);
  if (!factory.supports.includes(type)) {
    throw new SpecError(`Optimizer '${name}' does not support ${type} tasks (it supports: ${factory.supports.join(', ')}).`);
  }
  return factory.create(view, seed, resolveOptions(factory, options));
}
