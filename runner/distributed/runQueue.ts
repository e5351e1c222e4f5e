import PgBoss from 'pg-boss';
import { BOSS_SCHEMA, QUEUE_SCHEMA } from './queueSchema.js';
import type { QueueDatabase, SqlExecutor } from './queueDatabase.js';

/** One queue for every experiment: a job is one run. */
export const RUN_QUEUE = 'hpoarena-runs';

/** What a job carries: enough for any worker to find and execute the run. */
export interface RunJobData {
  readonly experiment: string;
  readonly runId: number;
  readonly trialTimeout?: number;
  /** Plugin modules the experiment was planned with (they register its optimizers / tasks). */
  readonly plugins: readonly string[];
}

export interface RunJob {
  readonly id: string;
  readonly data: RunJobData;
  /** 1 on the first attempt. */
  readonly attempt: number;
  readonly maxAttempts: number;
}

/**
 * pg-boss drives the queue: a job per run, fetched with FOR UPDATE SKIP LOCKED, retried on
 * failure up to maxAttempts. pg-boss's own expiry is not used (supervise off): a long run
 * is not a dead one, so liveness comes from the worker heartbeats (workerRegistry.ts).
 */
export class RunQueue {
  private constructor(private readonly boss: PgBoss, private readonly db: QueueDatabase) {}

  static async open(db: QueueDatabase): Promise<RunQueue> {
    const boss = new PgBoss({ db, schema: BOSS_SCHEMA, supervise: false, schedule: false, migrate: true });
    boss.on('error', () => {}); // fetch and completion errors surface where they are awaited
    await boss.start();
    // createQueue is idempotent, but two workers starting at once may race on it.
    await db.transaction(async (tx) => {
      await tx.executeSql(`SELECT pg_advisory_xact_lock(hashtext('${QUEUE_SCHEMA}.queue'))`);
      const { rows } = await tx.executeSql(`SELECT 1 FROM ${BOSS_SCHEMA}.queue WHERE name = $1`, [RUN_QUEUE]);
      if (rows.length === 0) await tx.executeSql(`SELECT ${BOSS_SCHEMA}.create_queue($1, $2)`, [RUN_QUEUE, JSON.stringify({ policy: 'standard', retryLimit: 2, retryDelay: 0, retryBackoff: false, expireInSeconds: 23 * 3600, retentionMinutes: 14 * 24 * 60 })]);
    });
    return new RunQueue(boss, db);
  }

  /** Adds one job per run; a run fails for good after `maxAttempts` attempts. */
  async enqueue(jobs: readonly RunJobData[], maxAttempts: number, db?: SqlExecutor): Promise<void> {
    if (jobs.length === 0) return;
    const rows = jobs.map((data) => ({ name: RUN_QUEUE, data: { ...data }, retryLimit: maxAttempts - 1, retryDelay: 0, expireInSeconds: 23 * 3600 }));
    for (let i = 0; i < rows.length; i += 1000) await this.boss.insert(rows.slice(i, i + 1000), db ? { db } : {});
  }

  /** Runs of `experiment` that have a job not finished yet (waiting, active or waiting for a retry). */
  async queuedRunIds(experiment: string, db: SqlExecutor): Promise<Set<number>> {
    const { rows } = await db.executeSql(
      `SELECT (data->>'runId')::integer AS run_id FROM ${BOSS_SCHEMA}.job WHERE name = $1 AND state < 'completed' AND data->>'experiment' = $2`,
      [RUN_QUEUE, experiment],
    );
    return new Set(rows.map((r) => r.run_id as number));
  }

  /** The next job, or undefined when none waits. Throws when the database cannot be reached. */
  async fetch(): Promise<RunJob | undefined> {
    // pg-boss's fetch swallows errors (returning no job); a server that is down must not look like an empty queue.
    let failure: unknown;
    const db: SqlExecutor = {
      executeSql: (text, values) => this.db.executeSql(text, values).catch((error: unknown) => {
        failure = error;
        throw error;
      }),
    };
    const [job] = await this.boss.fetch<RunJobData>(RUN_QUEUE, { batchSize: 1, includeMetadata: true, db });
    if (failure !== undefined) throw failure;
    return job && { id: job.id, data: job.data, attempt: job.retryCount + 1, maxAttempts: job.retryLimit + 1 };
  }

  async complete(job: RunJob, output: object, db?: SqlExecutor): Promise<void> {
    await this.boss.complete(RUN_QUEUE, job.id, output, db ? { db } : {});
  }

  /** Ends the attempt: pg-boss puts the job back for a retry while attempts are left, else marks it failed. */
  async fail(jobIds: string | string[], message: string, db?: SqlExecutor): Promise<void> {
    await this.boss.fail(RUN_QUEUE, jobIds as string, { message }, db ? { db } : {});
  }

  /** Jobs of the queue not finished: waiting, waiting for a retry, or being executed somewhere. */
  async unfinished(): Promise<number> {
    const { rows } = await this.db.executeSql(`SELECT count(*)::integer AS n FROM ${BOSS_SCHEMA}.job WHERE name = $1 AND state < 'completed'`, [RUN_QUEUE]);
    return rows[0].n as number;
  }

  async close(): Promise<void> {
    await this.boss.stop({ graceful: false, close: false, wait: true });
  }
}
