import type { Config } from './space/types.js';

/** What an optimizer proposes and a task evaluates. Read-only. */
export interface TrialInfo {
  readonly config: Config;
  /** Fidelity value (e.g. epochs) for multi-fidelity tasks; absent means max fidelity. */
  readonly fidelity?: number;
  /** Seed for the task's own randomness (noise), set by the runner from the run seed. */
  readonly seed?: number;
  /** Instance identifier, for tasks that have several. */
  readonly instance?: string;
}

export type TrialStatus = 'ok' | 'crashed' | 'timeout' | 'memoryout';

/** The outcome of one evaluation. `cost` is always to be minimized (maximized metrics are negated). */
export interface TrialValue {
  readonly cost: number | readonly number[];
  readonly status: TrialStatus;
  /** Seconds of wall time the evaluation took on this machine. */
  readonly wallTime: number;
  /** Seconds the real evaluation would take (surrogates report it); 0 for synthetic tasks. */
  readonly virtualTime: number;
  readonly info?: Readonly<Record<string, unknown>>;
}

/** One member of an incumbent: the best config (single objective) or one Pareto-optimal config. */
export interface IncumbentEntry {
  readonly config: Config;
  readonly fidelity?: number;
  readonly cost: number | readonly number[];
}
