import { SpecError, resolveOptions, taskTypeOf, type TaskType } from '../core/index.js';
import { createTask, listTasks, type TaskContext, type TaskDescriptor } from '../benchmarks/index.js';
import { getOptimizerFactory } from '../optimizers/index.js';
import { checkLabelsUnique, type ExperimentSpec } from './experimentSpec.js';
import { RunPool, type PoolOptions } from './pool.js';
import type { RunOutcome } from './executeRun.js';
import type { NewRun, Store } from './store/index.js';
import { selectTasks } from './taskSelection.js';
import { loadPlugins } from './plugins.js';
import { changedRuns, changedSpecError } from './planChanges.js';
import { checkParallelTrials, checkSimulatedTime } from './parallel/parallelChecks.js';

export interface PlannedExperiment {
  readonly runs: NewRun[];
  /** Optimizer x task pairs left out because the optimizer does not support the task type. */
  readonly unsupported: Array<{ optimizer: string; task: string; type: TaskType }>;
}

/** Expands optimizers x tasks x seeds, checking every name and option up front. */
export async function planExperiment(spec: ExperimentSpec, context: TaskContext = {}): Promise<PlannedExperiment> {
  if (!/^[\w.-]+$/.test(spec.experiment)) throw new SpecError(`Invalid experiment name '${spec.experiment}': use letters, digits, '.', '-' and '_'.`);
  if (spec.optimizers.length === 0) throw new SpecError('No optimizers given: use e.g. --optimizers random (see `hpoarena optimizers`).');
  checkLabelsUnique(spec.optimizers);
  if (spec.nTrials !== undefined && !(Number.isInteger(spec.nTrials) && spec.nTrials > 0)) throw new SpecError(`--n-trials must be a positive integer, got ${spec.nTrials}.`);
  const optimizers = spec.optimizers.map((entry) => {
    const factory = getOptimizerFactory(entry.name);
    const parallelTrials = entry.parallelTrials ?? spec.parallelTrials ?? 1;
    checkParallelTrials(factory, parallelTrials, entry.parallelTrials !== undefined ? `'parallel_trials' of optimizer '${entry.label}'` : '--parallel-trials');
    return { entry, factory, parallelTrials, options: resolveOptions(factory, entry.options) };
  });
  const tasks = await resolveTasks(spec.tasks, context);
  const runs: NewRun[] = [];
  const unsupported: PlannedExperiment['unsupported'] = [];
  for (const { entry, factory, options, parallelTrials } of optimizers) {
    for (const task of tasks) {
      if (!factory.supports.includes(task.type)) {
        unsupported.push({ optimizer: entry.label, task: task.id, type: task.type });
        continue;
      }
      checkSimulatedTime(task, { parallelTrials, timeBudget: spec.timeBudget ?? null });
      for (const seed of spec.seeds) {
        runs.push({
          optimizer: entry.name, optimizerLabel: entry.label, optimizerOptions: options, task: task.id, seed,
          nTrials: spec.nTrials ?? task.nTrials, timeBudget: spec.timeBudget,
          ...(parallelTrials > 1 ? { parallelTrials } : {}),
        });
      }
    }
  }
  if (runs.length === 0) {
    const first = unsupported[0];
    throw new SpecError(`Nothing to run: optimizer '${first.optimizer}' does not support ${first.type} tasks such as '${first.task}'.`);
  }
  return { runs, unsupported };
}

async function resolveTasks(patterns: readonly string[], context: TaskContext): Promise<TaskDescriptor[]> {
  const listed = listTasks(context);
  const known = new Set(listed.map((t) => t.id));
  const literal = patterns.filter((p) => !/[*?]/.test(p) && !known.has(p));
  const extra: TaskDescriptor[] = [];
  // Ids outside the listing (e.g. another BBOB dimension) are accepted when a collection can build them.
  for (const id of literal) {
    const task = await createTask(id, context);
    extra.push({ id, collection: String(task.metadata.collection), type: taskTypeOf(task), simulatedTime: task.simulatedTime?.source, dimension: task.space.dimension, nObjectives: task.objectives.length, nTrials: task.budget.nTrials, available: true });
    await task.close?.();
  }
  return selectTasks(patterns, [...listed, ...extra]);
}

export interface RunExperimentOptions extends PoolOptions {
  /** Also re-run runs that ended 'failed'. */
  readonly retryFailed?: boolean;
  /** Runs stored with other settings (n_trials, options, ...) are planned anew instead of refused; their trials are discarded. */
  readonly replan?: boolean;
  /** Called once the runs to execute are known (for progress display). */
  readonly onStart?: (pendingRuns: number) => void;
}

export interface ExperimentOutcome {
  readonly planned: number;
  readonly added: number;
  readonly alreadyDone: number;
  readonly outcomes: RunOutcome[];
  readonly unsupported: PlannedExperiment['unsupported'];
}

/**
 * Plans the spec into the store and executes what is not finished. Re-running skips done
 * runs; runs interrupted mid-way resume from their stored trials.
 */
export async function runExperiment(store: Store, spec: ExperimentSpec, options: RunExperimentOptions = {}): Promise<ExperimentOutcome> {
  // Workers start loading their modules while this thread plans.
  const pool = options.pool ?? RunPool.start(options);
  try {
    return await planAndExecute(store, spec, { ...options, pool });
  } finally {
    if (!options.pool) await pool.close();
  }
}

async function planAndExecute(store: Store, spec: ExperimentSpec, options: RunExperimentOptions & { pool: RunPool }): Promise<ExperimentOutcome> {
  await loadPlugins(options.plugins ?? []);
  const plan = await planExperiment(spec, { dataDir: options.dataDir });
  const changed = changedRuns(await store.listRuns(spec.experiment), plan.runs);
  if (changed.length && !options.replan) throw changedSpecError(spec.experiment, changed);
  // The plugins go with the experiment: resuming without them can then say which are missing.
  await store.ensureExperiment(spec.experiment, { ...spec, plugins: options.plugins ?? [] });
  for (const { stored, planned } of changed) {
    await store.discardUnstoredTrials(stored.id);
    await store.replanRun(stored.id, planned);
  }
  const added = await store.addRuns(spec.experiment, plan.runs);
  await store.resetInterruptedRuns(spec.experiment, options.retryFailed ?? false);
  const wanted = new Set(plan.runs.map((r) => `${r.optimizerLabel}\u0000${r.task}\u0000${r.seed}`));
  const runs = (await store.listRuns(spec.experiment)).filter((r) => wanted.has(`${r.optimizerLabel}\u0000${r.task}\u0000${r.seed}`));
  const pending = runs.filter((r) => r.status === 'pending').map((r) => r.id);
  const alreadyDone = runs.filter((r) => r.status === 'done').length;
  options.onStart?.(pending.length);
  const outcomes = await options.pool.execute(store, pending, { ...options, trialTimeout: spec.trialTimeout ?? options.trialTimeout });
  return { planned: plan.runs.length, added, alreadyDone, outcomes, unsupported: plan.unsupported };
}
