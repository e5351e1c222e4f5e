import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { executeRun, exportTrials, openSqliteStore, runExperiment, type ExperimentSpec } from '../../runner/index.js';
import { cli, exportText, killCliMidRun, tempDir } from '../helpers.js';

const spec: ExperimentSpec = {
  experiment: 'resume',
  optimizers: [{ name: 'random', label: 'random', options: {} }],
  tasks: ['Pymoo/SO/unconstraint/sphere'],
  seeds: [7],
  nTrials: 40,
};

async function uninterrupted(dir: string, s: ExperimentSpec = spec): Promise<string> {
  const store = openSqliteStore(join(dir, 'reference.db'));
  try {
    await runExperiment(store, s, { workers: 0 });
    return await exportText(exportTrials(store, s.experiment, 'csv'));
  } finally {
    store.close();
  }
}

/** Puts a finished run back into the state a crash after `keep` trials leaves. */
function crashAfter(path: string, keep: number): void {
  const store = openSqliteStore(path);
  for (const run of store.listRuns('resume')) store.deleteTrialsFrom(run.id, keep);
  store.close();
  const db = new Database(path);
  db.prepare("UPDATE runs SET status = 'running', finished_at = NULL").run();
  db.close();
}

test('a run interrupted after 15 trials resumes by replay to the identical result', async (t) => {
  const dir = tempDir(t);
  const expected = await uninterrupted(dir);
  const path = join(dir, 'crashed.db');
  const store = openSqliteStore(path);
  t.after(() => store.close());
  await runExperiment(store, spec, { workers: 0 });
  crashAfter(path, 15);
  const outcome = await runExperiment(store, spec, { workers: 0 });
  assert.equal(outcome.outcomes.length, 1);
  assert.equal(outcome.outcomes[0].replayed, 15);
  assert.equal(await exportText(exportTrials(store, 'resume', 'csv')), expected);
});

test('when the optimizer diverges from the record, the rest of the record is discarded', async (t) => {
  const dir = tempDir(t);
  const expected = await uninterrupted(dir);
  const path = join(dir, 'tampered.db');
  const store = openSqliteStore(path);
  t.after(() => store.close());
  await runExperiment(store, spec, { workers: 0 });
  crashAfter(path, 30);
  const db = new Database(path);
  // Trial 10's record now holds a config the optimizer never proposes (all runs here have one batch from index 0).
  const config = '{"x0":0.5,"x1":0.5,"x2":0.5,"x3":0.5,"x4":0.5,"x5":0.5,"x6":0.5,"x7":0.5,"x8":0.5,"x9":0.5}';
  const changed = db.prepare(`UPDATE trial_batches SET trials = json_set(trials, '$[10].config', json(?), '$[10].cost', 0) WHERE first_idx = 0`).run(config).changes;
  assert.equal(changed, 1);
  db.close();
  const outcome = await runExperiment(store, spec, { workers: 0 });
  assert.equal(outcome.outcomes[0].replayed, 10);
  assert.equal(await exportText(exportTrials(store, 'resume', 'csv')), expected);
});

test('trials left in the journal by a dead process are imported, not re-evaluated', async (t) => {
  const dir = tempDir(t);
  const expected = await uninterrupted(dir);
  const path = join(dir, 'journal.db');
  const store = openSqliteStore(path);
  t.after(() => store.close());
  await runExperiment(store, spec, { workers: 0 });
  const trials = store.trials(1);
  crashAfter(path, 0);
  // What a dead process leaves: 12 journaled trials and a torn 13th line.
  const { mkdirSync, writeFileSync } = await import('node:fs');
  mkdirSync(`${path}.trial-journal`, { recursive: true });
  writeFileSync(join(`${path}.trial-journal`, 'run-1.jsonl'), trials.slice(0, 12).map((tr) => JSON.stringify(tr)).join('\n') + '\n{"runId":1,"ind');
  store.resetInterruptedRuns('resume', false);
  const outcome = await executeRun(store, 1);
  assert.equal(outcome.replayed, 12);
  assert.equal(await exportText(exportTrials(store, 'resume', 'csv')), expected);
  assert.equal(existsSync(join(`${path}.trial-journal`, 'run-1.jsonl')), false);
});

test('kill -9 of `hpoarena run` mid-run, then run again: identical export, no duplicate trials', async (t) => {
  const dir = tempDir(t);
  const long: ExperimentSpec = { ...spec, nTrials: 60000 };
  const expected = await uninterrupted(dir, long);
  const path = join(dir, 'killed.db');
  const args = ['run', '--optimizers', 'random', '--tasks', 'Pymoo/SO/unconstraint/sphere', '--seeds', '7', '--n-trials', '60000', '--experiment', 'resume', '--workers', '1', '--store', path];
  await killCliMidRun(args, path);
  assert.ok(readdirSync(`${path}.trial-journal`).length >= 1, 'the killed run left its journal');
  const rerun = cli(args);
  assert.equal(rerun.status, 0, rerun.stderr);
  assert.match(rerun.stdout, /trials replayed/);
  const exported = cli(['export', 'resume', '--store', path]);
  assert.equal(exported.status, 0, exported.stderr);
  assert.equal(exported.stdout, expected);
  const db = new Database(path, { readonly: true });
  const { n, nDistinct } = db.prepare('SELECT count(*) AS n, count(DISTINCT idx) AS nDistinct FROM trials').get() as { n: number; nDistinct: number };
  db.close();
  assert.equal(n, 60000);
  assert.equal(nDistinct, 60000);
});
