import { viewOf, type Task } from '../../core/index.js';
import { createTask, listTasks, type TaskContext } from '../../benchmarks/index.js';
import { createOptimizer } from '../../optimizers/registry.js';
import { runLoop } from '../../runner/runLoop.js';
import { selectTasks } from '../../runner/taskSelection.js';
import { median } from '../figure.js';

/** The bracket methods issue 6 holds to random search's final incumbent at half the budget. */
export const MF_METHODS = ['hyperband', 'bohb', 'dehb'] as const;
export type MfMethod = (typeof MF_METHODS)[number];

/** Random search's seeds behind each task's target by default (random search is cheap, so the target hardly moves). */
const RANDOM_SEEDS = 101;
/** The methods' seeds start here, apart from random search's. */
const METHOD_SEED_BASE = 10_001;

export interface MfTaskResult {
  readonly task: string;
  /** Median over random search's seeds of its final best cost at full fidelity. */
  readonly target: number;
  /** Per method and seed: share of the budget used when the best full-fidelity cost first reaches the target (Infinity: never). */
  readonly shares: Readonly<Record<MfMethod, number[]>>;
}

export interface MfStudy {
  readonly seeds: number;
  readonly tasks: readonly MfTaskResult[];
}

/** (budget used, best full-fidelity cost so far) after every trial of one run through the runner's loop. */
export async function fullFidelityTrajectory(name: string, task: Task, seed: number): Promise<Array<[number, number]>> {
  const optimizer = createOptimizer(name, viewOf(task), seed);
  const max = task.fidelity!.max;
  const curve: Array<[number, number]> = [];
  let best = Infinity;
  await runLoop({
    runId: 1,
    task,
    optimizer,
    seed,
    nTrials: task.budget.nTrials,
    recorded: [],
    persist: () => {},
    discardFrom: () => {},
    onTrial: (r) => {
      // Low fidelities are biased on purpose (MF-Hartmann): only full-fidelity costs count as incumbents.
      if ((r.fidelity ?? max) >= max && typeof r.cost === 'number' && r.cost < best) best = r.cost;
      curve.push([r.budgetUsed, best]);
    },
  });
  return curve;
}

async function studyTask(task: Task, seeds: number, randomSeeds: number): Promise<MfTaskResult> {
  const finals: number[] = [];
  for (let seed = 1; seed <= randomSeeds; seed++) finals.push((await fullFidelityTrajectory('random', task, seed)).at(-1)![1]);
  const target = median(finals);
  const shares = {} as Record<MfMethod, number[]>;
  for (const method of MF_METHODS) {
    shares[method] = [];
    for (let seed = METHOD_SEED_BASE; seed < METHOD_SEED_BASE + seeds; seed++) {
      const hit = (await fullFidelityTrajectory(method, task, seed)).find(([, best]) => best <= target);
      shares[method].push(hit ? hit[0] / task.budget.nTrials : Infinity);
    }
  }
  return { task: task.id, target, shares };
}

/**
 * Issue 6's multi-fidelity check: for each task, random search's final full-fidelity incumbent
 * (median over its seeds) is the target, and each bracket method's runs record the share of the
 * budget (a trial at fidelity z costs z / max) they need to reach it. Runs go through the
 * runner's own loop, one after another in this thread.
 */
export async function mfVsRandom(options: { tasks: readonly string[]; seeds: number; randomSeeds?: number; context?: TaskContext }): Promise<MfStudy> {
  const ids = selectTasks(options.tasks, listTasks(options.context)).filter((t) => t.type === 'multi-fidelity').map((t) => t.id);
  const tasks: MfTaskResult[] = [];
  for (const id of ids) tasks.push(await studyTask(await createTask(id, options.context), options.seeds, options.randomSeeds ?? RANDOM_SEEDS));
  return { seeds: options.seeds, tasks };
}

/** Median share over every (task, seed) run of `method` among `tasks`. */
export function pooledMedianShare(tasks: readonly MfTaskResult[], method: MfMethod): number {
  return median(tasks.flatMap((t) => t.shares[method]));
}

const share = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : 'never');

/** One line per method (pooled median, tasks whose own median is within half the budget), then one per task. */
export function describeMfStudy(tasks: readonly MfTaskResult[], perTask = true): string {
  const pooled = MF_METHODS.map((m) => {
    const within = tasks.filter((t) => median(t.shares[m]) <= 0.5).length;
    return `${m} ${share(pooledMedianShare(tasks, m))} (${within}/${tasks.length} tasks <= 0.5)`;
  });
  const lines = [`pooled median share of budget to reach random's final incumbent: ${pooled.join(', ')}`];
  if (perTask) {
    for (const t of tasks) lines.push(`  ${t.task} target ${t.target.toPrecision(5)}: ${MF_METHODS.map((m) => `${m} ${share(median(t.shares[m]))}`).join(', ')}`);
  }
  return lines.join('\n');
}
