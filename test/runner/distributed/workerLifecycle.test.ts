import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, QUEUE_PLUGIN } from '../../helpers.js';
import { queryRows, skipWithoutPostgres, skipWithoutPostgresBinaries, throwawayServer } from '../../postgres.js';
import { enqueue, queueSetup, startWorker, storedRuns, waitFor } from './queueHelpers.js';

const paced = ['--optimizers', 'random', '--tasks', 'test-queue/paced'];

test('enqueueing again queues nothing twice; a done experiment queues nothing', { skip: await skipWithoutPostgres(), timeout: 240_000 }, async (t) => {
  const setup = await queueSetup(t);
  const first = enqueue(setup, [...paced, '--seeds', '1-3', '--n-trials', '5', '--experiment', 'again']);
  assert.match(first.stdout, /3 runs planned, 0 already done, 3 queued now, 0 already queued/);
  const second = enqueue(setup, [...paced, '--seeds', '1-4', '--n-trials', '5', '--experiment', 'again']);
  assert.match(second.stdout, /4 runs planned, 0 already done, 1 queued now, 3 already queued/);
  const worker = startWorker(setup, ['--concurrency', '2', '--exit-when-idle', '0.3']);
  assert.equal((await worker.exited).code, 0, worker.log());
  const third = enqueue(setup, [...paced, '--seeds', '1-4', '--n-trials', '5', '--experiment', 'again']);
  assert.match(third.stdout, /4 runs planned, 4 already done, 0 queued now, 0 already queued/);
  const jobs = await queryRows(setup.queueUrl, `SELECT state, count(*)::int AS n FROM hpoarena_boss.job GROUP BY state`);
  assert.deepEqual(jobs, [{ state: 'completed', n: 4 }]);
});

test('SIGTERM: the worker hands its run back with its trials and exits 143; the next worker resumes it to the same export (SQLite store beside a PostgreSQL queue)', { skip: await skipWithoutPostgres(), timeout: 240_000 }, async (t) => {
  const setup = await queueSetup(t, { sqliteStore: true });
  enqueue(setup, [...paced, '--seeds', '1', '--n-trials', '50', '--experiment', 'term']);
  const first = startWorker(setup, ['--concurrency', '1'], { QUEUE_TRIAL_MS: '40' });
  await waitFor(() => evaluations(setup.evalLog) >= 10, 30_000, '10 evaluations');
  first.child.kill('SIGTERM');
  const exit = await first.exited;
  assert.equal(exit.code, 143, first.log());
  assert.match(first.log(), /run 1: handed back with its trials/);
  const [stopped] = await storedRuns(setup, 'term');
  const kept = stopped.trials.length;
  assert.equal(stopped.status, 'interrupted');
  assert.ok(kept >= 10, `${kept} trials kept`);
  const second = startWorker(setup, ['--concurrency', '1', '--exit-when-idle', '0.3'], { QUEUE_TRIAL_MS: '1' });
  assert.equal((await second.exited).code, 0, second.log());
  assert.equal(evaluations(setup.evalLog), 50, 'no trial evaluated twice: the second worker replayed the kept ones');
  const local = join(setup.dir, 'local.db');
  assert.equal(cli(['run', '--store', local, '--plugin', QUEUE_PLUGIN, ...paced, '--seeds', '1', '--n-trials', '50', '--experiment', 'term', '--workers', '0']).status, 0);
  assert.equal(cli(['export', 'term', ...setup.storeArgs.slice(0, 2)]).stdout, cli(['export', 'term', '--store', local]).stdout);
  const jobs = await queryRows(setup.queueUrl, `SELECT state, retry_count FROM hpoarena_boss.job ORDER BY created_on`);
  assert.deepEqual(jobs, [{ state: 'completed', retry_count: 0 }, { state: 'completed', retry_count: 0 }], 'handing back costs no attempt');
});

