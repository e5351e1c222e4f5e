import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { cli, GOLDEN_PLUGIN, tempDir } from '../helpers.js';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function expectUserError(result: ReturnType<typeof cli>, pattern: RegExp): void {
  assert.equal(result.status, 2, `exit code; stderr: ${result.stderr}`);
  assert.match(result.stderr, pattern);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace for a user error');
}

test('run, status and export work end to end; export has the documented columns', (t) => {
  const store = join(tempDir(t), 'e2e.db');
  const run = cli(['run', '--optimizers', 'random', '--tasks', 'Pymoo/SO/*', '--seeds', '1-2', '--n-trials', '5', '--experiment', 'e2e', '--store', store]);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /16 runs planned, 0 already done, 16 finished now, 0 failed/);
  const status = cli(['status', 'e2e', '--store', store, '--json']);
  assert.equal(JSON.parse(status.stdout).optimizers.random.done, 16);
  const csv = cli(['export', 'e2e', '--store', store, '--format', 'csv']).stdout.trim().split('\n');
  assert.equal(csv[0], 'experiment,optimizer,task,seed,trial,config,fidelity,cost,status,budget_used,virtual_time');
  assert.equal(csv.length, 1 + 16 * 5);
  const jsonl = cli(['export', 'e2e', '--store', store, '--format', 'jsonl']).stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(jsonl.length, 16 * 5);
  assert.equal(typeof jsonl[0].config.x0, 'number');
  assert.equal(jsonl[0].status, 'ok');
});

test('a YAML spec file runs, and flags override it', (t) => {
  const dir = tempDir(t);
  const spec = join(dir, 'spec.yaml');
  writeFileSync(spec, `experiment: yaml\noptimizers:\n  - random\ntasks: ['Pymoo/SO/unconstraint/ackley']\nseeds: 1-3\nn_trials: 4\nstore: ${join(dir, 'y.db')}\n`);
  const run = cli(['run', spec, '--seeds', '5']);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /experiment 'yaml'.*1 runs planned/);
});

test('unknown optimizer or task: the message names it, suggests the closest, stores nothing new', (t) => {
  const store = join(tempDir(t), 'bad.db');
  assert.equal(cli(['run', '--optimizers', 'random', '--tasks', 'Pymoo/SO/unconstraint/sphere', '--n-trials', '3', '--store', store]).status, 0);
  const before = sha(store);
  expectUserError(cli(['run', '--optimizers', 'randon', '--tasks', 'Pymoo/SO/*', '--store', store]), /Unknown optimizer 'randon'\. Did you mean 'random'\?/);
  expectUserError(cli(['run', '--optimizers', 'random', '--tasks', 'Pymoo/SO/unconstraint/spere', '--store', store]), /'Pymoo\/SO\/unconstraint\/spere'\. Did you mean 'Pymoo\/SO\/unconstraint\/sphere'\?/);
  expectUserError(cli(['run', '--optimizers', 'random', '--tasks', 'Pymoo/SO/nothing*', '--store', store]), /No task matches 'Pymoo\/SO\/nothing\*'/);
  expectUserError(cli(['run', '--optimizers', 'random:nope=1', '--tasks', 'Pymoo/SO/*', '--store', store]), /Unknown option of optimizer 'random' 'nope'/);
  expectUserError(cli(['run', '--optimizers', 'random', '--tasks', 'Pymoo/SO/*', '--seeds', 'x', '--store', store]), /Invalid seed 'x'/);
  assert.equal(sha(store), before, 'the store is untouched');
});

test('malformed YAML spec: one clear message', (t) => {
  const dir = tempDir(t);
  const spec = join(dir, 'bad.yaml');
  writeFileSync(spec, 'optimizers: [random\ntasks: x\n');
  expectUserError(cli(['run', spec, '--store', join(dir, 's.db')]), /Malformed YAML in '.*bad\.yaml'/);
  writeFileSync(spec, 'optimizer: random\n');
  expectUserError(cli(['run', spec, '--store', join(dir, 's.db')]), /Unknown key 'optimizer' in spec/);
});

test('unwritable store path and a store from a newer schema are refused without damage', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'file'), 'not a directory');
  expectUserError(cli(['run', '--optimizers', 'random', '--tasks', 'Pymoo/SO/unconstraint/sphere', '--store', join(dir, 'file', 'x.db')]), /Cannot open store '.*file\/x\.db'/);
  const store = join(dir, 'newer.db');
  assert.equal(cli(['run', '--optimizers', 'random', '--tasks', 'Pymoo/SO/unconstraint/sphere', '--n-trials', '3', '--store', store]).status, 0);
  const db = new Database(store);
  db.pragma('user_version = 99');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const before = sha(store);
  expectUserError(cli(['run', '--optimizers', 'random', '--tasks', 'Pymoo/SO/unconstraint/sphere', '--store', store]), /written by a newer hpoarena \(schema 99/);
  expectUserError(cli(['status', 'default', '--store', store]), /newer hpoarena/);
  assert.equal(sha(store), before);
  expectUserError(cli(['status', 'nope', '--store', join(dir, 'missing.db')]), /No store at/);
});

