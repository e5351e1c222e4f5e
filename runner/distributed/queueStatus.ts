import { isPostgresUrl } from '../store/postgres/maskCredentials.js';
import { QueueDatabase } from './queueDatabase.js';
import { BOSS_SCHEMA, QUEUE_SCHEMA } from './queueSchema.js';
import { RUN_QUEUE } from './runQueue.js';
import { listWorkers, type WorkerRow } from './workerRegistry.js';

export interface QueueStatus {
  /** Jobs of the experiment by pg-boss state (created, retry, active, completed, failed). */
  readonly jobs: Record<string, number>;
  /** Worker processes not stopped, with their last heartbeat. */
  readonly workers: WorkerRow[];
}

/** The queue side of `status`: undefined when the database has no queue (nothing was ever enqueued). */
export async function queueStatus(queueUrl: string, experiment: string): Promise<QueueStatus | undefined> {
  if (!isPostgresUrl(queueUrl)) return undefined;
  const db = await QueueDatabase.connect(queueUrl, 1);
  try {
    const { rows } = await db.executeSql(`SELECT to_regclass($1) IS NOT NULL AS workers, to_regclass($2) IS NOT NULL AS jobs`, [`${QUEUE_SCHEMA}.worker`, `${BOSS_SCHEMA}.job`]);
    if (!rows[0].workers || !rows[0].jobs) return undefined;
    const { rows: jobRows } = await db.executeSql(`SELECT state, count(*)::integer AS n FROM ${BOSS_SCHEMA}.job WHERE name = $1 AND data->>'experiment' = $2 GROUP BY state`, [RUN_QUEUE, experiment]);
    return { jobs: Object.fromEntries(jobRows.map((r) => [r.state as string, r.n as number])), workers: await listWorkers(db) };
  } finally {
    await db.close();
  }
}
