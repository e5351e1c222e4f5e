import type Database from 'better-sqlite3';

/**
 * The SQLite schema. PRAGMA user_version holds SCHEMA_VERSION; a store written by a newer
 * hpoarena is refused rather than misread.
 *
 * Trials are stored in batches: one row of `trial_batches` holds consecutive trials of one run
 * as a JSON array (the journal's lines). Why: inserting a row per trial cost ~5 us under the
 * store's single write lock, which serialized parallel workers; one row per batch makes the
 * locked part a few tens of microseconds per 256 trials. The `trials` view shows one row per
 * trial with the columns schema 1 had, for SQL users (sqlite3, pandas.read_sql, DuckDB).
 * A batch never overlaps another of its run: writers store only trials past the run's last
 * stored index, so a trial can never be stored twice.
 *
 * Schema 3 adds `runs.parallel_trials` (trials in flight at once; NULL for one at a time, so
 * rows of sequential runs read exactly as before) and the view's sim_start, sim_end and slot.
 */
export const SCHEMA_VERSION = 3;

const TABLES_SQL = `
CREATE TABLE IF NOT EXISTS experiments (
  name        TEXT PRIMARY KEY,
  created_at  TEXT NOT NULL,
  spec        TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
  id                INTEGER PRIMARY KEY,
  experiment        TEXT NOT NULL REFERENCES experiments(name),
  optimizer         TEXT NOT NULL,
  optimizer_label   TEXT NOT NULL,
  optimizer_options TEXT NOT NULL,
  task              TEXT NOT NULL,
  seed              INTEGER NOT NULL,
  n_trials          REAL NOT NULL,
  time_budget       REAL,
  parallel_trials   INTEGER,
  status            TEXT NOT NULL DEFAULT 'pending',
  error             TEXT,
  budget_used       REAL NOT NULL DEFAULT 0,
  started_at        TEXT,
  finished_at       TEXT,
  UNIQUE (experiment, optimizer_label, task, seed)
);
CREATE INDEX IF NOT EXISTS runs_by_experiment ON runs (experiment, status);
`;

const BATCHES_SQL = `
CREATE TABLE trial_batches (
  run_id       INTEGER NOT NULL REFERENCES runs(id),
  first_idx    INTEGER NOT NULL,
  n            INTEGER NOT NULL,
  trials       TEXT NOT NULL,
  PRIMARY KEY (run_id, first_idx)
) WITHOUT ROWID;
`;

/** One row per trial, for SQL users; sim_start, sim_end and slot are NULL except on runs with parallel trials. */
const TRIALS_VIEW_SQL = `
DROP VIEW IF EXISTS trials;
CREATE VIEW trials AS
SELECT b.run_id AS run_id,
       b.first_idx + CAST(t.key AS INTEGER) AS idx,
       json_extract(t.value, '$.config') AS config,
       json_extract(t.value, '$.fidelity') AS fidelity,
       json_extract(t.value, '$.cost') AS cost,
       json_extract(t.value, '$.status') AS status,
       json_extract(t.value, '$.wallTime') AS wall_time,
       json_extract(t.value, '$.virtualTime') AS virtual_time,
       json_extract(t.value, '$.budgetUsed') AS budget_used,
       json_extract(t.value, '$.info') AS info,
       json_extract(t.value, '$.simStart') AS sim_start,
       json_extract(t.value, '$.simEnd') AS sim_end,
       json_extract(t.value, '$.slot') AS slot
FROM trial_batches AS b, json_each(b.trials) AS t;
`;

/**
 * Creates the schema, or brings a store of an older schema up to this one, in one transaction.
 * The transaction is IMMEDIATE (write lock first) and re-reads the version inside it: several
 * processes opening one new store at once would otherwise all read version 0 and all create.
 */
export function migrate(db: Database.Database): void {
  db.transaction(() => {
    const from = db.pragma('user_version', { simple: true }) as number;
    if (from >= SCHEMA_VERSION) return; // another opener got there first
    db.exec(TABLES_SQL);
    if (from < 2) {
      const legacy = from === 1 && db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'trials'").get();
      if (legacy) db.exec('ALTER TABLE trials RENAME TO trials_v1');
      db.exec(BATCHES_SQL);
      if (legacy) {
        // One batch per run of consecutive indices (island = idx - rank), elements in the journal's line format.
        db.exec(`
          INSERT INTO trial_batches (run_id, first_idx, n, trials)
          SELECT run_id, min(idx), count(*), json_group_array(json(line) ORDER BY idx) FROM (
            SELECT run_id, idx, idx - row_number() OVER (PARTITION BY run_id ORDER BY idx) AS island, json_object(
              'runId', run_id, 'index', idx, 'config', json(config), 'fidelity', fidelity,
              'cost', CASE WHEN cost IS NULL THEN NULL ELSE json(cost) END, 'status', status,
              'wallTime', wall_time, 'virtualTime', virtual_time, 'budgetUsed', budget_used,
              'info', CASE WHEN info IS NULL THEN NULL ELSE json(info) END) AS line
            FROM trials_v1)
          GROUP BY run_id, island;
          DROP TABLE trials_v1;`);
      }
    }
    db.exec(TRIALS_VIEW_SQL);
    const runColumns = db.prepare('PRAGMA table_info(runs)').all() as Array<{ name: string }>;
    if (!runColumns.some((c) => c.name === 'parallel_trials')) db.exec('ALTER TABLE runs ADD COLUMN parallel_trials INTEGER');
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}
