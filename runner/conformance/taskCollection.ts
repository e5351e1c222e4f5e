import { Rng, taskTypeOf, type Task, type TrialInfo, type TrialValue } from '../../core/index.js';
import type { TaskCollection, TaskContext, TaskDescriptor } from '../../benchmarks/index.js';
import { evaluateChecked } from '../evaluateTrial.js';
import { describeThrown } from './checkedOptimizer.js';
import { fail } from './checks.js';

/** Configs evaluated per task: the defaults and random samples. */
const SAMPLES = 3;

/**
 * The contract of a task collection, checked on each listed task whose data is available:
 * the collection owns the id and builds a task that agrees with its descriptor (id, type,
 * dimension, objectives, n_trials), the default config and random samples evaluate through the
 * run loop's checked evaluation to costs of the right shape, and the same (config, fidelity,
 * seed) gives the same cost (objectives the task marks `measured`, such as training time, excepted). Returns the ids checked; throws ConformanceFailure on the first problem.
 */
export async function checkTaskCollection(collection: TaskCollection, context: TaskContext = {}, limit = Infinity): Promise<string[]> {
  const descriptors = collection.list(context);
  if (descriptors.length === 0) fail(`task collection '${collection.name}' lists no tasks`);
  const checked: string[] = [];
  for (const descriptor of descriptors.filter((d) => d.available).slice(0, limit)) {
    if (!collection.owns(descriptor.id)) fail(`task collection '${collection.name}' lists '${descriptor.id}' but does not own it`);
    const task = await collection.create(descriptor.id, context);
    try {
      checkDescriptor(collection.name, descriptor, task);
      await checkEvaluations(task, new Rng(`${collection.name}/${descriptor.id}`));
    } finally {
      await task.close?.();
    }
    checked.push(descriptor.id);
  }
  return checked;
}

function checkDescriptor(collection: string, descriptor: TaskDescriptor, task: Task): void {
  const built = { id: task.id, type: taskTypeOf(task), dimension: task.space.dimension, nObjectives: task.objectives.length, nTrials: task.budget.nTrials };
  for (const [key, value] of Object.entries(built)) {
    const listed = descriptor[key as keyof typeof built];
    if (listed !== value) fail(`task '${descriptor.id}' of collection '${collection}': the listing says ${key} ${JSON.stringify(listed)}, the built task has ${JSON.stringify(value)}`);
  }
  if (descriptor.collection !== collection) fail(`task '${descriptor.id}' is listed under collection '${descriptor.collection}', not '${collection}'`);
}

async function checkEvaluations(task: Task, rng: Rng): Promise<void> {
  const configs = [task.space.defaultConfig(), ...Array.from({ length: SAMPLES }, () => task.space.sample(rng))].filter((c) => !task.space.isForbidden(c));
  for (const [k, config] of configs.entries()) {
    const trial: TrialInfo = { config, fidelity: task.fidelity?.max, seed: 1000 + k };
    const where = `task '${task.id}', config ${JSON.stringify(config)}${trial.fidelity === undefined ? '' : ` at fidelity ${trial.fidelity}`}`;
    const first = await evaluated(task, trial, where);
    const second = await evaluated(task, trial, where);
    if (JSON.stringify(reproducible(task, first.cost)) !== JSON.stringify(reproducible(task, second.cost)) || first.status !== second.status) {
      fail(`${where}: not deterministic: cost ${JSON.stringify(first.cost)} (${first.status}), then ${JSON.stringify(second.cost)} (${second.status})`);
    }
    if (!(first.wallTime >= 0 && first.virtualTime >= 0)) fail(`${where}: wall time ${first.wallTime} and virtual time ${first.virtualTime} must be seconds >= 0`);
  }
}

/** The cost without the objectives a task measures (training time): those vary between evaluations. */
function reproducible(task: Task, cost: TrialValue['cost']): TrialValue['cost'] {
  if (!Array.isArray(cost)) return cost;
  return cost.filter((_, i) => !task.objectives[i]?.measured);
}

async function evaluated(task: Task, trial: TrialInfo, where: string): Promise<TrialValue> {
  try {
    return await evaluateChecked(task, trial);
  } catch (error) {
    fail(`${where}: evaluate threw: ${describeThrown(error)}`);
  }
}
