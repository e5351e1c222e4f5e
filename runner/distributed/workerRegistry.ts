import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { QUEUE_SCHEMA } from './queueSchema.js';
import type { QueueDatabase, SqlExecutor } from './queueDatabase.js';
import type { RunJob, RunQueue } from './runQueue.js';

export interface WorkerRow {
  readonly id: string;
  readonly host: string;
  readonly pid: number;
  readonly concurrency: number;
  readonly state: 'active' | 'stopping' | 'stopped' | 'dead';
  readonly startedAt: Date;
  readonly heartbeatAt: Date;
  /** Seconds since the last heartbeat, by the database's clock (no clock skew between machines). */
  readonly silentFor: number;
  readonly runsDone: number;
  /** Runs it holds now. */
  readonly runs: readonly number[];
}

/**
 * The registry of worker processes and the leases on runs they hold. A worker renews its
 * heartbeat every few seconds; one silent longer than its lease is declared dead by any live
 * worker, which hands its runs back to the queue (an attempt each) in the same transaction.
 * A worker that finds itself declared dead must stop at once: its runs belong to others now.
 */
export class WorkerRegistry {
  readonly id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(private readonly db: QueueDatabase, private readonly leaseSeconds: number) {}

  async register(concurrency: number): Promise<void> {
    await this.db.executeSql(`INSERT INTO ${QUEUE_SCHEMA}.worker (id, host, pid, concurrency, lease_s, state) VALUES ($1, $2, $3, $4, $5, 'active')`, [this.id, hostname(), process.pid, concurrency, this.leaseSeconds]);
  }

  /** Renews the heartbeat; false when this worker was declared dead meanwhile. */
  async heartbeat(): Promise<boolean> {
    const { rows } = await this.db.executeSql(`UPDATE ${QUEUE_SCHEMA}.worker SET heartbeat_at = now() WHERE id = $1 AND state <> 'dead' RETURNING id`, [this.id]);
    return rows.length > 0;
  }

  async setState(state: 'stopping' | 'stopped'): Promise<void> {
    await this.db.executeSql(`UPDATE ${QUEUE_SCHEMA}.worker SET state = $2, heartbeat_at = now(), stopped_at = CASE WHEN $2 = 'stopped' THEN now() END WHERE id = $1 AND state <> 'dead'`, [this.id, state]);
  }

  /** Takes the run of `job`; false when another worker holds it (a duplicate job). */
  async lease(job: RunJob): Promise<boolean> {
    const { rows } = await this.db.executeSql(
      `INSERT INTO ${QUEUE_SCHEMA}.lease (run_id, job_id, worker_id, experiment) VALUES ($1, $2, $3, $4) ON CONFLICT (run_id) DO NOTHING RETURNING run_id`,
      [job.data.runId, job.id, this.id, job.data.experiment],
    );
    return rows.length > 0;
  }

  /** Gives the run up, in the transaction that completes or fails its job. */
  async release(job: RunJob, db: SqlExecutor, counted: boolean): Promise<void> {
    await db.executeSql(`DELETE FROM ${QUEUE_SCHEMA}.lease WHERE run_id = $1 AND job_id = $2`, [job.data.runId, job.id]);
    if (counted) await db.executeSql(`UPDATE ${QUEUE_SCHEMA}.worker SET runs_done = runs_done + 1 WHERE id = $1`, [this.id]);
  }

  /**
   * Declares silent workers dead and fails their jobs (pg-boss retries them while attempts are
   * left), in one transaction. Returns the runs handed back. Call only while this worker's own
   * heartbeats have been succeeding for a full lease: right after the database comes back,
   * every worker looks silent.
   */
  async reapDead(queue: RunQueue): Promise<number[]> {
    return this.db.transaction(async (tx) => {
      const { rows: dead } = await tx.executeSql(
        `UPDATE ${QUEUE_SCHEMA}.worker SET state = 'dead' WHERE state IN ('active', 'stopping') AND id <> $1 AND heartbeat_at < now() - lease_s * interval '1 second' RETURNING id, host, pid, lease_s`,
        [this.id],
      );
      if (dead.length === 0) return [];
      const { rows: leases } = await tx.executeSql(`DELETE FROM ${QUEUE_SCHEMA}.lease WHERE worker_id = ANY($1) RETURNING run_id, job_id, worker_id`, [dead.map((w) => w.id)]);
      for (const lease of leases) {
        const worker = dead.find((w) => w.id === lease.worker_id)!;
        await queue.fail([lease.job_id as string], `worker ${worker.host} pid ${worker.pid} stopped sending heartbeats (lease ${worker.lease_s} s); its run resumes on another worker`, tx);
      }
      return leases.map((l) => l.run_id as number);
    });
  }
}

/** Workers that are not stopped (live, stopping, or declared dead recently), for `status`. */
export async function listWorkers(db: SqlExecutor, includeStopped = false): Promise<WorkerRow[]> {
  const { rows } = await db.executeSql(
    `SELECT w.*, extract(epoch FROM now() - w.heartbeat_at)::double precision AS silent_for,
            coalesce(array_agg(l.run_id ORDER BY l.run_id) FILTER (WHERE l.run_id IS NOT NULL), '{}') AS runs
       FROM ${QUEUE_SCHEMA}.worker AS w LEFT JOIN ${QUEUE_SCHEMA}.lease AS l ON l.worker_id = w.id
      WHERE $1 OR w.state <> 'stopped'
      GROUP BY w.id ORDER BY w.started_at, w.id`,
    [includeStopped],
  );
  return rows.map((r) => ({
    id: r.id, host: r.host, pid: r.pid, concurrency: r.concurrency, state: r.state, startedAt: r.started_at,
    heartbeatAt: r.heartbeat_at, silentFor: r.silent_for, runsDone: r.runs_done, runs: r.runs,
  }));
}
