import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import pg from 'pg';
import { analyzeExperiment, reportTables, toCsv } from '../../analysis/index.js';
import { copyExperiment, exportTrials, openSqliteStore, openStore, runExperiment, type ExperimentSpec, type Store } from '../../runner/index.js';
import { PostgresStore } from '../../runner/store/postgres/postgresStore.js';
import { exportText, tempDir } from '../helpers.js';
import { freshDatabase, skipWithoutPostgres } from '../postgres.js';

const skip = await skipWithoutPostgres();

const spec: ExperimentSpec = {
  experiment: 'both',
  optimizers: [{ name: 'random', label: 'random', options: {} }, { name: 'tpe', label: 'tpe', options: {} }],
  tasks: ['bbob/2/1/0', 'Pymoo/SO/unconstraint/sphere'],
  seeds: [1, 2],
  nTrials: 12,
};

async function exports(store: Store, experiment: string): Promise<string[]> {
  return [await exportText(exportTrials(store, experiment, 'csv')), await exportText(exportTrials(store, experiment, 'jsonl'))];
}

async function tables(store: Store, experiment: string): Promise<string[]> {
  const analysis = await analyzeExperiment(store, experiment, { bootstrapResamples: 20 });
  return reportTables(analysis).map((table) => `${table.name}\n${toCsv(table)}`);
}

async function sql(url: string, text: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text, params);
  } finally {
    await client.end();
  }
}

test('the same experiment with SQLite and PostgreSQL (2 worker threads): byte-identical exports, identical report tables', { skip }, async (t) => {
  const sqlite = openSqliteStore(join(tempDir(t), 'both.db'));
  t.after(() => sqlite.close());
  await runExperiment(sqlite, spec, { workers: 0 });
  const postgres = await openStore(await freshDatabase(t));
  t.after(() => postgres.close());
  const outcome = await runExperiment(postgres, spec, { workers: 2 });
  assert.deepEqual(outcome.outcomes.map((o) => o.status), Array(8).fill('done'));
  assert.equal(postgres.kind, 'postgres');
  const [csv, jsonl] = await exports(postgres, 'both');
  assert.equal(csv.split('\n').length, 8 * 12 + 2, 'header, 96 trials, final newline');
  assert.deepEqual([csv, jsonl], await exports(sqlite, 'both'));
  assert.deepEqual(await tables(postgres, 'both'), await tables(sqlite, 'both'));
  // Running it again resumes nothing and changes nothing.
  const again = await runExperiment(postgres, spec, { workers: 0 });
  assert.equal(again.alreadyDone, 8);
  assert.deepEqual(await exports(postgres, 'both'), [csv, jsonl]);
});

