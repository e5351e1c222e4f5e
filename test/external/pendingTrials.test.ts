import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { findPythonSync } from '../../optimizers/external/index.js';
import { openSqliteStore, runExperiment, type ExperimentSpec } from '../../runner/index.js';
import { REPO_ROOT, tempDir } from '../helpers.js';
import { liveChildren } from './processes.js';
import { need, skipUnless } from './requirements.js';

const FAKE = join(REPO_ROOT, 'dist/test/external/fakes/fakeProgram.js');
const python = findPythonSync([]);

async function runWith(t: { after(fn: () => void): void }, options: Record<string, unknown>, parallelTrials: number) {
  const store = openSqliteStore(join(tempDir(t), 's.db'));
  const spec: ExperimentSpec = {
    experiment: 'pending', optimizers: [{ name: 'external', label: 'program', options: options as never }],
    tasks: ['mfpbench/SO/mfh/mfh3_good'], seeds: [1], nTrials: 24, parallelTrials,
  };
  try {
    const outcome = await runExperiment(store, spec, { workers: 0 });
    return { outcome: outcome.outcomes[0], trials: store.listRuns('pending').flatMap((run) => store.trials(run.id)) };
  } finally {
    store.close();
  }
}

test("K = 4 with the reference client (it lists 'pending' in 'ready'): the run keeps 4 trials in flight", async (t) => {
  const { outcome, trials } = await runWith(t, {}, 4);
  assert.equal(outcome.status, 'done', outcome.error);
  assert.equal(trials.length, 24);
  assert.deepEqual([...new Set(trials.map((trial) => trial.slot))].sort(), [0, 1, 2, 3]);
  assert.deepEqual(liveChildren(), []);
});

test("K = 4 with a program that does not list 'pending' fails at the start with one message naming the capability", async (t) => {
  const { outcome, trials } = await runWith(t, { command: process.execPath, args: [FAKE, 'ok'] }, 4);
  assert.equal(outcome.status, 'failed');
  assert.match(outcome.error!, /cannot run with 4 parallel trials: its 'ready' answer does not list the capability 'pending'/);
  assert.equal(trials.length, 0);
  // One trial at a time, the same program runs as before.
  const sequential = await runWith(t, { command: process.execPath, args: [FAKE, 'ok'] }, 1);
  assert.equal(sequential.outcome.status, 'done', sequential.outcome.error);
  assert.deepEqual(liveChildren(), []);
});

test("a Python program built on hpoarena_protocol.py declares 'pending' and gets asks before tells, tells out of order", { skip: skipUnless(python, 'python3') }, async (t) => {
  const program = { command: need(python, 'python3'), args: [join(REPO_ROOT, 'test/external/fixtures/pending_random.py')], env: { PYTHONPATH: join(REPO_ROOT, 'optimizers/external'), PYTHONDONTWRITEBYTECODE: '1' } };
  const { outcome, trials } = await runWith(t, program, 3);
  assert.equal(outcome.status, 'done', outcome.error);
  // Random fidelities: trials cost less than one of n_trials each, so there are more than 24.
  assert.ok(trials.length > 24 && trials.at(-1)!.budgetUsed >= 24 - 1e-9);
  assert.ok(trials.some((trial, i) => i > 0 && trial.simStart! < trials[i - 1].simStart!), 'some trial was told before one asked earlier');
  assert.deepEqual(liveChildren(), []);
});
