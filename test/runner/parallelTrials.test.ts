import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { exportParquet, PARQUET_COLUMNS } from '../../analysis/index.js';
import { SpecError } from '../../core/index.js';
import { exportTrials, loadPlugins, openSqliteStore, openStore, planExperiment, runExperiment, seedOfTrial, trialSeed, type ExperimentSpec, type TrialRecord } from '../../runner/index.js';
import { GOLDEN_PLUGIN, cli, exportText, killCliMidRun, tempDir } from '../helpers.js';
import { freshDatabase, skipWithoutPostgres } from '../postgres.js';

// The golden collection (tasks without a declared simulated time), here and in pool workers.
await loadPlugins([GOLDEN_PLUGIN]);

/** Asynchronous and synchronous multi-fidelity methods, a model with a constant liar, a QMC design; mfh reports a fidelity cost, bbob has the unit cost model. */
const spec: ExperimentSpec = {
  experiment: 'parallel',
  optimizers: ['random', 'asha', 'hyperband', 'dehb', 'tpe', 'sobol'].map((name) => ({ name, label: name, options: {} })),
  tasks: ['mfpbench/SO/mfh/mfh3_good', 'golden/mf'],
  seeds: [1, 2],
  nTrials: 30,
  parallelTrials: 4,
};

async function exportOf(dir: string, name: string, workers: number, s: ExperimentSpec = spec): Promise<string> {
  const store = openSqliteStore(join(dir, `${name}.db`));
  try {
    const outcome = await runExperiment(store, s, { workers, plugins: [GOLDEN_PLUGIN] });
    assert.deepEqual(outcome.outcomes.filter((o) => o.status !== 'done').map((o) => o.error), []);
    return await exportText(exportTrials(store, s.experiment, 'csv'));
  } finally {
    store.close();
  }
}

function storedTrials(path: string, experiment: string): Map<number, TrialRecord[]> {
  const store = openSqliteStore(path, { readonly: true });
  try {
    return new Map(store.listRuns(experiment).map((run) => [run.id, store.trials(run.id)]));
  } finally {
    store.close();
  }
}

test('K = 4: identical exports with 0, 1 and 2 pool workers, with sim_start, sim_end and slot columns', async (t) => {
  const dir = tempDir(t);
  const inline = await exportOf(dir, 'w0', 0);
  assert.equal(await exportOf(dir, 'w1', 1), inline);
  assert.equal(await exportOf(dir, 'w2', 2), inline);
  const [header] = inline.split('\n');
  assert.equal(header, 'experiment,optimizer,task,seed,trial,config,fidelity,cost,status,budget_used,virtual_time,sim_start,sim_end,slot');
});

test('K = 4: trials are stored in tell order, at most 4 overlap, slots 0..3, n_trials counts asked trials', async (t) => {
  const dir = tempDir(t);
  await exportOf(dir, 'order', 0);
  for (const [runId, trials] of storedTrials(join(dir, 'order.db'), 'parallel')) {
    let previousEnd = 0;
    for (const trial of trials) {
      assert.ok(trial.simEnd! >= previousEnd, `run ${runId}: trial ${trial.index} ends before the trial told before it`);
      previousEnd = trial.simEnd!;
      assert.ok(trial.simStart! <= trial.simEnd!);
      assert.ok(Number.isInteger(trial.slot) && trial.slot! >= 0 && trial.slot! < 4);
      const overlapping = trials.filter((o) => o.simStart! <= trial.simStart! && o.simEnd! > trial.simStart!);
      assert.ok(overlapping.length <= 4, `run ${runId}: ${overlapping.length} trials in flight at ${trial.simStart}`);
      const sameSlot = trials.filter((o) => o !== trial && o.slot === trial.slot && o.simStart! < trial.simEnd! && o.simEnd! > trial.simStart!);
      assert.deepEqual(sameSlot, [], `run ${runId}: slot ${trial.slot} holds two trials at once`);
    }
    assert.ok(Math.abs(trials.at(-1)!.budgetUsed - 30) < 1e-9 || trials.at(-1)!.budgetUsed >= 30, `run ${runId} used ${trials.at(-1)!.budgetUsed} of 30`);
  }
});

test('K = 4 on a multi-fidelity task: the asynchronous runs finish their n_trials sooner on the simulated clock than one at a time would', async (t) => {
  const dir = tempDir(t);
  await exportOf(dir, 'speed', 0, { ...spec, optimizers: [{ name: 'asha', label: 'asha', options: {} }], tasks: ['mfpbench/SO/mfh/mfh3_good'], seeds: [1] });
  const [trials] = [...storedTrials(join(dir, 'speed.db'), 'parallel').values()];
  const sequential = trials.reduce((sum, trial) => sum + trial.virtualTime, 0);
  const makespan = Math.max(...trials.map((trial) => trial.simEnd!));
  assert.ok(makespan < sequential / 2, `makespan ${makespan} vs ${sequential} one at a time`);
});

