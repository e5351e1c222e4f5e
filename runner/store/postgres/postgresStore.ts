import { hostname } from 'node:os';
import pg from 'pg';
import { StoreError } from '../../../core/index.js';
import type { ClaimOptions, RunLease, Store } from '../store.js';
import { batchesOf, type TrialBatch } from '../trialCodec.js';
import type { ExperimentRecord, NewRun, RunRecord, RunState, TrialRecord } from '../types.js';
import { maskCredentials } from './maskCredentials.js';
import { retryConnection, storeErrorOf } from './pgErrors.js';
import { migrate, newerSchemaError, PG_SCHEMA_VERSION, schemaVersion } from './pgSchema.js';
import { PgTrialWriter } from './pgTrialWriter.js';
import { storedParallelTrials, toRunRecord, unbatch, type RunRow as StoredRunRow } from '../runRows.js';

interface RunRow extends StoredRunRow {
  attempts: number; worker: string | null; heartbeat_at: Date | null; lease_until: Date | null;
}

export interface PostgresOpenOptions {
  /** Open without creating the schema (status, export, report): a database without one is refused. */
  readonly readonly?: boolean;
  /**
   * Retry connecting while the server is away, as operations do (a worker opening a store the
   * experiment already uses). Off for a user's command: a wrong URL is reported at once.
   */
  readonly waitForServer?: boolean;
}


/** Default lease of a claimed run; heartbeats renew it every third of it. */
export const DEFAULT_LEASE_SECONDS = 60;

/** How long an operation waits for a lost server to come back (a restart), from $HPOARENA_PG_RETRY_SECONDS. */
function retryDeadlineMs(): number {
  const seconds = Number(process.env.HPOARENA_PG_RETRY_SECONDS ?? 120);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 120_000;
}

/**
 * The store on PostgreSQL, for many machines. Same records and the same trial lines as the
 * SQLite store (exports are byte-identical), written through a connection pool. Runs are
 * claimed with an atomic `UPDATE ... WHERE status = 'pending'` (one winner across machines),
 * with a lease that heartbeats renew; `resetInterruptedRuns` and `claimNextRun` take over a
 * running run only once its lease has expired. Operations retry while the server is away
 * (restart) for up to $HPOARENA_PG_RETRY_SECONDS (default 120 s).
 */
export class PostgresStore implements Store {
  readonly kind = 'postgres';
  /** Leases of the runs this store instance claimed, for their writers' heartbeats. */
  private readonly claims = new Map<number, Required<ClaimOptions>>();
  private readonly retryMs = retryDeadlineMs();

  private constructor(readonly location: string, readonly label: string, private readonly pool: pg.Pool, private readonly password: string | undefined) {}

