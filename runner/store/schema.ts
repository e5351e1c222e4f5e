/**
 * The SQLite schema. PRAGMA user_version holds SCHEMA_VERSION; a store written by a newer
 * hpoarena is refused rather than misread. Trials are keyed by (run_id, idx), so a trial
 * can never be stored twice.
 */
export const SCHEMA_VERSION = 1;

export const SCHEMA_SQL = `
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
  status            TEXT NOT NULL DEFAULT 'pending',
  error             TEXT,
  budget_used       REAL NOT NULL DEFAULT 0,
  started_at        TEXT,
  finished_at       TEXT,
  UNIQUE (experiment, optimizer_label, task, seed)
);
CREATE INDEX IF NOT EXISTS runs_by_experiment ON runs (experiment, status);
CREATE TABLE IF NOT EXISTS trials (
  run_id        INTEGER NOT NULL REFERENCES runs(id),
  idx           INTEGER NOT NULL,
  config        TEXT NOT NULL,
  fidelity      REAL,
  cost          TEXT,
  status        TEXT NOT NULL,
  wall_time     REAL NOT NULL,
  virtual_time  REAL NOT NULL,
  budget_used   REAL NOT NULL,
  info          TEXT,
  PRIMARY KEY (run_id, idx)
) WITHOUT ROWID;
`;