test('K = 1 stores trials exactly as before (no simulated-clock fields, no extra export columns)', async (t) => {
  const dir = tempDir(t);
  const csv = await exportOf(dir, 'k1', 0, { ...spec, parallelTrials: 1, seeds: [1] });
  assert.equal(csv.split('\n')[0], 'experiment,optimizer,task,seed,trial,config,fidelity,cost,status,budget_used,virtual_time');
  for (const trials of storedTrials(join(dir, 'k1.db'), 'parallel').values()) {
    for (const trial of trials) assert.deepEqual(Object.keys(trial).filter((k) => k.startsWith('sim') || k === 'slot'), []);
  }
  const db = new Database(join(dir, 'k1.db'), { readonly: true });
  assert.deepEqual(db.prepare('SELECT DISTINCT parallel_trials FROM runs').all(), [{ parallel_trials: null }]);
  db.close();
});

/** Puts finished runs back into the state a crash after `keep` told trials leaves. */
function crashAfter(path: string, experiment: string, keep: number): void {
  const store = openSqliteStore(path);
  for (const run of store.listRuns(experiment)) store.deleteTrialsFrom(run.id, keep);
  store.close();
  const db = new Database(path);
  db.prepare("UPDATE runs SET status = 'running', finished_at = NULL").run();
  db.close();
}

test('K = 4: a run interrupted after 13 told trials (3 in flight lost) resumes by replay to the identical export', async (t) => {
  const dir = tempDir(t);
  const expected = await exportOf(dir, 'reference', 0);
  const path = join(dir, 'crashed.db');
  const store = openSqliteStore(path);
  t.after(() => store.close());
  await runExperiment(store, spec, { workers: 0 });
  crashAfter(path, 'parallel', 13);
  const outcome = await runExperiment(store, spec, { workers: 0 });
  assert.deepEqual(outcome.outcomes.map((o) => o.replayed), outcome.outcomes.map(() => 13));
  assert.equal(await exportText(exportTrials(store, 'parallel', 'csv')), expected);
});

test('K = 4: when the optimizer diverges from the record, the rest of the record is discarded and the run continues live', async (t) => {
  const dir = tempDir(t);
  const one: ExperimentSpec = { ...spec, optimizers: [{ name: 'random', label: 'random', options: {} }], tasks: ['mfpbench/SO/mfh/mfh3_good'], seeds: [1] };
  const expected = await exportOf(dir, 'reference', 0, one);
  const path = join(dir, 'tampered.db');
  const store = openSqliteStore(path);
  t.after(() => store.close());
  await runExperiment(store, one, { workers: 0 });
  crashAfter(path, 'parallel', 20);
  const db = new Database(path);
  assert.equal(db.prepare(`UPDATE trial_batches SET trials = json_set(trials, '$[8].config.x0', 0.123456) WHERE first_idx = 0`).run().changes, 1);
  db.close();
  const outcome = await runExperiment(store, one, { workers: 0 });
  assert.equal(outcome.outcomes[0].replayed, 8);
  assert.equal(await exportText(exportTrials(store, 'parallel', 'csv')), expected);
});

test('K = 4 with --time-budget: the simulated clock stops the run; no stored trial ends after the budget', async (t) => {
  const dir = tempDir(t);
  const timed: ExperimentSpec = { ...spec, optimizers: [{ name: 'asha', label: 'asha', options: {} }], tasks: ['mfpbench/SO/mfh/mfh3_good'], seeds: [1], nTrials: 1000, timeBudget: 3 };
  await exportOf(dir, 'timed', 0, timed);
  const [trials] = [...storedTrials(join(dir, 'timed.db'), 'parallel').values()];
  assert.ok(trials.length > 4, `only ${trials.length} trials`);
  assert.ok(trials.length < 1000);
  assert.ok(trials.every((trial) => trial.simEnd! <= 3));
});

test('kill -9 of `hpoarena run --parallel-trials 4` mid-run, then run again: identical export, no duplicate trials', async (t) => {
  const dir = tempDir(t);
  const n = 40000;
  const long: ExperimentSpec = { experiment: 'killed', optimizers: [{ name: 'random', label: 'random', options: {} }], tasks: ['Pymoo/SO/unconstraint/sphere'], seeds: [7], nTrials: n, parallelTrials: 4 };
  const expected = await exportOf(dir, 'reference', 0, long);
  const path = join(dir, 'killed.db');
  const args = ['run', '--optimizers', 'random', '--tasks', 'Pymoo/SO/unconstraint/sphere', '--seeds', '7', '--n-trials', String(n), '--parallel-trials', '4', '--experiment', 'killed', '--workers', '1', '--store', path];
  await killCliMidRun(args, path);
  const rerun = cli(args);
  assert.equal(rerun.status, 0, rerun.stderr);
  assert.match(rerun.stdout, /trials replayed/);
  const exported = cli(['export', 'killed', '--store', path]);
  assert.equal(exported.status, 0, exported.stderr);
  assert.equal(exported.stdout, expected);
  const db = new Database(path, { readonly: true });
  const { count, different } = db.prepare('SELECT count(*) AS count, count(DISTINCT idx) AS different FROM trials').get() as { count: number; different: number };
  db.close();
  assert.equal(count, n);
  assert.equal(different, n);
});

