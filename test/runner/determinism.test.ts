import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { exportTrials, openSqliteStore, runExperiment, type ExperimentSpec } from '../../runner/index.js';
import { tempDir, exportText } from '../helpers.js';

const spec: ExperimentSpec = {
  experiment: 'det',
  optimizers: [{ name: 'random', label: 'random', options: {} }],
  tasks: ['Pymoo/SO/*'],
  seeds: [1, 2],
  nTrials: 25,
};

async function exportOf(dir: string, name: string, workers: number, s: ExperimentSpec = spec): Promise<string> {
  const store = openSqliteStore(join(dir, `${name}.db`));
  try {
    const outcome = await runExperiment(store, s, { workers });
    assert.deepEqual(outcome.outcomes.filter((o) => o.status !== "done").map((o) => o.error), []);
    return await exportText(exportTrials(store, s.experiment, 'csv'));
  } finally {
    store.close();
  }
}

test('same seed gives identical exports with 0, 1 and 2 workers', async (t) => {
  const dir = tempDir(t);
  const inline = await exportOf(dir, 'w0', 0);
  const one = await exportOf(dir, 'w1', 1);
  const two = await exportOf(dir, 'w2', 2);
  assert.equal(one, inline);
  assert.equal(two, inline);
  assert.equal(inline.trim().split('\n').length, 1 + 8 * 2 * 25);
});

test('a different seed gives different trials', async (t) => {
  const dir = tempDir(t);
  const a = await exportOf(dir, 'a', 0, { ...spec, seeds: [1] });
  const b = await exportOf(dir, 'b', 0, { ...spec, seeds: [3] });
  assert.notEqual(a.replace(/,1,/g, ','), b.replace(/,3,/g, ','));
});

test('re-running an experiment skips finished runs and stores nothing twice', async (t) => {
  const dir = tempDir(t);
  const store = openSqliteStore(join(dir, 's.db'));
  t.after(() => store.close());
  const first = await runExperiment(store, spec, { workers: 0 });
  assert.equal(first.outcomes.length, 16);
  const second = await runExperiment(store, spec, { workers: 0 });
  assert.equal(second.outcomes.length, 0);
  assert.equal(second.alreadyDone, 16);
  assert.equal(store.countTrials('det'), 16 * 25);
});
