import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { exportTrials, openSqliteStore, openStore, runExperiment, type ExperimentSpec } from '../../runner/index.js';
import { exportText, tempDir } from '../helpers.js';
import { skipWithoutPostgresBinaries, throwawayServer } from '../postgres.js';

const spec: ExperimentSpec = {
  experiment: 'restart',
  optimizers: [{ name: 'random', label: 'random', options: {} }],
  tasks: ['Pymoo/SO/unconstraint/sphere'],
  seeds: [1, 2, 3, 4],
  nTrials: 4000,
};

test('PostgreSQL restarted mid-experiment: the store reconnects and the experiment completes with the identical export', { skip: skipWithoutPostgresBinaries() }, async (t) => {
  const reference = openSqliteStore(join(tempDir(t), 'reference.db'));
  t.after(() => reference.close());
  await runExperiment(reference, spec, { workers: 0 });
  const server = await throwawayServer(t);
  const store = await openStore(server.url);
  t.after(() => store.close());
  let restarted = false;
  const running = runExperiment(store, spec, { workers: 2 });
  // Restart once trials are flowing; pg_ctl's fast stop ends every open connection.
  for (let n = 0; n < 200 && (await store.countTrials('restart')) < 500; n++) await new Promise((resolve) => setTimeout(resolve, 50));
  server.stop();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  server.start();
  restarted = true;
  const outcome = await running;
  assert.ok(restarted);
  assert.deepEqual(outcome.outcomes.map((o) => o.status), ['done', 'done', 'done', 'done'], JSON.stringify(outcome.outcomes));
  assert.equal(await exportText(exportTrials(store, 'restart', 'csv')), await exportText(exportTrials(reference, 'restart', 'csv')));
});
