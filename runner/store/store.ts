import type { TrialBatch } from './trialCodec.js';
import type { ExperimentRecord, NewRun, RunRecord, RunState, TrialRecord } from './types.js';

/** A value, or a promise of it: SQLite answers synchronously (its hot path pays no await), PostgreSQL asynchronously. */
export type Awaitable<T> = T | Promise<T>;

/**
 * Where experiments, runs and trials live: one SQLite file (SqliteStore, the embedded default)
 * or a PostgreSQL database (PostgresStore, for many machines). Everything outside runner/store
 * uses this interface; callers always `await` its answers.
 *
 * The life of a run, as every implementation keeps it:
 * - planned: `addRuns` inserts it 'pending' (unique per experiment, label, task, seed);
 * - claimed: `claimRunWithTrials` moves pending -> running atomically (one winner across
 *   threads, processes and machines) and returns the trials an earlier attempt stored;
 * - trials: written while it runs through `openTrialWriter` (durable per trial, stored in
 *   batches); a batch only ever adds trials past the run's last stored index, so a trial is
 *   never stored twice;
 * - ended: `finishRun` (done / failed) or `interruptRun` (a signal), each storing the writer's
 *   last trials in the same transaction;
 * - resumed: `resetInterruptedRuns` puts runs whose process died or was interrupted back to
 *   pending; the next attempt replays the stored trials through the re-seeded optimizer.
 */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** What opens this store again (in a worker thread or another process): a file path or the full URL. Never print it. */
  readonly location: string;
  /** The location safe to print: the path, or the URL with its password masked. */
  readonly label: string;

  close(): Awaitable<void>;

  /** Creates the experiment, or replaces the spec it was last run with. */
  ensureExperiment(name: string, spec: unknown): Awaitable<void>;
  getExperiment(name: string): Awaitable<ExperimentRecord | undefined>;
  listExperiments(): Awaitable<ExperimentRecord[]>;

  /** Adds runs that do not exist yet (same experiment, label, task, seed); returns how many were new. */
  addRuns(experiment: string, runs: readonly NewRun[]): Awaitable<number>;
  /** Gives a stored run new settings and starts it over: pending, its trials deleted. */
  replanRun(id: number, run: NewRun): Awaitable<void>;
  /** Runs of an experiment in id order. */
  listRuns(experiment: string): Awaitable<RunRecord[]>;
  getRun(id: number): Awaitable<RunRecord>;
  /** Runs left 'running' by a dead process, or 'interrupted', (and 'failed' ones if asked) go back to 'pending'. */
  resetInterruptedRuns(experiment: string, alsoFailed: boolean): Awaitable<number>;
  /**
   * One run left running, interrupted or failed goes back to 'pending' (it resumes from its trials),
   * whatever its lease says: for a queue worker that holds the run's job, so no live process runs it.
   * False when the run is pending already or done.
   */
  reopenRun(id: number): Awaitable<boolean>;
  /**
   * pending -> running with the run's stored trials; undefined when another thread, process or
   * machine took it. Stores with leases (PostgreSQL) also take over a running run whose lease expired.
   */
  claimRunWithTrials(id: number, claim?: ClaimOptions): Awaitable<{ run: RunRecord; trials: TrialRecord[] } | undefined>;
  /** Marks a run finished, storing its last trials in the same transaction. */
  finishRun(id: number, status: 'done' | 'failed', budgetUsed: number, error?: string | null, batches?: readonly TrialBatch[]): Awaitable<void>;
  /** Marks a running run stopped by a signal, storing its last trials in the same transaction; it resumes later. */
  interruptRun(id: number, budgetUsed: number, batches?: readonly TrialBatch[]): Awaitable<void>;

  /** Sets a run's status and bookkeeping as another store recorded them (store copy). */
  setRunState(id: number, state: RunState): Awaitable<void>;

  /** Stores trials; trials of a run at or below its last stored index are skipped. */
  appendTrials(trials: readonly TrialRecord[]): Awaitable<void>;
  /** A run's stored trials in index order. */
  trials(runId: number): Awaitable<TrialRecord[]>;
  /** Drops a run's trials from `index` on (the optimizer diverged from them during a resume); returns how many. */
  deleteTrialsFrom(runId: number, index: number): Awaitable<number>;
  countTrials(experiment: string): Awaitable<number>;
  /** Every run of an experiment with its trials: one item per run, runs in id order, trials in index order. */
  runTrials(experiment: string): AsyncIterable<{ run: RunRecord; trials: TrialRecord[] }>;

  /** Running runs with who holds them and their lease: stores shared between machines (PostgreSQL) have it. */
  leases?(experiment: string): Promise<RunLease[]>;

  /** The writer a claimed run stores its trials through (after importing what a dead attempt left unstored). */
  openTrialWriter(runId: number): Awaitable<TrialWriter>;
  /** Stores what a dead attempt of the run left unstored (e.g. a journal on this machine); returns how many trials. */
  recoverTrials(runId: number): Awaitable<number>;
  /** Forgets a run's unstored trials without storing them (the run is planned anew). */
  discardUnstoredTrials(runId: number): Awaitable<void>;
  /** Trials that unfinished runs hold beyond the stored ones (stored when they resume); reads only. */
  countUnstoredTrials(runIds: readonly number[]): Awaitable<number>;
}

/** A running run's claim: who holds it, its last heartbeat and whether its lease ran out (its worker is gone). */
export interface RunLease {
  readonly runId: number;
  readonly worker: string | null;
  readonly attempts: number;
  readonly heartbeatAt: Date | null;
  readonly leaseUntil: Date | null;
  readonly expired: boolean;
}

/** Who claims a run, for stores shared between machines (PostgreSQL keeps them for status and lease expiry). */
export interface ClaimOptions {
  /** e.g. 'host:pid'. */
  readonly worker?: string;
  /** The claim lapses this long after the last heartbeat; another worker may then take the run over. */
  readonly leaseSeconds?: number;
}

/**
 * How a running run stores its trials: `append` makes a trial durable before the optimizer is
 * told (synchronous: the loop never waits for the database per trial); trials reach the
 * store in batches. `takePending` hands the trials not yet stored to the caller's final
 * transaction (finishRun / interruptRun).
 */
export interface TrialWriter {
  /** Trials recovered from a dead attempt when the writer opened (the caller then re-reads the run's trials). */
  readonly recovered: number;
  append(trial: TrialRecord): void;
  /** Drops the run's trials from `index` on, stored or not, in order with the appends around it. */
  discardFrom(index: number): void;
  /** Waits for writes in flight (failing with their error), then returns the trials not yet stored. */
  takePending(): Awaitable<TrialBatch[]>;
  /** Stores what is left and releases the writer's resources. */
  close(): Awaitable<void>;
}

/** Every trial of an experiment with its run, in (run id, trial index) order: `runTrials` flattened. */
export async function* eachTrial(store: Pick<Store, 'runTrials'>, experiment: string): AsyncGenerator<{ run: RunRecord; trial: TrialRecord }> {
  for await (const { run, trials } of store.runTrials(experiment)) {
    for (const trial of trials) yield { run, trial };
  }
}