test('store copy: SQLite -> PostgreSQL -> SQLite round-trips byte-identically; again copies nothing; another experiment of that name is refused', { skip }, async (t) => {
  const dir = tempDir(t);
  const source = openSqliteStore(join(dir, 'source.db'));
  t.after(() => source.close());
  await runExperiment(source, spec, { workers: 0 });
  const expected = await exports(source, 'both');
  const url = await freshDatabase(t);
  const middle = await openStore(url);
  t.after(() => middle.close());
  assert.deepEqual(await copyExperiment(source, middle, 'both'), { experiment: 'both', runs: 8, added: 8, updated: 0, trials: 96 });
  assert.deepEqual(await exports(middle, 'both'), expected);
  assert.deepEqual(await copyExperiment(source, middle, 'both'), { experiment: 'both', runs: 8, added: 0, updated: 0, trials: 0 }, 'idempotent');
  const back = openSqliteStore(join(dir, 'back.db'));
  t.after(() => back.close());
  await copyExperiment(middle, back, 'both');
  assert.deepEqual(await exports(back, 'both'), expected);
  assert.deepEqual(back.listRuns('both').map((r) => [r.status, r.startedAt, r.finishedAt, r.budgetUsed]), source.listRuns('both').map((r) => [r.status, r.startedAt, r.finishedAt, r.budgetUsed]));

  // A partial copy (a run caught mid-way) is completed by the next copy.
  const partial = openSqliteStore(join(dir, 'partial.db'));
  t.after(() => partial.close());
  await copyExperiment(source, partial, 'both');
  partial.deleteTrialsFrom(1, 5);
  partial.setRunState(1, { ...partial.getRun(1), status: 'interrupted' });
  assert.deepEqual(await copyExperiment(middle, partial, 'both'), { experiment: 'both', runs: 8, added: 0, updated: 1, trials: 7 });
  assert.deepEqual(await exports(partial, 'both'), expected);

  const other = openSqliteStore(join(dir, 'other.db'));
  t.after(() => other.close());
  await runExperiment(other, { ...spec, nTrials: 10 }, { workers: 0 });
  await assert.rejects(copyExperiment(other, middle, 'both'), /already has a different experiment named 'both' \(run random on bbob\/2\/1\/0 seed 1 has other settings: n_trials.*nothing was copied/);
  await runExperiment(other, { ...spec, experiment: 'seeds', seeds: [3] }, { workers: 0 });
  await copyExperiment(other, middle, 'seeds');
  await runExperiment(other, { ...spec, experiment: 'seeds', seeds: [4] }, { workers: 0 });
  await assert.rejects(copyExperiment(middle, other, 'seeds'), /run random on bbob\/2\/1\/0 seed 4 is not in/);
  assert.deepEqual(await exports(middle, 'both'), expected, 'nothing lost');
});

test('a run interrupted on PostgreSQL resumes by replay to the identical result; a live lease is not taken over', { skip }, async (t) => {
  const one: ExperimentSpec = { ...spec, experiment: 'resume', optimizers: [spec.optimizers[0]], tasks: ['Pymoo/SO/unconstraint/sphere'], seeds: [7], nTrials: 40 };
  const reference = openSqliteStore(join(tempDir(t), 'reference.db'));
  t.after(() => reference.close());
  await runExperiment(reference, one, { workers: 0 });
  const url = await freshDatabase(t);
  const store = await openStore(url);
  t.after(() => store.close());
  await runExperiment(store, one, { workers: 0 });
  const [run] = await store.listRuns('resume');
  // What a worker that died after 15 trials leaves, while its lease is still alive: not taken over.
  await store.deleteTrialsFrom(run.id, 15);
  await sql(url, "UPDATE runs SET status = 'running', finished_at = NULL, lease_until = now() + interval '1 hour' WHERE id = $1", [run.id]);
  assert.equal(await store.resetInterruptedRuns('resume', false), 0);
  // Once its lease has expired, the next run takes it over and replays the 15 stored trials.
  await sql(url, "UPDATE runs SET lease_until = now() - interval '1 second' WHERE id = $1", [run.id]);
  const outcome = await runExperiment(store, one, { workers: 0 });
  assert.deepEqual(outcome.outcomes.map((o) => [o.status, o.replayed]), [['done', 15]]);
  assert.deepEqual(await exports(store, 'resume'), await exports(reference, 'resume'));
  const { rows } = await sql(url, 'SELECT attempts, worker FROM runs WHERE id = $1', [run.id]);
  assert.equal(rows[0].attempts, 2);
  assert.match(rows[0].worker, /:\d+$/, 'host:pid of the claimer');
});

test('on PostgreSQL, when a resumed optimizer diverges from the record, the rest of the record is discarded', { skip }, async (t) => {
  const one: ExperimentSpec = { ...spec, experiment: 'diverge', optimizers: [spec.optimizers[0]], tasks: ['Pymoo/SO/unconstraint/sphere'], seeds: [7], nTrials: 40 };
  const reference = openSqliteStore(join(tempDir(t), 'reference.db'));
  t.after(() => reference.close());
  await runExperiment(reference, one, { workers: 0 });
  const url = await freshDatabase(t);
  const store = await openStore(url);
  t.after(() => store.close());
  await runExperiment(store, one, { workers: 0 });
  const [run] = await store.listRuns('diverge');
  await store.deleteTrialsFrom(run.id, 30);
  // Trial 10's record now holds a config the optimizer never proposes.
  const { rows } = await sql(url, 'SELECT first_idx, trials FROM trial_batches WHERE run_id = $1 AND first_idx <= 10 AND first_idx + n > 10', [run.id]);
  const trials = JSON.parse(rows[0].trials);
  trials[10 - rows[0].first_idx].config = Object.fromEntries(Object.keys(trials[0].config).map((k) => [k, 0.5]));
  await sql(url, 'UPDATE trial_batches SET trials = $1 WHERE run_id = $2 AND first_idx = $3', [JSON.stringify(trials), run.id, rows[0].first_idx]);
  await sql(url, "UPDATE runs SET status = 'interrupted' WHERE id = $1", [run.id]);
  const outcome = await runExperiment(store, one, { workers: 0 });
  assert.deepEqual(outcome.outcomes.map((o) => [o.status, o.replayed]), [['done', 10]]);
  assert.deepEqual(await exports(store, 'diverge'), await exports(reference, 'diverge'));
});

test('claims across connections: each run has exactly one winner; claimNextRun hands out distinct runs', { skip }, async (t) => {
  const url = await freshDatabase(t);
  const [a, b] = [await PostgresStore.open(url), await PostgresStore.open(url)];
  t.after(async () => {
    await a.close();
    await b.close();
  });
  await a.ensureExperiment('claims', {});
  const runs = Array.from({ length: 30 }, (_, seed) => ({ optimizer: 'random', optimizerLabel: 'random', optimizerOptions: {}, task: 'x', seed, nTrials: 5 }));
  assert.equal(await a.addRuns('claims', runs), 30);
  assert.equal(await b.addRuns('claims', runs), 0, 'adding again adds nothing');
  const ids = (await a.listRuns('claims')).map((r) => r.id);
  assert.deepEqual((await a.listRuns('claims')).map((r) => r.seed), runs.map((r) => r.seed), 'ids follow the plan order');
  const half = ids.slice(0, 15);
  const claims = await Promise.all(half.flatMap((id) => [a.claimRunWithTrials(id, { worker: 'a' }), b.claimRunWithTrials(id, { worker: 'b' })]));
  for (let i = 0; i < half.length; i++) assert.equal([claims[2 * i], claims[2 * i + 1]].filter(Boolean).length, 1, `run ${half[i]} has one winner`);
  const taken: number[] = [];
  const drain = async (store: PostgresStore, worker: string) => {
    for (let next = await store.claimNextRun('claims', { worker }); next; next = await store.claimNextRun('claims', { worker })) taken.push(next.run.id);
  };
  await Promise.all([drain(a, 'a'), drain(b, 'b')]);
  assert.deepEqual(taken.sort((x, y) => x - y), ids.slice(15));
  const leases = await a.leases('claims');
  assert.equal(leases.length, 30);
  assert.ok(leases.every((l) => !l.expired && (l.worker === 'a' || l.worker === 'b')));
  // A run whose worker died (its lease expired) is taken over by the next claim, exactly once.
  assert.equal(await b.claimRunWithTrials(ids[0], { worker: 'b' }), undefined, 'a live lease is not taken over');
  await sql(url, "UPDATE runs SET lease_until = now() - interval '1 second' WHERE id = $1", [ids[0]]);
  const takeovers = await Promise.all([a.claimRunWithTrials(ids[0], { worker: 'a2' }), b.claimRunWithTrials(ids[0], { worker: 'b2' })]);
  assert.equal(takeovers.filter(Boolean).length, 1);
  const { rows } = await sql(url, 'SELECT attempts, worker FROM runs WHERE id = $1', [ids[0]]);
  assert.equal(rows[0].attempts, 2);
  assert.match(rows[0].worker, /^(a2|b2)$/);
});
