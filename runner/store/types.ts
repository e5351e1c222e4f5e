import type { Config, Options, TrialStatus } from '../../core/index.js';

/** 'interrupted': stopped by a signal (Ctrl-C); it resumes from its trials like a 'running' run whose process died. */
export type RunStatus = 'pending' | 'running' | 'done' | 'failed' | 'interrupted';

export interface ExperimentRecord {
  readonly name: string;
  readonly createdAt: string;
  /** The spec the experiment was last run with (JSON). */
  readonly spec: unknown;
}

/** What identifies a run inside an experiment. */
export interface RunKey {
  readonly optimizer: string;
  readonly optimizerOptions: Options;
  /** Label of the optimizer entry (its name, or the name given in a spec when options differ). */
  readonly optimizerLabel: string;
  readonly task: string;
  readonly seed: number;
}

export interface RunRecord extends RunKey {
  readonly id: number;
  readonly experiment: string;
  readonly status: RunStatus;
  readonly error: string | null;
  readonly nTrials: number;
  /** Optional time budget in seconds (wall + virtual; simulated time when parallelTrials > 1). */
  readonly timeBudget: number | null;
  /** Trials in flight at once on the run's simulated clock (1: one at a time). */
  readonly parallelTrials: number;
  readonly budgetUsed: number;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
}

export interface TrialRecord {
  readonly runId: number;
  /** 0-based position of the trial in its run. */
  readonly index: number;
  readonly config: Config;
  readonly fidelity: number | null;
  /** Minimized cost; number[] for multi-objective tasks. Non-finite costs are stored as null. */
  readonly cost: number | number[] | null;
  readonly status: TrialStatus;
  readonly wallTime: number;
  readonly virtualTime: number;
  /** Cumulative budget used after this trial (in n_trials units). */
  readonly budgetUsed: number;
  readonly info: Record<string, unknown> | null;
  /**
   * Runs with parallel_trials > 1 only: the trial's start and end on the run's simulated clock
   * (seconds) and its worker slot 0..K-1. Absent otherwise, so K = 1 records serialize as before.
   */
  readonly simStart?: number;
  readonly simEnd?: number;
  readonly slot?: number;
  /**
   * The seed the task got for this trial, stored only when it is not trialSeed(run seed, index):
   * with parallel trials (seeds follow ask order, records tell order), on tasks seeded per
   * configuration, or when the optimizer chose it. Read it with seedOfTrial().
   */
  readonly seed?: number;
}

/** A run's status and bookkeeping, as `store copy` carries them from one store to another. */
export type RunState = Pick<RunRecord, 'status' | 'error' | 'budgetUsed' | 'startedAt' | 'finishedAt'>;

/** A run to add to an experiment. */
export interface NewRun extends RunKey {
  readonly nTrials: number;
  readonly timeBudget?: number;
  /** Trials in flight at once (absent: 1). */
  readonly parallelTrials?: number;
}
