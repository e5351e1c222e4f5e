import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { exportParquet, PARQUET_COLUMNS } from '../../analysis/index.js';
import { exportTrials, openSqliteStore, type TrialRecord } from '../../runner/index.js';
import { exportText, tempDir } from '../helpers.js';

const TASK = 'Pymoo/SO/unconstraint/sphere';

test('exportParquet streams row groups (1,000 rows, then 100,000): every trial, in order, normalized per task over all runs', async (t) => {
  const dir = tempDir(t);
  const store = openSqliteStore(join(dir, 'store.db'));
  t.after(() => store.close());
  store.ensureExperiment('big', {});
  store.addRuns('big', [1, 2, 3].map((seed) => ({ optimizer: 'random', optimizerLabel: 'random', optimizerOptions: {}, task: TASK, seed, nTrials: 450 })));
  for (const runId of [1, 2, 3]) {
    store.appendTrials(Array.from({ length: 450 }, (_, index): TrialRecord => ({
      runId, index, config: { x: index }, fidelity: null, cost: runId * 1000 + index, status: 'ok', wallTime: 0, virtualTime: 1, budgetUsed: index + 1, info: null,
    })));
    store.finishRun(runId, 'done', 450);
  }
  const file = join(dir, 'big.parquet');
  assert.equal(await exportParquet(store, 'big', file), 1350);
  const buffer = await asyncBufferFromFile(file);
  const metadata = await parquetMetadataAsync(buffer);
  assert.deepEqual(metadata.row_groups.map((g) => Number(g.num_rows)), [1000, 350]);
  const rows = (await parquetReadObjects({ file: buffer })) as Array<Record<string, any>>;
  const csv = (await exportText(exportTrials(store, 'big', 'csv'))).trimEnd().split('\n').slice(1);
  assert.equal(rows.length, csv.length);
  assert.deepEqual(rows.map((r) => [Number(r.experiment_id), Number(r.n_function_calls)]), [1, 2, 3].flatMap((id) => Array.from({ length: 450 }, (_, i) => [id, i + 1])));
  // Costs span 1000..3449 over the three runs: the first row of run 1 is 0, the last of run 3 is ~1.
  assert.equal(rows[0].trial_value__cost_norm, 0);
  assert.ok(Math.abs(rows.at(-1)!.trial_value__cost_norm - 1) < 1e-9);
  assert.deepEqual(Object.keys(rows[0]), [...PARQUET_COLUMNS]);
});

test('exportParquet: simulated start and end of parallel trials, and their worker slot', async (t) => {
  const dir = tempDir(t);
  const store = openSqliteStore(join(dir, 'store.db'));
  t.after(() => store.close());
  store.ensureExperiment('k2', {});
  store.addRuns('k2', [{ optimizer: 'random', optimizerLabel: 'random', optimizerOptions: {}, task: TASK, seed: 1, nTrials: 3 }]);
  const ends = [2, 3, 5];
  store.appendTrials(ends.map((end, index): TrialRecord => ({
    runId: 1, index, config: { x: index }, fidelity: null, cost: 3 - index, status: 'ok', wallTime: 0, virtualTime: 2, budgetUsed: index + 1, info: null,
    simStart: end - 2, simEnd: end, slot: index % 2,
  })));
  store.finishRun(1, 'done', 3);
  const file = join(dir, 'k2.parquet');
  await exportParquet(store, 'k2', file);
  const rows = (await parquetReadObjects({ file: await asyncBufferFromFile(file) })) as Array<Record<string, any>>;
  assert.deepEqual(rows.map((r) => [r.trial_value__starttime, r.trial_value__endtime, Number(r.hpoarena_slot)]), [[0, 2, 0], [1, 3, 1], [3, 5, 0]]);
  assert.deepEqual(Object.keys(rows[0]), [...PARQUET_COLUMNS, 'hpoarena_slot']);
});