  static async open(url: string, options: PostgresOpenOptions = {}): Promise<PostgresStore> {
    const label = maskCredentials(url);
    const password = passwordOf(url) ?? process.env.PGPASSWORD;
    // Two connections: every caller (the main thread, each worker thread) awaits one statement at a time; the second serves a progress poll.
    const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 15_000, idleTimeoutMillis: 10_000 });
    pool.on('error', () => {}); // an idle connection lost (server restart): the next query opens a new one
    try {
      const client = options.waitForServer ? await retryConnection(() => pool.connect(), retryDeadlineMs()) : await pool.connect();
      client.on('error', () => {}); // a connection lost here fails the statement under way, which reports it
      try {
        const version = await schemaVersion(client);
        if (version > PG_SCHEMA_VERSION) throw newerSchemaError(label, version);
        if (version === 0 && options.readonly) {
          throw new StoreError(`No hpoarena store in '${label}' yet (the database has no hpoarena schema). Run an experiment into it first (hpoarena run --store URL).`);
        }
        if (version < PG_SCHEMA_VERSION) await migrate(client, label);
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end().catch(() => {});
      throw storeErrorOf(error, label, password);
    }
    return new PostgresStore(url, label, pool, password);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** One statement, retried while the server is away; errors become one masked StoreError. */
  private async query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<pg.QueryResult<R>> {
    try {
      return await retryConnection(() => this.pool.query<R>(sql, params), this.retryMs);
    } catch (error) {
      throw storeErrorOf(error, this.label, this.password);
    }
  }

  /** `body` in one transaction on one connection, the whole transaction retried while the server is away. */
  private async transaction<T>(body: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    try {
      return await retryConnection(async () => {
        const client = await this.pool.connect();
        let broken: Error | undefined;
        // A checked-out connection that dies between statements emits 'error': the next statement fails and is retried.
        const lost = (error: Error) => (broken ??= error);
        client.on('error', lost);
        try {
          await client.query('BEGIN');
          const result = await body(client);
          await client.query('COMMIT');
          return result;
        } catch (error) {
          broken = error as Error;
          await client.query('ROLLBACK').catch(() => {});
          throw error;
        } finally {
          client.removeListener('error', lost);
          client.release(broken); // a connection that failed is dropped, not reused
        }
      }, this.retryMs);
    } catch (error) {
      throw storeErrorOf(error, this.label, this.password);
    }
  }

  async ensureExperiment(name: string, spec: unknown): Promise<void> {
    await this.query(`INSERT INTO experiments (name, created_at, spec) VALUES ($1, $2, $3)
                      ON CONFLICT (name) DO UPDATE SET spec = excluded.spec`, [name, new Date().toISOString(), JSON.stringify(spec)]);
  }

  async getExperiment(name: string): Promise<ExperimentRecord | undefined> {
    const { rows } = await this.query<{ name: string; created_at: string; spec: string }>('SELECT name, created_at, spec FROM experiments WHERE name = $1', [name]);
    return rows[0] && { name: rows[0].name, createdAt: rows[0].created_at, spec: JSON.parse(rows[0].spec) };
  }

  async listExperiments(): Promise<ExperimentRecord[]> {
    const { rows } = await this.query<{ name: string; created_at: string; spec: string }>('SELECT name, created_at, spec FROM experiments ORDER BY created_at, name');
    return rows.map((row) => ({ name: row.name, createdAt: row.created_at, spec: JSON.parse(row.spec) }));
  }

  /** One statement for all runs; ids follow the order of `runs` (ORDER BY ordinality), as SQLite's do. */
  async addRuns(experiment: string, runs: readonly NewRun[]): Promise<number> {
    if (runs.length === 0) return 0;
    const column = <T>(pick: (run: NewRun) => T) => runs.map(pick);
    const { rowCount } = await this.query(
      `INSERT INTO runs (experiment, optimizer, optimizer_label, optimizer_options, task, seed, n_trials, time_budget, parallel_trials)
       SELECT $1, optimizer, label, options, task, seed, n_trials, time_budget, parallel_trials
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::integer[], $7::float8[], $8::float8[], $9::integer[])
            WITH ORDINALITY AS r(optimizer, label, options, task, seed, n_trials, time_budget, parallel_trials, ord)
       ORDER BY ord
       ON CONFLICT (experiment, optimizer_label, task, seed) DO NOTHING`,
      [experiment, column((r) => r.optimizer), column((r) => r.optimizerLabel), column((r) => JSON.stringify(r.optimizerOptions)),
        column((r) => r.task), column((r) => r.seed), column((r) => r.nTrials), column((r) => r.timeBudget ?? null), column(storedParallelTrials)],
    );
    return rowCount ?? 0;
  }

  async replanRun(id: number, run: NewRun): Promise<void> {
    await this.transaction(async (client) => {
      await client.query('DELETE FROM trial_batches WHERE run_id = $1', [id]);
      await client.query(`UPDATE runs SET optimizer = $1, optimizer_options = $2, n_trials = $3, time_budget = $4, parallel_trials = $5, status = 'pending', error = NULL,
                           budget_used = 0, started_at = NULL, finished_at = NULL, attempts = 0, worker = NULL, heartbeat_at = NULL, lease_until = NULL
                          WHERE id = $6`, [run.optimizer, JSON.stringify(run.optimizerOptions), run.nTrials, run.timeBudget ?? null, storedParallelTrials(run), id]);
    });
  }

  async listRuns(experiment: string): Promise<RunRecord[]> {
    const { rows } = await this.query<RunRow>('SELECT * FROM runs WHERE experiment = $1 ORDER BY id', [experiment]);
    return rows.map(toRunRecord);
  }

  async getRun(id: number): Promise<RunRecord> {
    const { rows } = await this.query<RunRow>('SELECT * FROM runs WHERE id = $1', [id]);
    if (!rows[0]) throw new StoreError(`Run ${id} does not exist in store '${this.label}'.`);
    return toRunRecord(rows[0]);
  }

  /** 'interrupted' runs, and 'running' ones whose lease expired (their worker is gone), go back to pending. */
  async resetInterruptedRuns(experiment: string, alsoFailed: boolean): Promise<number> {
    const { rowCount } = await this.query(
      `UPDATE runs SET status = 'pending', error = NULL, worker = NULL, lease_until = NULL
       WHERE experiment = $1 AND (status = 'interrupted' OR (status = 'running' AND (lease_until IS NULL OR lease_until < now()))${alsoFailed ? " OR status = 'failed'" : ''})`,
      [experiment],
    );
    return rowCount ?? 0;
  }

  /** One run back to 'pending' from running / interrupted / failed, whatever its lease says (a queue worker holding the run's job). */
  async reopenRun(id: number): Promise<boolean> {
    const { rowCount } = await this.query(
      `UPDATE runs SET status = 'pending', error = NULL, worker = NULL, lease_until = NULL WHERE id = $1 AND status IN ('running', 'interrupted', 'failed')`,
      [id],
    );
    return (rowCount ?? 0) > 0;
  }

  /**
   * Claims a pending run, or takes over a running one whose lease expired (its worker died:
   * a queue handing the run to another worker then just calls this again).
   */
  async claimRunWithTrials(id: number, claim: ClaimOptions = {}): Promise<{ run: RunRecord; trials: TrialRecord[] } | undefined> {
    const lease = withDefaults(claim);
    const claimed = await this.transaction(async (client) => {
      const { rows } = await client.query<RunRow>(
        `UPDATE runs SET status = 'running', started_at = COALESCE(started_at, $2), attempts = attempts + 1, worker = $3,
                heartbeat_at = now(), lease_until = now() + make_interval(secs => $4)
         WHERE id = $1 AND (status = 'pending' OR (status = 'running' AND lease_until < now())) RETURNING *`, [id, new Date().toISOString(), lease.worker, lease.leaseSeconds]);
      if (!rows[0]) return undefined;
      const batches = await client.query<{ trials: string }>('SELECT trials FROM trial_batches WHERE run_id = $1 ORDER BY first_idx', [id]);
      return { run: toRunRecord(rows[0]), trials: unbatch(batches.rows) };
    });
    if (claimed) this.claims.set(id, lease);
    return claimed;
  }

  /**
   * Claims the next run of an experiment nobody holds: pending, or running with an expired
   * lease (its worker died). FOR UPDATE SKIP LOCKED: concurrent claimers take different runs.
   */
  async claimNextRun(experiment: string, claim: ClaimOptions = {}): Promise<{ run: RunRecord; trials: TrialRecord[] } | undefined> {
    const lease = withDefaults(claim);
    const claimed = await this.transaction(async (client) => {
      const { rows } = await client.query<RunRow>(
        `UPDATE runs SET status = 'running', started_at = COALESCE(started_at, $2), attempts = attempts + 1, worker = $3,
                heartbeat_at = now(), lease_until = now() + make_interval(secs => $4)
         WHERE id = (SELECT id FROM runs WHERE experiment = $1 AND (status = 'pending' OR (status = 'running' AND lease_until < now()))
                     ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
         RETURNING *`, [experiment, new Date().toISOString(), lease.worker, lease.leaseSeconds]);
      if (!rows[0]) return undefined;
      const batches = await client.query<{ trials: string }>('SELECT trials FROM trial_batches WHERE run_id = $1 ORDER BY first_idx', [rows[0].id]);
      return { run: toRunRecord(rows[0]), trials: unbatch(batches.rows) };
    });
    if (claimed) this.claims.set(claimed.run.id, lease);
    return claimed;
  }

  /** Renews a running run's lease (its writer calls this every third of the lease). */
  async heartbeat(runId: number): Promise<void> {
    const lease = this.claims.get(runId) ?? withDefaults({});
    await this.query(`UPDATE runs SET heartbeat_at = now(), lease_until = now() + make_interval(secs => $2) WHERE id = $1 AND status = 'running'`, [runId, lease.leaseSeconds]);
  }

  /** Running runs of an experiment with their worker and lease: `status` shows them (live workers build on this). */
  async leases(experiment: string): Promise<RunLease[]> {
    const { rows } = await this.query<{ id: number; worker: string | null; attempts: number; heartbeat_at: Date | null; lease_until: Date | null; expired: boolean }>(
      `SELECT id, worker, attempts, heartbeat_at, lease_until, (lease_until IS NOT NULL AND lease_until < now()) AS expired
       FROM runs WHERE experiment = $1 AND status = 'running' ORDER BY id`, [experiment]);
    return rows.map((r) => ({ runId: r.id, worker: r.worker, attempts: r.attempts, heartbeatAt: r.heartbeat_at, leaseUntil: r.lease_until, expired: r.expired }));
  }

  async finishRun(id: number, status: 'done' | 'failed', budgetUsed: number, error: string | null = null, batches: readonly TrialBatch[] = []): Promise<void> {
    await this.transaction(async (client) => {
      await insertBatches(client, batches);
      await client.query('UPDATE runs SET status = $1, budget_used = $2, error = $3, finished_at = $4, lease_until = NULL WHERE id = $5', [status, budgetUsed, error, new Date().toISOString(), id]);
    });
    this.claims.delete(id);
  }

  async interruptRun(id: number, budgetUsed: number, batches: readonly TrialBatch[] = []): Promise<void> {
    await this.transaction(async (client) => {
      await insertBatches(client, batches);
      await client.query("UPDATE runs SET status = 'interrupted', budget_used = $1, error = NULL, lease_until = NULL WHERE id = $2 AND status = 'running'", [budgetUsed, id]);
    });
    this.claims.delete(id);
  }

  async setRunState(id: number, state: RunState): Promise<void> {
    await this.query('UPDATE runs SET status = $1, error = $2, budget_used = $3, started_at = $4, finished_at = $5, worker = NULL, lease_until = NULL WHERE id = $6',
      [state.status, state.error, state.budgetUsed, state.startedAt, state.finishedAt, id]);
  }

  async appendTrials(trials: readonly TrialRecord[]): Promise<void> {
    await this.appendBatches(batchesOf(trials));
  }

  /** Stores serialized batches in one transaction; trials at or below a run's last stored index are skipped. */
  async appendBatches(batches: readonly TrialBatch[]): Promise<void> {
    if (batches.length === 0) return;
    await this.transaction((client) => insertBatches(client, batches));
  }

  async trials(runId: number): Promise<TrialRecord[]> {
    const { rows } = await this.query<{ trials: string }>('SELECT trials FROM trial_batches WHERE run_id = $1 ORDER BY first_idx', [runId]);
    return unbatch(rows);
  }

  async deleteTrialsFrom(runId: number, index: number): Promise<number> {
    return this.transaction(async (client) => {
      const { rows } = await client.query<{ first_idx: number; n: number; trials: string }>(
        'SELECT first_idx, n, trials FROM trial_batches WHERE run_id = $1 AND first_idx + n > $2 FOR UPDATE', [runId, index]);
      let dropped = 0;
      for (const batch of rows) {
        if (batch.first_idx >= index) {
          await client.query('DELETE FROM trial_batches WHERE run_id = $1 AND first_idx = $2', [runId, batch.first_idx]);
          dropped += batch.n;
        } else {
          const kept = (JSON.parse(batch.trials) as unknown[]).slice(0, index - batch.first_idx);
          await client.query('UPDATE trial_batches SET n = $1, trials = $2 WHERE run_id = $3 AND first_idx = $4', [kept.length, JSON.stringify(kept), runId, batch.first_idx]);
          dropped += batch.n - kept.length;
        }
      }
      return dropped;
    });
  }

  async countTrials(experiment: string): Promise<number> {
    const { rows } = await this.query<{ n: number }>('SELECT coalesce(sum(b.n), 0)::integer AS n FROM trial_batches AS b JOIN runs ON runs.id = b.run_id WHERE runs.experiment = $1', [experiment]);
    return rows[0].n;
  }

  async *runTrials(experiment: string): AsyncGenerator<{ run: RunRecord; trials: TrialRecord[] }> {
    for (const run of await this.listRuns(experiment)) yield { run, trials: await this.trials(run.id) };
  }

  openTrialWriter(runId: number): PgTrialWriter {
    return new PgTrialWriter(this, runId, this.claims.get(runId)?.leaseSeconds);
  }

  /** Nothing is kept outside the database: a dead attempt's unstored trials are computed again. */
  recoverTrials(): number {
    return 0;
  }

  discardUnstoredTrials(): void {}

  countUnstoredTrials(): number {
    return 0;
  }
}

