import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openSqliteStore, TrialJournal, type TrialRecord } from '../../runner/index.js';
import { cli, tempDir } from '../helpers.js';

test('status after a kill counts the trials still in a run journal (pending import), not only stored ones', (t) => {
  const path = join(tempDir(t), 's.db');
  const store = openSqliteStore(path);
  store.ensureExperiment('killed', {});
  store.addRuns('killed', [{ optimizer: 'random', optimizerLabel: 'random', optimizerOptions: {}, task: 't', seed: 1, nTrials: 100 }]);
  const { run } = store.claimRunWithTrials(1)!;
  // What a process killed mid-run leaves: trials written to the journal, not yet moved into SQLite.
  const journal = TrialJournal.open(store, run.id, 1000, 60_000);
  const trial = (index: number): TrialRecord => ({ runId: run.id, index, config: { x: index }, fidelity: null, cost: index, status: 'ok', wallTime: 0, virtualTime: 0, budgetUsed: index + 1, info: null });
  for (let i = 0; i < 7; i++) journal.append(trial(i));
  store.close();

  const json = cli(['status', 'killed', '--store', path, '--json']);
  assert.equal(json.status, 0, json.stderr);
  assert.deepEqual({ ...JSON.parse(json.stdout), failed: undefined, optimizers: undefined }, { experiment: 'killed', runs: 1, trials: 0, trialsPendingImport: 7, failed: undefined, optimizers: undefined });
  const text = cli(['status', 'killed', '--store', path]);
  assert.match(text.stdout, /1 runs, 0 trials stored, 7 more in the journals of unfinished runs \(stored when the experiment runs again\)/);
});
