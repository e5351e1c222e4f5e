import type { SearchSpace } from './space/searchSpace.js';
import type { TrialInfo, TrialValue } from './trial.js';

export type TaskType = 'blackbox' | 'multi-fidelity' | 'multi-objective' | 'multi-fidelity-multi-objective';
export const TASK_TYPES: readonly TaskType[] = ['blackbox', 'multi-fidelity', 'multi-objective', 'multi-fidelity-multi-objective'];

export interface Objective {
  readonly name: string;
  /** Direction of the underlying metric; the task's cost is already sign-flipped for 'maximize'. */
  readonly direction: 'minimize' | 'maximize';
  /**
   * A quantity measured while evaluating (e.g. training seconds): it varies between two
   * evaluations of the same trial, so determinism checks leave it out.
   */
  readonly measured?: boolean;
}

export interface Fidelity {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
}

export interface Budget {
  /** CARP-S n_trials; a trial at fidelity b counts b / fidelity.max. */
  readonly nTrials: number;
  /** Optional time budget in seconds: wall time plus virtual time. */
  readonly seconds?: number;
}

export interface TaskMetadata {
  readonly collection: string;
  readonly kind: 'synthetic' | 'surrogate' | 'real';
  /** Known optimum (minimized cost), where the task carries one: lets analysis compute regret. */
  readonly optimum?: number | readonly number[];
  readonly [key: string]: unknown;
}

/**
 * Where a trial's duration on the simulated clock of a run with parallel trials comes from:
 * 'virtual': the value's virtualTime (a surrogate's runtime prediction, a synthetic cost model
 * that reports one); 'measured': the evaluation's wall time (real training);
 * 'cost-model': `secondsAtMaxFidelity` x fidelity / max fidelity (synthetic functions).
 */
export type SimulatedTime =
  | { readonly source: 'virtual' }
  | { readonly source: 'measured' }
  | { readonly source: 'cost-model'; readonly secondsAtMaxFidelity: number };

/** A benchmark problem. `evaluate` is pure with respect to (config, fidelity, seed). */
export interface Task {
  readonly id: string;
  readonly space: SearchSpace;
  readonly objectives: readonly Objective[];
  readonly fidelity?: Fidelity;
  readonly budget: Budget;
  readonly metadata: TaskMetadata;
  /**
   * How the runner seeds trials: 'per-trial' (default) gives every trial its own seed; 'per-config'
   * gives every trial of one configuration in a run the same seed, so a task that checkpoints
   * training can continue a configuration promoted to a higher fidelity instead of starting over.
   */
  readonly trialSeeding?: 'per-trial' | 'per-config';
  /** How long a trial takes on the simulated clock of a run with parallel trials; absent: one second per trial at max fidelity, and no time budget on that clock. */
  readonly simulatedTime?: SimulatedTime;
  evaluate(trial: TrialInfo): TrialValue | Promise<TrialValue>;
  /**
   * Optional: many trials at once (surrogates answer a batch in one model call), for
   * optimizers or analysis that ask for many configs. Results in input order, each equal to
   * what `evaluate` returns for that trial up to float rounding of the model's batched kernels
   * (wall time is the batch's, shared out).
   */
  evaluateBatch?(trials: readonly TrialInfo[]): Promise<TrialValue[]>;
  /** Release resources (surrogate sessions, child processes). */
  close?(): void | Promise<void>;
}

/** What an optimizer may see of a task: never the task itself. */
export interface TaskView {
  readonly space: SearchSpace;
  readonly objectives: readonly Objective[];
  readonly fidelity?: Fidelity;
  readonly budget: Budget;
  readonly type: TaskType;
  /** Trials the run keeps in flight at once; absent: one at a time. */
  readonly parallelTrials?: number;
}

export function taskTypeOf(task: { objectives: readonly Objective[]; fidelity?: Fidelity }): TaskType {
  const multiObjective = task.objectives.length > 1;
  if (task.fidelity) return multiObjective ? 'multi-fidelity-multi-objective' : 'multi-fidelity';
  return multiObjective ? 'multi-objective' : 'blackbox';
}

export function viewOf(task: Task): TaskView {
  return { space: task.space, objectives: task.objectives, fidelity: task.fidelity, budget: task.budget, type: taskTypeOf(task) };
}

/** CARP-S's default budget for a search space of `dimension` hyperparameters. */
export function defaultNTrials(dimension: number): number {
  return Math.ceil(20 + 40 * Math.sqrt(dimension));
}