test('bad input: K < 1, K > 1 with an optimizer that needs each tell first, a simulated time budget on a task without simulated time', async () => {
  await assert.rejects(planExperiment({ ...spec, parallelTrials: 0 }), (e: Error) => e instanceof SpecError && /--parallel-trials must be a positive integer.*got 0/.test(e.message));
  await assert.rejects(
    planExperiment({ ...spec, optimizers: [{ name: 'cmaes', label: 'cmaes', options: {} }], tasks: ['bbob/2/1/0'] }),
    (e: Error) => e instanceof SpecError && /Optimizer 'cmaes' cannot run with 4 parallel trials.*random, sobol, halton, lhs, tpe/.test(e.message),
  );
  await assert.rejects(
    planExperiment({ ...spec, optimizers: [{ name: 'random', label: 'random', options: {} }], tasks: ['golden/bb'], timeBudget: 10 }),
    (e: Error) => e instanceof SpecError && /Task 'golden\/bb' reports no simulated time.*drop --time-budget/.test(e.message),
  );
  // Without a time budget such a task runs on the unit cost model; with K = 1 the time budget is wall + virtual time as before.
  await planExperiment({ ...spec, optimizers: [{ name: 'random', label: 'random', options: {} }], tasks: ['golden/bb'] });
  await planExperiment({ ...spec, parallelTrials: 1, optimizers: [{ name: 'random', label: 'random', options: {} }], tasks: ['golden/bb'], timeBudget: 10 });
  // A per-optimizer K overrides the experiment's: cmaes one at a time next to asynchronous random search.
  const plan = await planExperiment({ ...spec, optimizers: [{ name: 'cmaes', label: 'cmaes', options: {}, parallelTrials: 1 }, { name: 'random', label: 'random', options: {} }], tasks: ['bbob/2/1/0'] });
  assert.deepEqual(plan.runs.map((r) => [r.optimizer, r.parallelTrials ?? 1]), [['cmaes', 1], ['cmaes', 1], ['random', 4], ['random', 4]]);
});

test('bad input on the command line: one message each, no stack trace', (t) => {
  const store = join(tempDir(t), 's.db');
  const base = ['run', '--tasks', 'bbob/2/1/0', '--n-trials', '5', '--store', store, '--workers', '0'];
  const zero = cli([...base, '--optimizers', 'random', '--parallel-trials', '0']);
  assert.notEqual(zero.status, 0, zero.stderr);
  assert.match(zero.stderr, /--parallel-trials must be a positive integer, got "0"/);
  const cmaes = cli([...base, '--optimizers', 'cmaes', '--parallel-trials', '4']);
  assert.notEqual(cmaes.status, 0);
  assert.match(cmaes.stderr, /Optimizer 'cmaes' cannot run with 4 parallel trials/);
  for (const r of [zero, cmaes]) assert.doesNotMatch(r.stderr, /\n\s+at /);
});

test('a schema-2 store is upgraded in place: runs.parallel_trials (NULL: one at a time) and the trials view with sim_start, sim_end, slot', async (t) => {
  const path = join(tempDir(t), 'old.db');
  await exportOf(join(path, '..'), 'old', 0, { ...spec, parallelTrials: 1, seeds: [1], optimizers: [{ name: 'random', label: 'random', options: {} }] });
  const db = new Database(path);
  db.exec("ALTER TABLE runs DROP COLUMN parallel_trials; DROP VIEW trials; CREATE VIEW trials AS SELECT run_id, first_idx AS idx FROM trial_batches; PRAGMA user_version = 2;");
  db.close();
  const before = await exportOf(join(path, '..'), 'old', 0, { ...spec, parallelTrials: 1, seeds: [1], optimizers: [{ name: 'random', label: 'random', options: {} }] });
  const upgraded = new Database(path, { readonly: true });
  assert.equal(upgraded.pragma('user_version', { simple: true }), 3);
  assert.deepEqual(upgraded.prepare('SELECT DISTINCT parallel_trials FROM runs').all(), [{ parallel_trials: null }]);
  assert.deepEqual(upgraded.prepare('SELECT DISTINCT sim_start, sim_end, slot FROM trials').all(), [{ sim_start: null, sim_end: null, slot: null }]);
  upgraded.close();
  assert.match(before, /^experiment,optimizer,task,seed,trial,config,fidelity,cost,status,budget_used,virtual_time\n/);
});

