import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openSqliteStore, runExperiment, type ExperimentSpec } from '../../runner/index.js';
import { FAULTY_PLUGIN, tempDir } from '../helpers.js';

function spec(optimizers: string[], tasks: string[], extra: Partial<ExperimentSpec> = {}): ExperimentSpec {
  return { experiment: 'faults', optimizers: optimizers.map((name) => ({ name, label: name, options: {} })), tasks, seeds: [1, 2], ...extra };
}

test('a throwing optimizer or task fails its own run with the error stored; other runs finish', async (t) => {
  const store = openSqliteStore(join(tempDir(t), 'f.db'));
  t.after(() => store.close());
  const outcome = await runExperiment(store, spec(['random', 'test-throws-at-5'], ['Pymoo/SO/unconstraint/sphere', 'test/throwing-task']), { workers: 2, plugins: [FAULTY_PLUGIN] });
  const runs = store.listRuns('faults');
  assert.equal(outcome.outcomes.length, 8);
  const byKey = (opt: string, task: string) => runs.filter((r) => r.optimizer === opt && r.task === task);
  for (const run of byKey('random', 'Pymoo/SO/unconstraint/sphere')) assert.equal(run.status, 'done');
  for (const run of byKey('test-throws-at-5', 'Pymoo/SO/unconstraint/sphere')) {
    assert.equal(run.status, 'failed');
    assert.match(run.error ?? '', /optimizer exploded on purpose/);
    assert.equal(store.trials(run.id).length, 5, 'the 5 trials before the failure are kept');
  }
  for (const run of byKey('random', 'test/throwing-task')) {
    assert.equal(run.status, 'failed');
    assert.match(run.error ?? '', /task exploded on purpose/);
  }
});

test('NaN costs become crashed trials and the run goes on', async (t) => {
  const store = openSqliteStore(join(tempDir(t), 'nan.db'));
  t.after(() => store.close());
  await runExperiment(store, spec(['random'], ['test/nan-task']), { workers: 0, plugins: [FAULTY_PLUGIN] });
  const [run] = store.listRuns('faults');
  assert.equal(run.status, 'done');
  const trials = store.trials(run.id);
  assert.equal(trials.length, 20);
  const crashed = trials.filter((tr) => tr.status === 'crashed');
  assert.ok(crashed.length > 0 && crashed.length < 20);
  for (const tr of crashed) {
    assert.equal(tr.cost, null);
    assert.ok((tr.config.x as number) > 0.5);
  }
});

test('a run above the worker memory limit fails as memoryout; the others finish', async (t) => {
  const store = openSqliteStore(join(tempDir(t), 'mem.db'));
  t.after(() => store.close());
  await runExperiment(store, spec(['random', 'test-memory-hog'], ['Pymoo/SO/unconstraint/sphere'], { nTrials: 30 }), { workers: 2, memoryLimitMb: 64, plugins: [FAULTY_PLUGIN] });
  const runs = store.listRuns('faults');
  for (const run of runs.filter((r) => r.optimizer === 'random')) assert.equal(run.status, 'done');
  for (const run of runs.filter((r) => r.optimizer === 'test-memory-hog')) {
    assert.equal(run.status, 'failed');
    assert.match(run.error ?? '', /memoryout/);
  }
});

test('when every worker dies in a run, fresh workers execute the runs still waiting', async (t) => {
  const store = openSqliteStore(join(tempDir(t), 'mem-first.db'));
  t.after(() => store.close());
  // Both hogs are taken first (one per worker) and kill their workers; the random runs come after.
  const outcome = await runExperiment(store, spec(['test-memory-hog', 'random'], ['Pymoo/SO/unconstraint/sphere'], { nTrials: 30, seeds: [1, 2, 3] }), { workers: 2, memoryLimitMb: 64, plugins: [FAULTY_PLUGIN] });
  const runs = store.listRuns('faults');
  assert.deepEqual(outcome.outcomes.map((o) => o.status), runs.map((r) => (r.optimizer === 'random' ? 'done' : 'failed')));
  for (const run of runs.filter((r) => r.optimizer === 'random')) {
    assert.equal(run.status, 'done');
    assert.equal(store.trials(run.id).length, 30);
  }
  for (const run of runs.filter((r) => r.optimizer === 'test-memory-hog')) assert.match(run.error ?? '', /memoryout/);
});

test('an async trial slower than the per-trial timeout ends with status timeout', async (t) => {
  const store = openSqliteStore(join(tempDir(t), 'timeout.db'));
  t.after(() => store.close());
  await runExperiment(store, spec(['random'], ['test/slow-async-task'], { seeds: [1], nTrials: 10, trialTimeout: 0.1 }), { workers: 0, plugins: [FAULTY_PLUGIN] });
  const [run] = store.listRuns('faults');
  assert.equal(run.status, 'done');
  for (const tr of store.trials(run.id)) {
    assert.equal(tr.status, (tr.config.x as number) > 0.5 ? 'timeout' : 'ok');
  }
});
