import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, QUEUE_PLUGIN, FAULTY_PLUGIN } from '../../helpers.js';
import { skipWithoutPostgres, skipWithoutPostgresBinaries, throwawayServer } from '../../postgres.js';
import { enqueue, evaluatedTwice, queueSetup, startWorker, storedRuns, waitFor, type QueueSetup } from './queueHelpers.js';

const paced = ['--optimizers', 'random', '--tasks', 'test-queue/paced'];

function exportCsv(setup: QueueSetup | string[], experiment: string): string {
  const storeArgs = Array.isArray(setup) ? setup : setup.storeArgs;
  const result = cli(['export', experiment, ...storeArgs]);
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

test('kill -9 of a worker mid-run: another worker finishes the run; the export equals an uninterrupted run\'s', { skip: await skipWithoutPostgres(), timeout: 240_000 }, async (t) => {
  const setup = await queueSetup(t);
  enqueue(setup, [...paced, '--seeds', '1', '--n-trials', '60', '--experiment', 'k']);
  const first = startWorker(setup, ['--concurrency', '1', '--lease', '1.5'], { QUEUE_TRIAL_MS: '40' });
  await waitFor(() => readLog(setup).split('\n').length > 15, 30_000, 'the first worker to evaluate 15 trials');
  first.child.kill('SIGKILL');
  await first.exited;
  const second = startWorker(setup, ['--concurrency', '1', '--lease', '1.5', '--exit-when-idle', '0.5'], { QUEUE_TRIAL_MS: '5' });
  const { code } = await second.exited;
  assert.equal(code, 0, second.log());
  assert.match(second.log(), /took back runs 1 from workers that stopped sending heartbeats/);
  const [run] = await storedRuns(setup, 'k');
  assert.equal(run.status, 'done');
  assert.deepEqual(run.trials.map((trial) => trial.index), Array.from({ length: 60 }, (_, i) => i), 'every trial once, in order');
  // The same experiment run uninterrupted, in one process with the local runner.
  const local = join(setup.dir, 'local.db');
  const plain = cli(['run', '--store', local, '--plugin', QUEUE_PLUGIN, ...paced, '--seeds', '1', '--n-trials', '60', '--experiment', 'k', '--workers', '0'], {});
  assert.equal(plain.status, 0, plain.stderr);
  assert.equal(exportCsv(setup, 'k'), exportCsv(['--store', local], 'k'));
});

test('a worker frozen past its lease (SIGSTOP) loses its run to another worker and exits when it wakes, writing nothing twice', { skip: await skipWithoutPostgres(), timeout: 240_000 }, async (t) => {
  const setup = await queueSetup(t);
  enqueue(setup, [...paced, '--seeds', '1', '--n-trials', '60', '--experiment', 'f']);
  const frozen = startWorker(setup, ['--concurrency', '1', '--lease', '1.5'], { QUEUE_TRIAL_MS: '40' });
  await waitFor(() => readLog(setup).split('\n').length > 10, 30_000, 'the first worker to evaluate 10 trials');
  frozen.child.kill('SIGSTOP');
  const second = startWorker(setup, ['--concurrency', '1', '--lease', '1.5', '--exit-when-idle', '0.5'], { QUEUE_TRIAL_MS: '5' });
  assert.equal((await second.exited).code, 0, second.log());
  frozen.child.kill('SIGCONT');
  const { code } = await frozen.exited;
  assert.equal(code, 75, frozen.log());
  assert.match(frozen.log(), /other workers declared this one dead .* exiting so that it writes nothing more/);
  const [run] = await storedRuns(setup, 'f');
  assert.equal(run.status, 'done');
  assert.deepEqual(run.trials.map((trial) => trial.index), Array.from({ length: 60 }, (_, i) => i));
  const local = join(setup.dir, 'local.db');
  assert.equal(cli(['run', '--store', local, '--plugin', QUEUE_PLUGIN, ...paced, '--seeds', '1', '--n-trials', '60', '--experiment', 'f', '--workers', '0']).status, 0);
  assert.equal(exportCsv(setup, 'f'), exportCsv(['--store', local], 'f'));
});

test('a poison run (its optimizer throws every time) ends failed after --max-attempts; the other runs complete', { skip: await skipWithoutPostgres(), timeout: 240_000 }, async (t) => {
  const setup = await queueSetup(t);
  const result = cli(['run', '--enqueue', ...setup.storeArgs, '--plugin', QUEUE_PLUGIN, '--plugin', FAULTY_PLUGIN, '--optimizers', 'random,test-throws-at-5', '--tasks', 'test-queue/quick', '--seeds', '1-3', '--n-trials', '10', '--experiment', 'p', '--max-attempts', '2']);
  assert.equal(result.status, 0, result.stderr);
  const worker = startWorker(setup, ['--plugin', FAULTY_PLUGIN, '--concurrency', '2', '--exit-when-idle', '0.5']);
  const { code } = await worker.exited;
  assert.equal(code, 0, worker.log());
  const runs = await storedRuns(setup, 'p');
  for (const run of runs.filter((r) => r.optimizer === 'random')) assert.equal(run.status, 'done');
  const poisoned = runs.filter((r) => r.optimizer === 'test-throws-at-5');
  assert.equal(poisoned.length, 3);
  for (const run of poisoned) {
    assert.equal(run.status, 'failed');
    assert.match(run.error ?? '', /optimizer exploded on purpose/);
    assert.equal(run.trials.length, 5, 'the trials before the failure are kept, not duplicated by the second attempt');
  }
  assert.equal((worker.log().match(/attempt 2 of 2 failed \(no attempts left\)/g) ?? []).length, 3, worker.log());
  assert.equal((worker.log().match(/attempt 1 of 2 failed:/g) ?? []).length, 3, worker.log());
  const status = cli(['status', 'p', ...setup.storeArgs]);
  assert.match(status.stdout, /test-throws-at-5\s+0\s+0\s+0\s+0\s+3/);
});

test('PostgreSQL restarted mid-experiment: the workers reconnect and the experiment completes', { skip: skipWithoutPostgresBinaries(), timeout: 180_000 }, async (t) => {
  const server = await throwawayServer(t);
  const setup = await queueSetup(t, { url: server.url });
  enqueue(setup, [...paced, '--seeds', '1-6', '--n-trials', '40', '--experiment', 'r']);
  const workers = [0, 1].map(() => startWorker(setup, ['--concurrency', '2', '--lease', '5', '--exit-when-idle', '1'], { QUEUE_TRIAL_MS: '25' }));
  await waitFor(() => readLog(setup).split('\n').length > 40, 60_000, 'the workers to evaluate 40 trials');
  server.stop();
  await new Promise((resolve) => setTimeout(resolve, 1500));
  server.start();
  const exits = await Promise.all(workers.map((w) => w.exited));
  exits.forEach((exit, i) => assert.equal(exit.code, 0, workers[i].log()));
  const runs = await storedRuns(setup, 'r');
  assert.equal(runs.length, 6);
  for (const run of runs) {
    assert.equal(run.status, 'done', `${run.id}: ${run.error}`);
    assert.deepEqual(run.trials.map((trial) => trial.index), Array.from({ length: 40 }, (_, i) => i));
  }
  assert.ok(workers.some((w) => /retrying/.test(w.log())), 'the workers noticed the server was gone');
});

test('load: 4 worker processes x concurrency 2 execute 2,000 short runs, each exactly once and never two workers on one run', { skip: await skipWithoutPostgres(), timeout: 300_000 }, async (t) => {
  const setup = await queueSetup(t);
  enqueue(setup, ['--optimizers', 'random', '--tasks', 'test-queue/quick', '--seeds', '1-2000', '--n-trials', '2', '--experiment', 'load']);
  const workers = [0, 1, 2, 3].map(() => startWorker(setup, ['--concurrency', '2', '--exit-when-idle', '1']));
  const exits = await Promise.all(workers.map((w) => w.exited));
  exits.forEach((exit, i) => assert.equal(exit.code, 0, workers[i].log()));
  const runs = await storedRuns(setup, 'load');
  assert.equal(runs.length, 2000);
  assert.deepEqual(runs.filter((r) => r.status !== 'done' || r.trials.length !== 2).map((r) => r.id), []);
  const log = readLog(setup);
  assert.equal(log.split('\n').filter(Boolean).length, 4000, 'each trial evaluated once');
  assert.deepEqual(evaluatedTwice(log), []);
  const pids = new Set(log.split('\n').filter(Boolean).map((line) => line.split(' ')[1]));
  assert.ok(pids.size >= 2, `the runs were spread over the workers (${pids.size} processes evaluated trials)`);
});

function readLog(setup: QueueSetup): string {
  try {
    return readFileSync(setup.evalLog, 'utf8');
  } catch {
    return '';
  }
}