test('re-running an experiment with another K is refused with the difference named (or planned anew with --replan)', async (t) => {
  const store = openSqliteStore(join(tempDir(t), 's.db'));
  t.after(() => store.close());
  const small: ExperimentSpec = { ...spec, optimizers: [{ name: 'random', label: 'random', options: {} }], tasks: ['bbob/2/1/0'], seeds: [1], nTrials: 8, parallelTrials: 1 };
  await runExperiment(store, small, { workers: 0 });
  await assert.rejects(runExperiment(store, { ...small, parallelTrials: 4 }, { workers: 0 }), /random: parallel_trials: stored 1, given 4/);
  const replanned = await runExperiment(store, { ...small, parallelTrials: 4 }, { workers: 0, replan: true });
  assert.equal(replanned.outcomes[0].status, 'done');
  assert.equal(store.listRuns(small.experiment)[0].parallelTrials, 4);
  assert.ok(store.trials(store.listRuns(small.experiment)[0].id).every((trial) => trial.slot !== undefined));
});

test('Parquet export: CARP-S start and end times are the simulated ones, hpoarena_slot the worker slot (absent for K = 1), trial_info__seed the seed each trial was asked with', async (t) => {
  const dir = tempDir(t);
  const small: ExperimentSpec = { ...spec, optimizers: [{ name: 'asha', label: 'asha', options: {} }], tasks: ['mfpbench/SO/mfh/mfh3_good'], seeds: [1] };
  for (const k of [4, 1]) {
    await exportOf(dir, `k${k}`, 0, { ...small, parallelTrials: k });
    const store = openSqliteStore(join(dir, `k${k}.db`), { readonly: true });
    const file = join(dir, `k${k}.parquet`);
    const trials = store.trials(store.listRuns('parallel')[0].id);
    await exportParquet(store, 'parallel', file);
    store.close();
    const rows = (await parquetReadObjects({ file: await asyncBufferFromFile(file) })) as Array<Record<string, unknown>>;
    assert.equal(rows.length, trials.length);
    // Every told trial's seed is the one it was asked with: the seeds of asks 0..n-1, in tell order for K = 4.
    const seeds = rows.map((row) => Number(row.trial_info__seed));
    const asked = trials.map((_, i) => trialSeed(1, i));
    assert.deepEqual([...seeds].sort(), [...asked].sort());
    if (k === 1) {
      assert.deepEqual(seeds, asked);
      assert.ok(trials.every((trial) => !('seed' in trial)), 'K = 1 records keep their old form');
      assert.deepEqual(Object.keys(rows[0]), [...PARQUET_COLUMNS]);
      assert.ok(rows.every((row) => row.trial_value__starttime === 0 && row.trial_value__endtime === 0));
      continue;
    }
    assert.notDeepEqual(seeds, asked, 'with 4 in flight the tell order differs from the ask order');
    assert.deepEqual(seeds, trials.map((trial) => seedOfTrial(1, trial)));
    assert.deepEqual(Object.keys(rows[0]), [...PARQUET_COLUMNS, 'hpoarena_slot']);
    rows.forEach((row, i) => {
      assert.equal(row.trial_value__starttime, trials[i].simStart);
      assert.equal(row.trial_value__endtime, trials[i].simEnd);
      assert.equal(Number(row.hpoarena_slot), trials[i].slot);
    });
  }
});

test('K = 4 on PostgreSQL: the same export as on SQLite (parallel_trials and the simulated clock stored alike), resume included', { skip: await skipWithoutPostgres() }, async (t) => {
  const dir = tempDir(t);
  const small: ExperimentSpec = { ...spec, tasks: ['mfpbench/SO/mfh/mfh3_good'], seeds: [1] };
  const expected = await exportOf(dir, 'sqlite', 0, small);
  const url = await freshDatabase(t);
  const store = await openStore(url);
  try {
    await runExperiment(store, small, { workers: 0 });
    assert.equal(await exportText(exportTrials(store, small.experiment, 'csv')), expected);
    assert.ok((await store.listRuns(small.experiment)).every((run) => run.parallelTrials === 4));
    // A crash after 11 told trials of every run: they resume by replay to the same export.
    for (const run of await store.listRuns(small.experiment)) await store.deleteTrialsFrom(run.id, 11);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("UPDATE runs SET status = 'running', finished_at = NULL");
    await client.end();
    const resumed = await runExperiment(store, small, { workers: 0 });
    assert.deepEqual(resumed.outcomes.map((o) => o.replayed), resumed.outcomes.map(() => 11));
    assert.equal(await exportText(exportTrials(store, small.experiment, 'csv')), expected);
  } finally {
    await store.close();
  }
});
