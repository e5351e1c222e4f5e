import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { SpecError } from '../../../core/index.js';
import { slurmScript } from '../../../runner/distributed/index.js';
import { cli, QUEUE_PLUGIN } from '../../helpers.js';
import { skipWithoutPostgres } from '../../postgres.js';
import { enqueue, queueSetup, storedRuns } from './queueHelpers.js';
import { skipWithoutSlurm, startSlurmCluster } from './slurmCluster.js';

const base = { store: 'postgres://bench:s3cret-pw@db.example.org:5432/hpo', array: 4, cpusPerTask: 2, command: '/usr/bin/node /opt/hpoarena/dist/cli/main.js', exitWhenIdleSeconds: 60 };

test('the sbatch script starts one worker per array task and never holds the password', () => {
  const script = slurmScript({ ...base, time: '04:00:00', mem: '8G', partition: 'cpu', arrayLimit: 2 });
  assert.equal(script.passwordRemoved, true);
  assert.doesNotMatch(script.text, /s3cret-pw/);
  for (const line of ['#SBATCH --array=0-3%2', '#SBATCH --cpus-per-task=2', '#SBATCH --time=04:00:00', '#SBATCH --mem=8G', '#SBATCH --partition=cpu', '#SBATCH --signal=B:TERM@60']) {
    assert.ok(script.text.split('\n').includes(line), `${line} in\n${script.text}`);
  }
  assert.match(script.text, /srun --ntasks=1 --cpus-per-task=2 \/usr\/bin\/node \/opt\/hpoarena\/dist\/cli\/main\.js worker --store postgres:\/\/bench@db\.example\.org:5432\/hpo --concurrency 2 --exit-when-idle 60 &/);
  assert.match(script.text, /PGPASSWORD/);
  const syntax = spawnSync('bash', ['-n'], { input: script.text, encoding: 'utf8' });
  assert.equal(syntax.status, 0, syntax.stderr);
});

test('bad slurm settings are refused with the flag named', () => {
  assert.throws(() => slurmScript({ ...base, array: 0 }), (e: Error) => e instanceof SpecError && /--array must be a positive integer, got 0/.test(e.message));
  assert.throws(() => slurmScript({ ...base, time: '4 hours' }), /--time '4 hours' is not a SLURM time/);
  assert.throws(() => slurmScript({ ...base, mem: 'lots' }), /--mem 'lots' is not a SLURM memory size/);
  assert.throws(() => slurmScript({ ...base, store: 'results/hpoarena.db' }), /needs a PostgreSQL store/);
  const result = cli(['slurm', '--store', 'postgres://u:hunter22@h/db', '--array', 'two']);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /^hpoarena: --array must be a positive integer, got "two"\.\n$/);
  assert.doesNotMatch(result.stderr + result.stdout, /hunter22/);
});

test('a real single-node SLURM runs the generated script: the array\'s workers execute every queued run', { skip: skipWithoutSlurm() || (await skipWithoutPostgres()), timeout: 240_000 }, async (t) => {
  const setup = await queueSetup(t);
  const cluster = await startSlurmCluster(t);
  enqueue(setup, ['--optimizers', 'random', '--tasks', 'test-queue/quick', '--seeds', '1-12', '--n-trials', '5', '--experiment', 'slurm']);
  const script = join(setup.dir, 'workers.sbatch');
  const written = cli(['slurm', ...setup.storeArgs, '--array', '2', '--cpus-per-task', '1', '--time', '5', '--exit-when-idle', '2', '--log', join(setup.dir, 'worker-%A_%a.log'), '--plugin', QUEUE_PLUGIN, '--out', script]);
  assert.equal(written.status, 0, written.stderr);
  const password = decodeURIComponent(new URL(setup.queueUrl).password);
  const submitted = spawnSync('sbatch', ['--wait', script], { encoding: 'utf8', timeout: 180_000, env: { ...process.env, ...cluster.env, ...(password ? { PGPASSWORD: password } : {}) } });
  const workerLogs = () => readdirSync(setup.dir).filter((f) => f.endsWith('.log')).map((f) => readFileSync(join(setup.dir, f), 'utf8')).join('\n');
  assert.equal(submitted.status, 0, `${submitted.stdout}${submitted.stderr}\n${workerLogs()}\n${cluster.logs()}`);
  const runs = await storedRuns(setup, 'slurm');
  assert.equal(runs.length, 12);
  assert.deepEqual(runs.filter((r) => r.status !== 'done').map((r) => r.id), [], workerLogs());
  assert.equal((workerLogs().match(/ worker \S+: \d+ runs at a time/g) ?? []).length, 2, 'two array tasks, one worker each');
  assert.equal(runs.reduce((n, run) => n + run.trials.length, 0), 60);
});
