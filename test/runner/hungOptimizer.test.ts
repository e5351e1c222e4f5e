import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openSqliteStore, runExperiment } from '../../runner/index.js';
import { REPO_ROOT, tempDir } from '../helpers.js';

const FAKE = join(REPO_ROOT, 'dist/test/external/fakes/fakeProgram.js');

test('--time-budget bounds a hung ask even when the message timeout is longer', async (t) => {
  const store = openSqliteStore(join(tempDir(t), 's.db'));
  t.after(() => store.close());
  const started = performance.now();
  const outcome = await runExperiment(store, {
    experiment: 'hung',
    // 'slow-ask' never answers its second ask; message_timeout alone would wait 60 s.
    optimizers: [{ name: 'external', label: 'hung', options: { command: process.execPath, args: [FAKE, 'slow-ask'], message_timeout: 60 } }],
    tasks: ['Pymoo/SO/unconstraint/sphere'], seeds: [1], nTrials: 10, timeBudget: 2,
  }, { workers: 0 });
  const seconds = (performance.now() - started) / 1000;
  assert.ok(seconds < 20, `the run took ${seconds.toFixed(1)} s with a 2 s time budget`);
  const [run] = store.listRuns('hung');
  assert.equal(outcome.outcomes[0].status, 'failed');
  assert.equal(run.status, 'failed');
  assert.match(run.error ?? '', /did not answer 'ask' within the [\d.]+ s left of the run's time budget \(--time-budget 2 s\)/);
  assert.equal(store.trials(run.id).length, 1, 'the trial before the hang is kept');
});
