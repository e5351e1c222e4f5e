import Database from 'better-sqlite3';
import { join, resolve } from 'node:path';
import { StoreError } from '../../core/index.js';
import { migrate, SCHEMA_VERSION } from './schema.js';
import { batchesOf, type TrialBatch } from './trialCodec.js';
import { retryBusy } from './busyRetry.js';
import { isDirectory, isReadOnlyError, openForReading, openForWriting, readOnlyStoreError } from './openFile.js';
import type { ExperimentRecord, NewRun, RunRecord, RunState, TrialRecord } from './types.js';
import type { Store } from './store.js';
import { TrialJournal, discardJournal, journaledTrials, recoverJournal } from './trialJournal.js';
import { storedParallelTrials, toRunRecord, unbatch, type RunRow } from './runRows.js';

export interface OpenOptions {
  /** Open without creating or migrating anything (status, export, analysis). */
  readonly readonly?: boolean;
}


/**
 * The embedded store: one SQLite file in WAL mode. Runs write trials through a
 * TrialJournal (durable per trial, imported here in batches). synchronous=NORMAL:
 * durable across process crashes; an OS crash may lose the last trials, never the file.
 */
export class SqliteStore implements Store {
  readonly kind = 'sqlite';
  private readonly db: Database.Database;
  /** Prepared statements by SQL text: preparing costs more than running these small statements. */
  private readonly statements = new Map<string, Database.Statement>();

  private constructor(readonly path: string, db: Database.Database) {
    this.db = db;
  }

  get location(): string {
    return this.path;
  }