test('status lists live workers with their last heartbeat and the queue by state', { skip: await skipWithoutPostgres(), timeout: 240_000 }, async (t) => {
  const setup = await queueSetup(t);
  // Runs of 100 s (1,000 trials x 100 ms): the worker is still inside its first run while both status calls read it.
  enqueue(setup, [...paced, '--seeds', '1-2', '--n-trials', '1000', '--experiment', 'live']);
  const worker = startWorker(setup, ['--concurrency', '1'], { QUEUE_TRIAL_MS: '100' });
  t.after(() => worker.child.kill('SIGKILL'));
  await waitFor(() => evaluations(setup.evalLog) >= 3, 30_000, 'the worker to start');
  const status = cli(['status', 'live', ...setup.storeArgs]);
  assert.equal(status.status, 0, status.stderr);
  assert.match(status.stdout, /queue: 1 waiting, 1 running/);
  assert.match(status.stdout, new RegExp(`${worker.child.pid}\\s+active\\s+1\\s+\\d+(\\.\\d)? s ago`));
  const json = JSON.parse(cli(['status', 'live', ...setup.storeArgs, '--json']).stdout);
  assert.equal(json.queueWorkers.length, 1);
  assert.equal(json.queueWorkers[0].pid, worker.child.pid);
  // Both runs are queued in one insert: pg-boss may hand out either first.
  assert.equal(json.queueWorkers[0].runs.length, 1);
  assert.ok([1, 2].includes(json.queueWorkers[0].runs[0]), String(json.queueWorkers[0].runs));
  assert.ok(json.queueWorkers[0].secondsSinceHeartbeat < 30);
});

test('bad queue databases: unreachable, wrong password, newer queue schema: one message, password masked, exit 2', { skip: skipWithoutPostgresBinaries(), timeout: 240_000 }, async (t) => {
  const server = await throwawayServer(t);
  const setup = await queueSetup(t, { url: server.url, sqliteStore: true });
  const wrong = server.url.replace('throwaway-secret', 'not-the-password');
  const refused = cli(['worker', '--store', join(setup.dir, 's.db'), '--queue', wrong, '--exit-when-idle', '0']);
  assert.equal(refused.status, 2);
  assert.match(refused.stderr, /^hpoarena: Cannot reach the queue database postgres:\/\/hpoarena:\*\*\*@127\.0\.0\.1:\d+\/postgres: password authentication failed/);
  assert.doesNotMatch(refused.stderr, /not-the-password|throwaway-secret/);
  const closed = cli(['run', '--enqueue', '--store', join(setup.dir, 's.db'), '--queue', server.url.replace(String(server.port), '1'), '--plugin', QUEUE_PLUGIN, ...paced]);
  assert.equal(closed.status, 2);
  assert.match(closed.stderr, /^hpoarena: Cannot reach the queue database postgres:\/\/hpoarena:\*\*\*@127\.0\.0\.1:1\/postgres: connection refused/);
  assert.equal(closed.stderr.split('\n').filter(Boolean).length, 1, closed.stderr);
  enqueue(setup, [...paced, '--seeds', '1', '--n-trials', '3', '--experiment', 'v']);
  await queryRows(server.url, 'UPDATE hpoarena_queue.version SET version = 99');
  const newer = cli(['worker', ...setup.storeArgs, '--exit-when-idle', '0']);
  assert.equal(newer.status, 2);
  assert.match(newer.stderr, /^hpoarena: The queue tables in postgres:\/\/hpoarena:\*\*\*@.* were written by a newer hpoarena \(queue schema 99; this version reads up to 1\)/);
  assert.deepEqual(await queryRows(server.url, "SELECT state FROM hpoarena_boss.job"), [{ state: 'created' }], 'the queued run is kept');
  const notPg = cli(['worker', '--store', join(setup.dir, 's.db')]);
  assert.equal(notPg.status, 2);
  assert.match(notPg.stderr, /needs a PostgreSQL database for its queue/);
});

function evaluations(file: string): number {
  try {
    return readFileSync(file, 'utf8').split('\n').filter(Boolean).length;
  } catch {
    return 0;
  }
}

