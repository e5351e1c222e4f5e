import { StoreError } from '../../core/index.js';
import { maskCredentials } from '../store/postgres/maskCredentials.js';
import type { QueueDatabase } from './queueDatabase.js';

/** Worker registry and run leases live in their own schema, next to pg-boss's and the store's tables. */
export const QUEUE_SCHEMA = 'hpoarena_queue';
/** pg-boss's own tables (jobs, queues); it creates and migrates them itself. */
export const BOSS_SCHEMA = 'hpoarena_boss';
export const QUEUE_SCHEMA_VERSION = 1;

/**
 * worker: one row per `hpoarena worker` process; heartbeat_at is renewed every few seconds and
 * a worker silent for longer than its lease_s is declared dead by any live worker.
 * lease: the run each worker executes now. run_id is the primary key, so the database itself
 * refuses a second worker on a run that is held.
 */
const TABLES_SQL = `
CREATE TABLE IF NOT EXISTS ${QUEUE_SCHEMA}.version (version integer NOT NULL);
CREATE TABLE IF NOT EXISTS ${QUEUE_SCHEMA}.worker (
  id            text PRIMARY KEY,
  host          text NOT NULL,
  pid           integer NOT NULL,
  concurrency   integer NOT NULL,
  lease_s       double precision NOT NULL,
  state         text NOT NULL,
  started_at    timestamptz NOT NULL DEFAULT now(),
  heartbeat_at  timestamptz NOT NULL DEFAULT now(),
  stopped_at    timestamptz,
  runs_done     integer NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS ${QUEUE_SCHEMA}.lease (
  run_id      integer PRIMARY KEY,
  job_id      uuid NOT NULL,
  worker_id   text NOT NULL REFERENCES ${QUEUE_SCHEMA}.worker(id),
  experiment  text NOT NULL,
  started_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS lease_by_worker ON ${QUEUE_SCHEMA}.lease (worker_id);
`;

/** Creates the queue tables on first use (under an advisory lock: many workers start at once). */
export async function ensureQueueSchema(db: QueueDatabase): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.executeSql(`SELECT pg_advisory_xact_lock(hashtext('${QUEUE_SCHEMA}'))`);
    await tx.executeSql(`CREATE SCHEMA IF NOT EXISTS ${QUEUE_SCHEMA}`);
    await tx.executeSql(TABLES_SQL);
    const { rows } = await tx.executeSql(`SELECT version FROM ${QUEUE_SCHEMA}.version`);
    const version = rows[0]?.version as number | undefined;
    if (version === undefined) await tx.executeSql(`INSERT INTO ${QUEUE_SCHEMA}.version VALUES ($1)`, [QUEUE_SCHEMA_VERSION]);
    else if (version > QUEUE_SCHEMA_VERSION) {
      throw new StoreError(`The queue tables in ${maskCredentials(db.url)} were written by a newer hpoarena (queue schema ${version}; this version reads up to ${QUEUE_SCHEMA_VERSION}). Upgrade hpoarena on this machine; nothing was changed.`);
    }
  });
}
