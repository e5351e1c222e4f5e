import type { TaskType, TaskView } from './task.js';
import type { IncumbentEntry, TrialInfo, TrialValue } from './trial.js';

/**
 * The optimizer contract. The runner calls ask, evaluates, then tell, one trial at a time;
 * an optimizer never evaluates anything itself. Methods may return promises (external
 * optimizers speak over a pipe). Runs with parallel trials (K > 1) ask again before earlier
 * asks are told and tell in order of simulated finish time: only factories that declare
 * `supportsPending` are run that way.
 */
export interface Optimizer {
  ask(): TrialInfo | Promise<TrialInfo>;
  tell(info: TrialInfo, value: TrialValue): void | Promise<void>;
  /** Best config so far (single objective), or the non-dominated set (multi-objective). */
  incumbent(): readonly IncumbentEntry[];
  close?(): void | Promise<void>;
}

export type OptionValue = string | number | boolean | null | readonly OptionValue[] | { readonly [key: string]: OptionValue };
export type Options = Readonly<Record<string, OptionValue>>;

/** One documented option of an optimizer. 'json' takes any JSON value (lists, mappings), checked by `check`. */
export interface OptionSpec {
  readonly type: 'number' | 'integer' | 'boolean' | 'string' | 'json';
  readonly default: OptionValue;
  readonly description: string;
  readonly min?: number;
  readonly max?: number;
  readonly choices?: readonly string[];
  /** Extra check of a non-null value: what is wrong with it ("must be a list of strings"), or undefined when it is fine. */
  readonly check?: (value: OptionValue) => string | undefined;
}

/** A registered optimizer family: everything a worker needs to rebuild it from (name, options, seed). */
export interface OptimizerFactory {
  readonly name: string;
  readonly description: string;
  readonly supports: readonly TaskType[];
  readonly options: Readonly<Record<string, OptionSpec>>;
  /**
   * True when the optimizer may be asked again before earlier asks are told, and told in any
   * order (asynchronous parallel runs, --parallel-trials K > 1). Absent: one trial at a time.
   */
  readonly supportsPending?: boolean;
  create(view: TaskView, seed: number, options: Options): Optimizer;
}
