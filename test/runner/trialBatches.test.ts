import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore, SCHEMA_VERSION, type TrialRecord } from '../../runner/index.js';
import { tempDir } from '../helpers.js';

function trial(runId: number, index: number, cost: number | number[] | null = index / 10): TrialRecord {
  return { runId, index, config: { x: index, c: 'a"b' }, fidelity: index % 2 ? 3 : null, cost, status: cost === null ? 'crashed' : 'ok', wallTime: 0.001 * index, virtualTime: 0, budgetUsed: index + 1, info: index === 2 ? { note: 'two' } : null };
}

function storeWithRuns(t: { after(fn: () => void): void }, runs = 2) {
  const store = openSqliteStore(join(tempDir(t), 'store.db'));
  t.after(() => store.close());
  store.ensureExperiment('e', {});
  store.addRuns('e', Array.from({ length: runs }, (_, i) => ({ optimizer: 'random', optimizerLabel: 'random', optimizerOptions: {}, task: 't', seed: i + 1, nTrials: 10 })));
  return store;
}

test('trials come back as stored, across batches and runs, and are never stored twice', (t) => {
  const store = storeWithRuns(t);
  const run1 = Array.from({ length: 7 }, (_, i) => trial(1, i));
  store.appendTrials(run1.slice(0, 3));
  store.appendTrials([...run1.slice(2, 5), trial(2, 0)]); // trial 2 again (a re-imported journal)
  store.appendTrials(run1.slice(0, 7));
  assert.deepEqual(store.trials(1), run1);
  assert.deepEqual(store.trials(2), [trial(2, 0)]);
  assert.equal(store.countTrials('e'), 8);
  assert.deepEqual([...store.iterateTrials('e')].map(({ run, trial }) => [run.id, trial.index]), [...run1.map((r) => [1, r.index]), [2, 0]]);
});

test('non-finite costs are stored as null, multi-objective vectors as arrays', (t) => {
  const store = storeWithRuns(t, 1);
  store.appendTrials([trial(1, 0, Infinity), trial(1, 1, [1, 2]), trial(1, 2, [1, NaN]), trial(1, 3, NaN)]);
  assert.deepEqual(store.trials(1).map((r) => r.cost), [null, [1, 2], null, null]);
});

test('deleteTrialsFrom cuts inside a batch and drops the later ones', (t) => {
  const store = storeWithRuns(t);
  const run1 = Array.from({ length: 9 }, (_, i) => trial(1, i));
  store.appendTrials(run1.slice(0, 4));
  store.appendTrials(run1.slice(4, 9));
  store.appendTrials([trial(2, 0), trial(2, 1)]);
  assert.equal(store.deleteTrialsFrom(1, 2), 7);
  assert.deepEqual(store.trials(1), run1.slice(0, 2));
  assert.equal(store.trials(2).length, 2);
  // The run continues from the cut: new trials 2.. are stored.
  store.appendTrials([trial(1, 2, 99)]);
  assert.deepEqual(store.trials(1).map((r) => r.cost), [0, 0.1, 99]);
});

test('the trials view gives one SQL row per trial with schema 1 columns', (t) => {
  const store = storeWithRuns(t, 1);
  store.appendTrials([trial(1, 0), trial(1, 1, [0.5, 2]), trial(1, 2)]);
  const db = new Database(store.path, { readonly: true });
  t.after(() => db.close());
  const rows = db.prepare('SELECT * FROM trials ORDER BY idx').all() as Array<Record<string, unknown>>;
  assert.deepEqual(rows.map((r) => [r.run_id, r.idx, JSON.parse(r.config as string).x, r.fidelity, r.cost, r.status, r.budget_used, r.info]),
    [[1, 0, 0, null, 0, 'ok', 1, null], [1, 1, 1, 3, '[0.5,2]', 'ok', 2, null], [1, 2, 2, null, 0.2, 'ok', 3, '{"note":"two"}']]);
});

test('a schema 1 store (one row per trial) is upgraded in place, by a read-only opener too, losing nothing', (t) => {
  const path = join(tempDir(t), 'old.db');
  const db = new Database(path);
  db.exec(`
    CREATE TABLE experiments (name TEXT PRIMARY KEY, created_at TEXT NOT NULL, spec TEXT NOT NULL);
    CREATE TABLE runs (id INTEGER PRIMARY KEY, experiment TEXT NOT NULL REFERENCES experiments(name), optimizer TEXT NOT NULL,
      optimizer_label TEXT NOT NULL, optimizer_options TEXT NOT NULL, task TEXT NOT NULL, seed INTEGER NOT NULL, n_trials REAL NOT NULL,
      time_budget REAL, status TEXT NOT NULL DEFAULT 'pending', error TEXT, budget_used REAL NOT NULL DEFAULT 0, started_at TEXT,
      finished_at TEXT, UNIQUE (experiment, optimizer_label, task, seed));
    CREATE INDEX runs_by_experiment ON runs (experiment, status);
    CREATE TABLE trials (run_id INTEGER NOT NULL REFERENCES runs(id), idx INTEGER NOT NULL, config TEXT NOT NULL, fidelity REAL, cost TEXT,
      status TEXT NOT NULL, wall_time REAL NOT NULL, virtual_time REAL NOT NULL, budget_used REAL NOT NULL, info TEXT, PRIMARY KEY (run_id, idx)) WITHOUT ROWID;
    INSERT INTO experiments VALUES ('e', '2026-01-01', '{}');
    INSERT INTO runs (id, experiment, optimizer, optimizer_label, optimizer_options, task, seed, n_trials, status) VALUES
      (1, 'e', 'random', 'random', '{}', 't', 1, 10, 'done'), (2, 'e', 'random', 'random', '{}', 't', 2, 10, 'done');
    PRAGMA user_version = 1;`);
  const old = [trial(1, 0), trial(1, 1, [1, 2.5]), trial(1, 2, null), trial(1, 5), trial(2, 0)];
  const insert = db.prepare('INSERT INTO trials VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  // Rows inserted out of order, and run 1 has a gap (indices 3, 4 missing): both must survive the upgrade.
  for (const r of [...old].reverse()) {
    insert.run(r.runId, r.index, JSON.stringify(r.config), r.fidelity, r.cost === null ? null : JSON.stringify(r.cost), r.status, r.wallTime, r.virtualTime, r.budgetUsed, r.info && JSON.stringify(r.info));
  }
  db.close();
  const store = openSqliteStore(path, { readonly: true });
  t.after(() => store.close());
  assert.deepEqual(store.trials(1), old.slice(0, 4));
  assert.deepEqual(store.trials(2), [old[4]]);
  const check = new Database(path, { readonly: true });
  t.after(() => check.close());
  assert.equal(check.pragma('user_version', { simple: true }), SCHEMA_VERSION);
});
