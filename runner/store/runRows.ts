import type { Options } from '../../core/index.js';
import type { NewRun, RunRecord, RunStatus, TrialRecord } from './types.js';

/** A row of the `runs` table, as both stores (SQLite and PostgreSQL) define it. */
export interface RunRow {
  id: number; experiment: string; optimizer: string; optimizer_label: string; optimizer_options: string;
  task: string; seed: number; n_trials: number; time_budget: number | null; parallel_trials: number | null; status: RunStatus;
  error: string | null; budget_used: number; started_at: string | null; finished_at: string | null;
}

export function toRunRecord(row: RunRow): RunRecord {
  return {
    id: row.id, experiment: row.experiment, optimizer: row.optimizer, optimizerLabel: row.optimizer_label,
    optimizerOptions: JSON.parse(row.optimizer_options) as Options, task: row.task, seed: row.seed,
    status: row.status, error: row.error, nTrials: row.n_trials, timeBudget: row.time_budget, parallelTrials: row.parallel_trials ?? 1,
    budgetUsed: row.budget_used, startedAt: row.started_at, finishedAt: row.finished_at,
  };
}

/** NULL for one trial at a time: sequential runs are stored as before parallel trials existed. */
export function storedParallelTrials(run: NewRun): number | null {
  return run.parallelTrials !== undefined && run.parallelTrials > 1 ? run.parallelTrials : null;
}

/** The trials of `trial_batches` rows, in row order (each row a JSON array of journal lines). */
export function unbatch(rows: ReadonlyArray<{ trials: string }>): TrialRecord[] {
  return rows.flatMap((row) => JSON.parse(row.trials) as TrialRecord[]);
}
