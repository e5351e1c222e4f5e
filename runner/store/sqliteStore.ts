import Database from 'better-sqlite3';
import { mkdirSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { StoreError, type Config, type Options, type TrialStatus } from '../../core/index.js';
import { SCHEMA_SQL, SCHEMA_VERSION } from './schema.js';
import { retryBusy } from './busyRetry.js';
import type { ExperimentRecord, NewRun, RunRecord, RunStatus, TrialRecord } from './types.js';

export interface OpenOptions {
  /** Open without creating or migrating anything (status, export, analysis). */
  readonly readonly?: boolean;
}

interface RunRow {
  id: number; experiment: string; optimizer: string; optimizer_label: string; optimizer_options: string;
  task: string; seed: number; n_trials: number; time_budget: number | null; status: RunStatus;
  error: string | null; budget_used: number; started_at: string | null; finished_at: string | null;
}

interface TrialRow {
  run_id: number; idx: number; config: string; fidelity: number | null; cost: string | null; status: TrialStatus;
  wall_time: number; virtual_time: number; budget_used: number; info: string | null;
}

/**
 * The embedded store: one SQLite file in WAL mode. Runs write trials through a
 * TrialJournal (durable per trial, imported here in batches). synchronous=NORMAL:
 * durable across process crashes; an OS crash may lose the last trials, never the file.
 */
export class SqliteStore {
  private readonly db: Database.Database;
  private readonly insertTrial: Database.Statement;
  private readonly insertTrialIfNew: Database.Statement;

  private constructor(readonly path: string, db: Database.Database) {
    this.db = db;
    const insert = (verb: string) =>
      db.readonly
        ? (undefined as unknown as Database.Statement)
        : db.prepare(`${verb} INTO trials (run_id, idx, config, fidelity, cost, status, wall_time, virtual_time, budget_used, info)
                      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.insertTrial = insert('INSERT');
    this.insertTrialIfNew = insert('INSERT OR IGNORE');
  }

  static open(path: string, options: OpenOptions = {}): SqliteStore {
    const file = resolve(path);
    let db: Database.Database;
    try {
      if (options.readonly) {
        if (!existsSync(file)) throw new StoreError(`No store at '${path}'. Run an experiment first, or pass --store PATH.`);
        db = new Database(file, { readonly: true, fileMustExist: true });
      } else {
        mkdirSync(dirname(file), { recursive: true });
        db = new Database(file);
      }
    } catch (error) {
      if (error instanceof StoreError) throw error;
      throw new StoreError(`Cannot open store '${path}': ${(error as Error).message}. Pass --store with a writable file path.`);
    }
    try {
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version > SCHEMA_VERSION) {
        throw new StoreError(`Store '${path}' was written by a newer hpoarena (schema ${version}; this version reads up to ${SCHEMA_VERSION}). Upgrade hpoarena; the store was not modified.`);
      }
      // Opening (schema, WAL switch) may wait on another opener; afterwards retryBusy handles locks.
      db.pragma('busy_timeout = 10000');
      if (!options.readonly) {
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
        if (version < SCHEMA_VERSION) {
          db.transaction(() => {
            db.exec(SCHEMA_SQL);
            db.pragma(`user_version = ${SCHEMA_VERSION}`);
          })();
        }
      } else if (version === 0) {
        throw new StoreError(`'${path}' is not an hpoarena store (no schema).`);
      }
      db.pragma('busy_timeout = 0');
      return new SqliteStore(path, db);
    } catch (error) {
      db.close();
      if (error instanceof StoreError) throw error;
      throw new StoreError(`Cannot use store '${path}': ${(error as Error).message} (${(error as { code?: string }).code ?? 'no code'})`);
    }
  }

  close(): void {
    this.db.close();
  }

  ensureExperiment(name: string, spec: unknown): void {
    const statement = this.db.prepare(`INSERT INTO experiments (name, created_at, spec) VALUES (?, ?, ?)
                                       ON CONFLICT(name) DO UPDATE SET spec = excluded.spec`);
    retryBusy('saving the experiment', () => statement.run(name, new Date().toISOString(), JSON.stringify(spec)));
  }

  getExperiment(name: string): ExperimentRecord | undefined {
    const row = this.db.prepare('SELECT name, created_at, spec FROM experiments WHERE name = ?').get(name) as
      | { name: string; created_at: string; spec: string }
      | undefined;
    return row && { name: row.name, createdAt: row.created_at, spec: JSON.parse(row.spec) };
  }

  listExperiments(): ExperimentRecord[] {
    const rows = this.db.prepare('SELECT name, created_at, spec FROM experiments ORDER BY created_at').all() as Array<{ name: string; created_at: string; spec: string }>;
    return rows.map((row) => ({ name: row.name, createdAt: row.created_at, spec: JSON.parse(row.spec) }));
  }

  /** Adds runs that do not exist yet (same experiment, label, task, seed); returns how many were new. */
  addRuns(experiment: string, runs: readonly NewRun[]): number {
    const insert = this.db.prepare(`INSERT OR IGNORE INTO runs (experiment, optimizer, optimizer_label, optimizer_options, task, seed, n_trials, time_budget)
                                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    const addAll = this.db.transaction(() => {
      let added = 0;
      for (const run of runs) {
        added += insert.run(experiment, run.optimizer, run.optimizerLabel, JSON.stringify(run.optimizerOptions), run.task, run.seed, run.nTrials, run.timeBudget ?? null).changes;
      }
      return added;
    });
    return retryBusy('adding runs', () => addAll.immediate());
  }

  listRuns(experiment: string): RunRecord[] {
    const rows = retryBusy('reading runs', () => this.db.prepare('SELECT * FROM runs WHERE experiment = ? ORDER BY id').all(experiment)) as RunRow[];
    return rows.map(toRunRecord);
  }

  getRun(id: number): RunRecord {
    const row = retryBusy('reading a run', () => this.db.prepare('SELECT * FROM runs WHERE id = ?').get(id)) as RunRow | undefined;
    if (!row) throw new StoreError(`Run ${id} does not exist in store '${this.path}'.`);
    return toRunRecord(row);
  }

  /** Runs left 'running' by a process that died go back to 'pending' (they resume from their trials). */
  resetInterruptedRuns(experiment: string, alsoFailed: boolean): number {
    const statuses = alsoFailed ? `('running', 'failed')` : `('running')`;
    const statement = this.db.prepare(`UPDATE runs SET status = 'pending', error = NULL WHERE experiment = ? AND status IN ${statuses}`);
    return retryBusy('resetting interrupted runs', () => statement.run(experiment).changes);
  }

  /** pending -> running; false if another process took it. */
  claimRun(id: number): boolean {
    const statement = this.db.prepare(`UPDATE runs SET status = 'running', started_at = COALESCE(started_at, ?) WHERE id = ? AND status = 'pending'`);
    return retryBusy('claiming a run', () => statement.run(new Date().toISOString(), id).changes === 1);
  }

  /** Marks a run finished, storing its last `trials` in the same transaction. */
  finishRun(id: number, status: 'done' | 'failed', budgetUsed: number, error: string | null = null, trials: readonly TrialRecord[] = []): void {
    const rows = trials.map(trialRow);
    const statement = this.db.prepare('UPDATE runs SET status = ?, budget_used = ?, error = ?, finished_at = ? WHERE id = ?');
    const finish = this.db.transaction(() => {
      for (const row of rows) this.insertTrialIfNew.run(row);
      statement.run(status, budgetUsed, error, new Date().toISOString(), id);
    });
    retryBusy('finishing a run', () => finish.immediate());
  }

  appendTrial(trial: TrialRecord): void {
    const row = trialRow(trial);
    retryBusy('storing a trial', () => this.insertTrial.run(row));
  }

  /** Several trials in one transaction; trials already stored (same run and index) are kept as they are. */
  appendTrials(trials: readonly TrialRecord[]): void {
    // Serialized before the transaction: the write lock is held only for the inserts themselves.
    const rows = trials.map(trialRow);
    const insertAll = this.db.transaction(() => {
      for (const row of rows) this.insertTrialIfNew.run(row);
    });
    retryBusy('storing trials', () => insertAll.immediate());
  }

  trials(runId: number): TrialRecord[] {
    const rows = retryBusy('reading trials', () => this.db.prepare('SELECT * FROM trials WHERE run_id = ? ORDER BY idx').all(runId)) as TrialRow[];
    return rows.map(toTrialRecord);
  }

  /** Drops the record from `index` on (the optimizer diverged from it during a resume). */
  deleteTrialsFrom(runId: number, index: number): number {
    const statement = this.db.prepare('DELETE FROM trials WHERE run_id = ? AND idx >= ?');
    return retryBusy('discarding trials', () => statement.run(runId, index).changes);
  }

  countTrials(experiment: string): number {
    const row = this.db.prepare('SELECT count(*) AS n FROM trials JOIN runs ON runs.id = trials.run_id WHERE runs.experiment = ?').get(experiment) as { n: number };
    return row.n;
  }

  /** Every trial of an experiment with its run, in (run id, trial index) order, streamed. */
  *iterateTrials(experiment: string): Generator<{ run: RunRecord; trial: TrialRecord }> {
    const runs = new Map(this.listRuns(experiment).map((r) => [r.id, r]));
    const statement = this.db.prepare('SELECT trials.* FROM trials JOIN runs ON runs.id = trials.run_id WHERE runs.experiment = ? ORDER BY trials.run_id, trials.idx');
    for (const row of statement.iterate(experiment) as Iterable<TrialRow>) {
      yield { run: runs.get(row.run_id)!, trial: toTrialRecord(row) };
    }
  }
}

function trialRow(trial: TrialRecord): unknown[] {
  return [
    trial.runId, trial.index, JSON.stringify(trial.config), trial.fidelity, encodeCost(trial.cost), trial.status,
    trial.wallTime, trial.virtualTime, trial.budgetUsed, trial.info === null ? null : JSON.stringify(trial.info),
  ];
}

function encodeCost(cost: number | readonly number[] | null): string | null {
  if (cost === null) return null;
  if (typeof cost === 'number') return Number.isFinite(cost) ? String(cost) : null;
  return cost.every(Number.isFinite) ? JSON.stringify(cost) : null;
}

function toRunRecord(row: RunRow): RunRecord {
  return {
    id: row.id, experiment: row.experiment, optimizer: row.optimizer, optimizerLabel: row.optimizer_label,
    optimizerOptions: JSON.parse(row.optimizer_options) as Options, task: row.task, seed: row.seed,
    status: row.status, error: row.error, nTrials: row.n_trials, timeBudget: row.time_budget,
    budgetUsed: row.budget_used, startedAt: row.started_at, finishedAt: row.finished_at,
  };
}

function toTrialRecord(row: TrialRow): TrialRecord {
  return {
    runId: row.run_id, index: row.idx, config: JSON.parse(row.config) as Config, fidelity: row.fidelity,
    cost: row.cost === null ? null : (JSON.parse(row.cost) as number | number[]), status: row.status,
    wallTime: row.wall_time, virtualTime: row.virtual_time, budgetUsed: row.budget_used,
    info: row.info === null ? null : (JSON.parse(row.info) as Record<string, unknown>),
  };
}