  get label(): string {
    return this.path;
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  /**
   * Stores batches, skipping trials at or below their run's last stored index (a journal
   * re-imported after a crash, a retried flush): no trial is ever stored twice. Call inside a
   * write transaction.
   */
  private insertBatches(batches: readonly TrialBatch[]): void {
    // The run's last batch by key (batches never overlap): a seek, where max(first_idx + n) read every batch of the run.
    const stored = this.statement('SELECT first_idx + n AS next FROM trial_batches WHERE run_id = ? ORDER BY first_idx DESC LIMIT 1');
    const insert = this.statement('INSERT INTO trial_batches (run_id, first_idx, n, trials) VALUES (?, ?, ?, ?)');
    for (const batch of batches) {
      const next = (stored.get(batch.runId) as { next: number } | undefined)?.next ?? 0;
      const skip = Math.max(0, next - batch.firstIndex);
      if (skip >= batch.lines.length) continue;
      const lines = skip > 0 ? batch.lines.slice(skip) : batch.lines;
      insert.run(batch.runId, batch.firstIndex + skip, lines.length, `[${lines.join(',')}]`);
    }
  }

  static open(path: string, options: OpenOptions = {}): SqliteStore {
    const file = resolve(path);
    if (isDirectory(file)) {
      throw new StoreError(`Store '${path}' is a directory; --store takes a file path, e.g. '${join(path, 'hpoarena.db')}'.`);
    }
    const db = options.readonly ? openForReading(path, file) : openForWriting(path, file);
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
        // A checkpoint costs two fsyncs whatever it copies: every 16 MB of WAL rather than SQLite's 4 MB
        // (trial batches are ~100 KB each; a 10,000-trial run no longer stops for one mid-run).
        db.pragma('wal_autocheckpoint = 4096');
        // Take the write lock once now: a store we cannot write fails here, with one message, not mid-run.
        db.transaction(() => {}).immediate();
        if (version < SCHEMA_VERSION) migrate(db);
      } else if (version === 0) {
        throw new StoreError(`'${path}' is not an hpoarena store (no schema).`);
      } else if (version < SCHEMA_VERSION) {
        // An older store read by status/export/report: upgraded once (one transaction), then read.
        db.close();
        upgradeForReading(path);
        return SqliteStore.open(path, options);
      }
      db.pragma('busy_timeout = 0');
      return new SqliteStore(path, db);
    } catch (error) {
      db.close();
      if (error instanceof StoreError) throw error;
      if (isReadOnlyError(error)) throw readOnlyStoreError(path);
      throw new StoreError(`Cannot use store '${path}': ${(error as Error).message} (${(error as { code?: string }).code ?? 'no code'})`);
    }
  }

  close(): void {
    this.db.close();
  }

  ensureExperiment(name: string, spec: unknown): void {
    const statement = this.statement(`INSERT INTO experiments (name, created_at, spec) VALUES (?, ?, ?)
                                       ON CONFLICT(name) DO UPDATE SET spec = excluded.spec`);
    retryBusy('saving the experiment', () => statement.run(name, new Date().toISOString(), JSON.stringify(spec)));
  }

  getExperiment(name: string): ExperimentRecord | undefined {
    const row = this.statement('SELECT name, created_at, spec FROM experiments WHERE name = ?').get(name) as
      | { name: string; created_at: string; spec: string }
      | undefined;
    return row && { name: row.name, createdAt: row.created_at, spec: JSON.parse(row.spec) };
  }

  listExperiments(): ExperimentRecord[] {
    const rows = this.statement('SELECT name, created_at, spec FROM experiments ORDER BY created_at').all() as Array<{ name: string; created_at: string; spec: string }>;
    return rows.map((row) => ({ name: row.name, createdAt: row.created_at, spec: JSON.parse(row.spec) }));
  }

  /** Adds runs that do not exist yet (same experiment, label, task, seed); returns how many were new. */
  addRuns(experiment: string, runs: readonly NewRun[]): number {
    const insert = this.statement(`INSERT OR IGNORE INTO runs (experiment, optimizer, optimizer_label, optimizer_options, task, seed, n_trials, time_budget, parallel_trials)
                                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const addAll = this.db.transaction(() => {
      let added = 0;
      for (const run of runs) {
        added += insert.run(experiment, run.optimizer, run.optimizerLabel, JSON.stringify(run.optimizerOptions), run.task, run.seed, run.nTrials, run.timeBudget ?? null, storedParallelTrials(run)).changes;
      }
      return added;
    });
    return retryBusy('adding runs', () => addAll.immediate());
  }

  /** Gives a stored run new settings and starts it over: status pending, its trials deleted (one transaction). */
  replanRun(id: number, run: NewRun): void {
    const removeTrials = this.statement('DELETE FROM trial_batches WHERE run_id = ?');
    const update = this.statement(`UPDATE runs SET optimizer = ?, optimizer_options = ?, n_trials = ?, time_budget = ?, parallel_trials = ?, status = 'pending', error = NULL,
                                     budget_used = 0, started_at = NULL, finished_at = NULL WHERE id = ?`);
    const replan = this.db.transaction(() => {
      removeTrials.run(id);
      update.run(run.optimizer, JSON.stringify(run.optimizerOptions), run.nTrials, run.timeBudget ?? null, storedParallelTrials(run), id);
    });
    retryBusy('replanning a run', () => replan.immediate());
  }

  listRuns(experiment: string): RunRecord[] {
    const rows = retryBusy('reading runs', () => this.statement('SELECT * FROM runs WHERE experiment = ? ORDER BY id').all(experiment)) as RunRow[];
    return rows.map(toRunRecord);
  }

  getRun(id: number): RunRecord {
    const row = retryBusy('reading a run', () => this.statement('SELECT * FROM runs WHERE id = ?').get(id)) as RunRow | undefined;
    if (!row) throw new StoreError(`Run ${id} does not exist in store '${this.path}'.`);
    return toRunRecord(row);
  }

  /** Runs left 'running' by a process that died, or stopped by a signal, go back to 'pending' (they resume from their trials). */
  resetInterruptedRuns(experiment: string, alsoFailed: boolean): number {
    const statuses = alsoFailed ? `('running', 'interrupted', 'failed')` : `('running', 'interrupted')`;
    const statement = this.statement(`UPDATE runs SET status = 'pending', error = NULL WHERE experiment = ? AND status IN ${statuses}`);
    return retryBusy('resetting interrupted runs', () => statement.run(experiment).changes);
  }

  /**
   * One run left 'running', 'interrupted' or 'failed' goes back to 'pending' (it resumes from its
   * trials). For a queue worker that holds the run's lease, so no live process executes it.
   * Returns false when the run is 'pending' already or 'done'.
   */
  reopenRun(id: number): boolean {
    const statement = this.statement(`UPDATE runs SET status = 'pending', error = NULL WHERE id = ? AND status IN ('running', 'interrupted', 'failed')`);
    return retryBusy('reopening a run', () => statement.run(id).changes) > 0;
  }

  /** pending -> running, returning the claimed run; undefined if another process took it. */
  claimRun(id: number): RunRecord | undefined {
    return this.claimRunWithTrials(id)?.run;
  }

  /** claimRun and the run's stored trials (an interrupted attempt's), in one transaction: one lock, not two. */
  claimRunWithTrials(id: number): { run: RunRecord; trials: TrialRecord[] } | undefined {
    const claim = this.statement(`UPDATE runs SET status = 'running', started_at = COALESCE(started_at, ?) WHERE id = ? AND status = 'pending' RETURNING *`);
    const read = this.statement('SELECT trials FROM trial_batches WHERE run_id = ? ORDER BY first_idx');
    const claimAndRead = this.db.transaction(() => {
      const row = claim.get(new Date().toISOString(), id) as RunRow | undefined;
      return row && { row, batches: read.all(id) as Array<{ trials: string }> };
    });
    const claimed = retryBusy('claiming a run', () => claimAndRead.immediate());
    return claimed && { run: toRunRecord(claimed.row), trials: unbatch(claimed.batches) };
  }

  setRunState(id: number, state: RunState): void {
    const statement = this.statement('UPDATE runs SET status = ?, error = ?, budget_used = ?, started_at = ?, finished_at = ? WHERE id = ?');
    retryBusy('setting a run\'s state', () => statement.run(state.status, state.error, state.budgetUsed, state.startedAt, state.finishedAt, id));
  }

  /** Marks a run finished, storing its last trials (journal batches) in the same transaction. */
  finishRun(id: number, status: 'done' | 'failed', budgetUsed: number, error: string | null = null, batches: readonly TrialBatch[] = []): void {
    const statement = this.statement('UPDATE runs SET status = ?, budget_used = ?, error = ?, finished_at = ? WHERE id = ?');
    const finish = this.db.transaction(() => {
      this.insertBatches(batches);
      statement.run(status, budgetUsed, error, new Date().toISOString(), id);
    });
    retryBusy('finishing a run', () => finish.immediate());
  }

  /** Marks a run stopped by a signal, storing its journaled trials in the same transaction; it resumes on the next run. */
  interruptRun(id: number, budgetUsed: number, batches: readonly TrialBatch[] = []): void {
    const statement = this.statement("UPDATE runs SET status = 'interrupted', budget_used = ?, error = NULL WHERE id = ? AND status = 'running'");
    const interrupt = this.db.transaction(() => {
      this.insertBatches(batches);
      statement.run(budgetUsed, id);
    });
    retryBusy('marking a run interrupted', () => interrupt.immediate());
  }

  /** Stores trials in one transaction; trials of a run at or below its last stored index are skipped. */
  appendTrials(trials: readonly TrialRecord[]): void {
    this.appendBatches(batchesOf(trials));
  }

  appendTrial(trial: TrialRecord): void {
    this.appendTrials([trial]);
  }

  /** Stores serialized batches (the journal's) in one transaction, as appendTrials does. */
  appendBatches(batches: readonly TrialBatch[]): void {
    if (batches.length === 0) return;
    const insertAll = this.db.transaction(() => this.insertBatches(batches));
    retryBusy('storing trials', () => insertAll.immediate());
  }

  trials(runId: number): TrialRecord[] {
    const rows = retryBusy('reading trials', () => this.statement('SELECT trials FROM trial_batches WHERE run_id = ? ORDER BY first_idx').all(runId)) as Array<{ trials: string }>;
    return unbatch(rows);
  }

  /** Drops the record from `index` on (the optimizer diverged from it during a resume). */
  deleteTrialsFrom(runId: number, index: number): number {
    const affected = this.statement('SELECT first_idx, n, trials FROM trial_batches WHERE run_id = ? AND first_idx + n > ?');
    const remove = this.statement('DELETE FROM trial_batches WHERE run_id = ? AND first_idx = ?');
    const shorten = this.statement('UPDATE trial_batches SET n = ?, trials = ? WHERE run_id = ? AND first_idx = ?');
    const discard = this.db.transaction(() => {
      let dropped = 0;
      for (const batch of affected.all(runId, index) as Array<{ first_idx: number; n: number; trials: string }>) {
        if (batch.first_idx >= index) {
          remove.run(runId, batch.first_idx);
          dropped += batch.n;
        } else {
          const kept = (JSON.parse(batch.trials) as unknown[]).slice(0, index - batch.first_idx);
          shorten.run(kept.length, JSON.stringify(kept), runId, batch.first_idx);
          dropped += batch.n - kept.length;
        }
      }
      return dropped;
    });
    return retryBusy('discarding trials', () => discard.immediate());
  }

  countTrials(experiment: string): number {
    const row = this.statement('SELECT coalesce(sum(b.n), 0) AS n FROM trial_batches AS b JOIN runs ON runs.id = b.run_id WHERE runs.experiment = ?').get(experiment) as { n: number };
    return row.n;
  }

  /** Every trial of an experiment with its run, in (run id, trial index) order, streamed batch by batch. */
  *iterateTrials(experiment: string): Generator<{ run: RunRecord; trial: TrialRecord }> {
    const runs = new Map(this.listRuns(experiment).map((r) => [r.id, r]));
    // Not cached: an iterating statement is busy until the caller finishes, and callers may nest.
    const statement = this.db.prepare('SELECT b.run_id, b.trials FROM trial_batches AS b JOIN runs ON runs.id = b.run_id WHERE runs.experiment = ? ORDER BY b.run_id, b.first_idx');
    for (const row of statement.iterate(experiment) as Iterable<{ run_id: number; trials: string }>) {
      const run = runs.get(row.run_id)!;
      for (const trial of unbatch([row])) yield { run, trial };
    }
  }

  /**
   * Every run of an experiment with its trials: one item per run (a run without trials comes
   * with none), runs in id order, trials in index order. Reads one run's batches at a time.
   */
  async *runTrials(experiment: string): AsyncGenerator<{ run: RunRecord; trials: TrialRecord[] }> {
    for (const run of this.listRuns(experiment)) yield { run, trials: this.trials(run.id) };
  }

  /** Trials go to a journal file beside the store first (durable per trial), then into SQLite in batches. */
  openTrialWriter(runId: number): TrialJournal {
    return TrialJournal.open(this, runId);
  }

  recoverTrials(runId: number): number {
    return recoverJournal(this, runId);
  }

  discardUnstoredTrials(runId: number): void {
    discardJournal(this, runId);
  }

  countUnstoredTrials(runIds: readonly number[]): number {
    return journaledTrials(this, runIds);
  }
}

/** Upgrades an older store before a reading command reads it; a store nobody may write cannot be. */
function upgradeForReading(path: string): void {
  try {
    SqliteStore.open(path).close();
  } catch (error) {
    if (!(error instanceof StoreError) || !error.message.includes('read-only')) throw error;
    throw new StoreError(`Store '${path}' has an older schema and is read-only here: open it once with write access (e.g. \`hpoarena status\`) to upgrade it.`);
  }
}
