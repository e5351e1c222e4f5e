import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { csvLine } from '../../core/index.js';
import { exportTrials, openSqliteStore, runExperiment } from '../../runner/index.js';
import { tempDir, toArray } from '../helpers.js';

test('csvLine: empty for missing and NaN, inf for infinite, JSON for objects, line ending as asked', () => {
  assert.equal(csvLine([null, undefined, NaN, Infinity, -Infinity, -1.5, [1, 2]]), ',,,inf,-inf,-1.5,"[1,2]"\n');
  assert.equal(csvLine(['a', 'b'], '\r\n'), 'a,b\r\n');
});

test('trial exports use the one CSV writer: a formula-like label is guarded in CSV, raw in JSON lines', async (t) => {
  const store = openSqliteStore(join(tempDir(t), 'e.db'));
  t.after(() => store.close());
  const spec = { experiment: 'guard', optimizers: [{ name: 'random', label: '=cmd', options: {} }], tasks: ['Pymoo/SO/unconstraint/ackley'], seeds: [1], nTrials: 2 };
  await runExperiment(store, spec, { workers: 0 });
  const csv = await toArray(exportTrials(store, 'guard', 'csv'));
  assert.equal(csv.length, 3);
  assert.match(csv[1], /^guard,'=cmd,Pymoo\/SO\/unconstraint\/ackley,1,0,/);
  const jsonl = (await toArray(exportTrials(store, 'guard', 'jsonl'))).map((line) => JSON.parse(line));
  assert.equal(jsonl[0].optimizer, '=cmd');
});