test('evaluate reads JSON lines and writes one result line each', () => {
  const input = '{"config": {"x0": 0, "x1": 0}}\n{"x0": 1, "x1": 1}\n';
  const result = cli(['evaluate', '--task', 'Pymoo/SO/unconstraint/rastrigin'], { input });
  assert.equal(result.status, 0, result.stderr);
  const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 2);
  assert.equal(lines[0].cost, 0);
  assert.equal(lines[0].status, 'ok');
  assert.ok(Math.abs(lines[1].cost - 2) < 1e-12); // rastrigin(1,1) = 2
});

test('evaluate rejects configs out of range, unknown or missing parameters, naming them', () => {
  expectUserError(cli(['evaluate', '--task', 'Pymoo/SO/unconstraint/ackley', '--config', '{"x0": 40, "x1": 0}']), /x0.*40/);
  expectUserError(cli(['evaluate', '--task', 'Pymoo/SO/unconstraint/ackley', '--config', '{"x0": 0, "x1": 0, "x9": 1}']), /x9/);
  expectUserError(cli(['evaluate', '--task', 'Pymoo/SO/unconstraint/ackley', '--config', '{"x0": 0}']), /x1/);
  expectUserError(cli(['evaluate', '--task', 'nope/task', '--config', '{}']), /Unknown task 'nope\/task'/);
});

test('evaluate: a bad input line yields an error object on its own line, the stream goes on, the exit code is 1', () => {
  const input = ['{"x0": 0, "x1": 0}', 'not json', '{"x0": 40, "x1": 0}', '{"config": {"x0": 1, "x1": 1}, "fidelity": 3}', '[1]', '{"x0": 1, "x1": 1}'].join('\n');
  const result = cli(['evaluate', '--task', 'Pymoo/SO/unconstraint/rastrigin'], { input: `${input}\n` });
  assert.equal(result.status, 1, result.stderr);
  assert.match(result.stderr, /4 of the input lines could not be evaluated/);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace for bad input');
  const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 6);
  assert.deepEqual([lines[0].status, lines[5].status], ['ok', 'ok']);
  assert.deepEqual(lines.slice(1, 5).map((l) => l.line), [2, 3, 4, 5]);
  assert.match(lines[1].error, /line 2 is not JSON/);
  assert.match(lines[2].error, /x0.*40/);
  assert.match(lines[3].error, /has no fidelity/);
  assert.match(lines[4].error, /must be a JSON object/);
});

test('evaluate uses the checked evaluation: fidelity range and integrality, NaN and infinite cost -> crashed', () => {
  const plugin = ['--plugin', GOLDEN_PLUGIN];
  const config = { x: 0, lr: 0.01, n: 4, kind: 'a', size: 16 };
  const input = [
    { config, fidelity: 3 }, { config, fidelity: 2.5 }, { config, fidelity: 10 }, { config: { ...config, x: 1.8 } }, { config: { ...config, x: -1.9 } },
  ].map((l) => JSON.stringify(l)).join('\n');
  const result = cli(['evaluate', '--task', 'golden/mf', ...plugin], { input: `${input}\n` });
  assert.equal(result.status, 1, result.stderr);
  const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines[0].status, 'ok');
  assert.match(lines[1].error, /epochs = 2.5 is outside \[1, 9\] or not an integer/);
  assert.match(lines[2].error, /epochs = 10 is outside/);
  assert.deepEqual([lines[3].status, lines[3].cost, lines[3].info.reason], ['crashed', null, 'non-finite cost']);
  assert.deepEqual([lines[4].status, lines[4].cost], ['crashed', null]);
  expectUserError(cli(['evaluate', '--task', 'golden/mf', ...plugin, '--config', JSON.stringify({ config, fidelity: 0 })]), /epochs = 0 is outside/);
  expectUserError(cli(['evaluate', '--task', 'golden/mf', ...plugin, '--timeout', '0', '--config', '{}']), /--timeout must be a positive/);
});

test('tasks and optimizers list as tables and JSON', () => {
  const tasks = JSON.parse(cli(['tasks', '--collection', 'pymoo', '--type', 'blackbox', '--json']).stdout);
  assert.equal(tasks.length, 8);
  assert.deepEqual(tasks.find((x: { id: string }) => x.id === 'Pymoo/SO/unconstraint/sphere'), {
    id: 'Pymoo/SO/unconstraint/sphere', collection: 'pymoo', type: 'blackbox', dimension: 10, nObjectives: 1, nTrials: 147, simulatedTime: 'cost-model', available: true,
  });
  expectUserError(cli(['tasks', '--type', 'blackbx']), /Unknown task type 'blackbx'\. Did you mean 'blackbox'/);
  const optimizers = JSON.parse(cli(['optimizers', '--json']).stdout);
  assert.ok(optimizers.some((o: { name: string }) => o.name === 'random'));
  assert.deepEqual(optimizers.filter((o: { supportsPending: boolean }) => !o.supportsPending).map((o: { name: string }) => o.name), ['de', 'cmaes', 'parego', 'rf-parego', 'momf-parego']);
  assert.match(cli(['optimizers', 'cmaes']).stdout, /parallel trials \(--parallel-trials K > 1\): no, one trial at a time/);
});
