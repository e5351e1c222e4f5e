import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openSqliteStore, type TrialRecord } from '../../runner/index.js';
import { tempDir } from '../helpers.js';

function trial(runId: number, index: number, extra: Partial<TrialRecord> = {}): TrialRecord {
  return { runId, index, config: { x: index }, fidelity: null, cost: index, status: 'ok', wallTime: 0, virtualTime: 1, budgetUsed: index + 1, info: null, ...extra };
}

test('runTrials: one item per run in id order (runs without trials too), trials in index order across batches', async (t) => {
  const store = openSqliteStore(join(tempDir(t), 'store.db'));
  t.after(() => store.close());
  store.ensureExperiment('e', {});
  store.ensureExperiment('other', {});
  store.addRuns('e', [1, 2, 3].map((seed) => ({ optimizer: 'random', optimizerLabel: 'random', optimizerOptions: {}, task: 't', seed, nTrials: 5 })));
  store.addRuns('other', [{ optimizer: 'random', optimizerLabel: 'random', optimizerOptions: {}, task: 't', seed: 1, nTrials: 5 }]);
  // Run 3 stored before run 1, run 1 in two batches written out of order; run 2 has no trials.
  store.appendTrials([trial(3, 0), trial(3, 1)]);
  store.appendTrials([trial(1, 0), trial(1, 1)]);
  store.appendTrials([trial(1, 2, { simStart: 0.5, simEnd: 2, slot: 1 }), trial(4, 0)]);
  const items: Array<[number, number[]]> = [];
  for await (const { run, trials } of store.runTrials('e')) items.push([run.id, trials.map((x) => x.index)]);
  assert.deepEqual(items, [[1, [0, 1, 2]], [2, []], [3, [0, 1]]]);
  // The optional simulated-clock fields come back as written; records without them have none.
  let first: TrialRecord[] = [];
  for await (const { trials } of store.runTrials('e')) {
    first = trials;
    break;
  }
  assert.deepEqual(first[2], trial(1, 2, { simStart: 0.5, simEnd: 2, slot: 1 }));
  assert.equal('simEnd' in first[0], false);
});
