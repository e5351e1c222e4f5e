import type pg from 'pg';
import { StoreError } from '../../../core/index.js';

/**
 * The PostgreSQL schema: the same tables as the SQLite store (experiments, runs, trial_batches
 * and a `trials` view with one row per trial), plus what many machines need on `runs`: who
 * holds a run (`worker`), until when (`lease_until`, renewed by heartbeats) and how many
 * attempts it took. The version lives in `schema_version`; a database written by a newer
 * hpoarena is refused rather than misread. Batches are JSON text, not jsonb: the stored lines
 * are byte for byte those of the SQLite store, so exports from both are identical.
 * Version 2 (as SQLite's schema 3) adds `runs.parallel_trials` (NULL: one trial at a time) and
 * the view's sim_start, sim_end and slot (runs with parallel trials).
 */
export const PG_SCHEMA_VERSION = 2;

/** Any constant: serializes schema creation between processes opening one new database at once. */
const MIGRATION_LOCK = 0x68706f61; // 'hpoa'

/** The `trials` view: one row per stored trial, its fields read from the batch's JSON. */
function trialsView(extraColumns: readonly string[]): string {
  const columns = [
    'b.run_id AS run_id',
    'b.first_idx + (t.ord - 1)::integer AS idx',
    "t.value -> 'config' AS config",
    "(t.value ->> 'fidelity')::double precision AS fidelity",
    "t.value -> 'cost' AS cost",
    "t.value ->> 'status' AS status",
    "(t.value ->> 'wallTime')::double precision AS wall_time",
    "(t.value ->> 'virtualTime')::double precision AS virtual_time",
    "(t.value ->> 'budgetUsed')::double precision AS budget_used",
    "t.value -> 'info' AS info",
    ...extraColumns,
  ];
  return `CREATE VIEW trials AS\nSELECT ${columns.join(',\n       ')}\nFROM trial_batches AS b, jsonb_array_elements(b.trials::jsonb) WITH ORDINALITY AS t(value, ord);`;
}

/** Schema 2's columns: the simulated clock of a trial run with parallel trials. */
const SIMULATED_CLOCK_COLUMNS = [
  "(t.value ->> 'simStart')::double precision AS sim_start",
  "(t.value ->> 'simEnd')::double precision AS sim_end",
  "(t.value ->> 'slot')::integer AS slot",
];

const SCHEMA_V1 = `
CREATE TABLE experiments (
  name        text PRIMARY KEY,
  created_at  text NOT NULL,
  spec        text NOT NULL
);
CREATE TABLE runs (
  id                serial PRIMARY KEY,
  experiment        text NOT NULL REFERENCES experiments(name),
  optimizer         text NOT NULL,
  optimizer_label   text NOT NULL,
  optimizer_options text NOT NULL,
  task              text NOT NULL,
  seed              integer NOT NULL,
  n_trials          double precision NOT NULL,
  time_budget       double precision,
  status            text NOT NULL DEFAULT 'pending',
  error             text,
  budget_used       double precision NOT NULL DEFAULT 0,
  started_at        text,
  finished_at       text,
  attempts          integer NOT NULL DEFAULT 0,
  worker            text,
  heartbeat_at      timestamptz,
  lease_until       timestamptz,
  UNIQUE (experiment, optimizer_label, task, seed)
);
CREATE INDEX runs_by_experiment ON runs (experiment, status);
CREATE TABLE trial_batches (
  run_id     integer NOT NULL REFERENCES runs(id),
  first_idx  integer NOT NULL,
  n          integer NOT NULL,
  trials     text NOT NULL,
  PRIMARY KEY (run_id, first_idx)
);
${trialsView([])}
`;

/** Parallel trials: K per run, and the simulated clock of each trial in the view. */
const SCHEMA_V2_STEP = `
ALTER TABLE runs ADD COLUMN IF NOT EXISTS parallel_trials integer;
DROP VIEW IF EXISTS trials;
${trialsView(SIMULATED_CLOCK_COLUMNS)}
`;

/** The schema version of the database (0: no hpoarena schema). */
export async function schemaVersion(client: pg.ClientBase): Promise<number> {
  const exists = await client.query<{ present: boolean }>("SELECT to_regclass('schema_version') IS NOT NULL AS present");
  if (!exists.rows[0].present) return 0;
  const row = await client.query<{ version: number }>('SELECT max(version) AS version FROM schema_version');
  return row.rows[0]?.version ?? 0;
}

export function newerSchemaError(label: string, version: number): StoreError {
  return new StoreError(`Store '${label}' was written by a newer hpoarena (schema ${version}; this version reads up to ${PG_SCHEMA_VERSION}). Upgrade hpoarena; the store was not modified.`);
}

/**
 * Creates the schema, or brings an older one up to this version, in one transaction under an
 * advisory lock, re-reading the version inside it (another opener may have just created it).
 */
export async function migrate(client: pg.ClientBase, label: string): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const from = await schemaVersion(client);
    if (from > PG_SCHEMA_VERSION) throw newerSchemaError(label, from);
    if (from < PG_SCHEMA_VERSION) {
      if (from === 0) {
        await client.query('CREATE TABLE schema_version (version integer NOT NULL)');
        await client.query(SCHEMA_V1);
      }
      if (from < 2) await client.query(SCHEMA_V2_STEP);
      // Later versions add their steps here: if (from < 3) { ... }
      await client.query('DELETE FROM schema_version');
      await client.query('INSERT INTO schema_version (version) VALUES ($1)', [PG_SCHEMA_VERSION]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
}