/**
 * Stores batches past each run's last stored index. The runs' rows are locked first (in id
 * order, so two writers never deadlock): two writers of one run (a worker whose lease expired
 * and the one that took over) then cannot interleave, and no trial is stored twice.
 */
async function insertBatches(client: pg.PoolClient, batches: readonly TrialBatch[]): Promise<void> {
  if (batches.length === 0) return;
  const runIds = [...new Set(batches.map((b) => b.runId))].sort((a, b) => a - b);
  await client.query('SELECT id FROM runs WHERE id = ANY($1::integer[]) ORDER BY id FOR UPDATE', [runIds]);
  for (const batch of batches) {
    // The run's last batch by key (batches never overlap): an index seek, not a scan of the run's batches.
    const { rows } = await client.query<{ next: number }>('SELECT first_idx + n AS next FROM trial_batches WHERE run_id = $1 ORDER BY first_idx DESC LIMIT 1', [batch.runId]);
    const skip = Math.max(0, (rows[0]?.next ?? 0) - batch.firstIndex);
    if (skip >= batch.lines.length) continue;
    const lines = skip > 0 ? batch.lines.slice(skip) : batch.lines;
    await client.query('INSERT INTO trial_batches (run_id, first_idx, n, trials) VALUES ($1, $2, $3, $4)', [batch.runId, batch.firstIndex + skip, lines.length, `[${lines.join(',')}]`]);
  }
}

function withDefaults(claim: ClaimOptions): Required<ClaimOptions> {
  return { worker: claim.worker ?? `${hostname()}:${process.pid}`, leaseSeconds: claim.leaseSeconds ?? DEFAULT_LEASE_SECONDS };
}

function passwordOf(url: string): string | undefined {
  try {
    const password = new URL(url).password;
    return password ? decodeURIComponent(password) : undefined;
  } catch {
    return undefined;
  }
}

