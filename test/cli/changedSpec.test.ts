import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, FAULTY_PLUGIN, tempDir } from '../helpers.js';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function expectUserError(result: ReturnType<typeof cli>, pattern: RegExp): void {
  assert.equal(result.status, 2, `exit code; stdout: ${result.stdout} stderr: ${result.stderr}`);
  assert.match(result.stderr, pattern);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
}

function status(store: string, experiment: string) {
  return JSON.parse(cli(['status', experiment, '--store', store, '--json']).stdout) as { trials: number; runs: number };
}

test('re-running with another n_trials or option is refused, naming the setting; --replan starts those runs over', (t) => {
  const store = join(tempDir(t), 's.db');
  const base = ['run', '--tasks', 'Pymoo/SO/unconstraint/sphere', '--seeds', '1-2', '--workers', '0', '--store', store, '--experiment', 'e'];
  assert.equal(cli([...base, '--optimizers', 'random', '--n-trials', '5']).status, 0);
  const before = sha(store);

  expectUserError(cli([...base, '--optimizers', 'random', '--n-trials', '8']),
    /Experiment 'e' has 2 run\(s\) stored with other settings than given \(stored vs given\):\n {2}random: n_trials: stored 5, given 8\n.*--replan/);
  assert.equal(sha(store), before, 'a refused re-run changes nothing');

  const replanned = cli([...base, '--optimizers', 'random', '--n-trials', '8', '--replan']);
  assert.equal(replanned.status, 0, replanned.stderr);
  assert.match(replanned.stdout, /2 runs planned, 0 already done, 2 finished now/);
  assert.equal(status(store, 'e').trials, 16, 'the runs were redone with 8 trials each, the old trials discarded');
  // As stored now: resumes (nothing to do).
  assert.match(cli([...base, '--optimizers', 'random', '--n-trials', '8']).stdout, /2 already done/);
});

test("an external optimizer's edited env is a changed setting", (t) => {
  const dir = tempDir(t);
  const spec = join(dir, 'spec.yaml');
  const store = join(dir, 's.db');
  const write = (value: string) => writeFileSync(spec, [
    'experiment: ext', 'optimizers:', '  - name: external', '    label: ref', '    options:', `      env: {SOME_SETTING: "${value}"}`,
    'tasks: [Pymoo/SO/unconstraint/sphere]', 'n_trials: 3', 'workers: 0', `store: ${JSON.stringify(store)}`, '',
  ].join('\n'));
  write('1');
  assert.equal(cli(['run', spec]).status, 0);
  write('2');
  expectUserError(cli(['run', spec]), /ref: option env: stored \{"SOME_SETTING":"1"\}, given \{"SOME_SETTING":"2"\}/);
});

test('resuming a plugin experiment without --plugin names the plugin modules it was planned with', (t) => {
  const store = join(tempDir(t), 's.db');
  const args = ['run', '--optimizers', 'random', '--tasks', 'test/throwing-task', '--n-trials', '3', '--workers', '0', '--store', store, '--experiment', 'plug'];
  const first = cli([...args, '--plugin', FAULTY_PLUGIN]);
  assert.ok(first.status === 0 || first.status === 1, first.stderr);
  expectUserError(cli(args), new RegExp(`Unknown .*'test/throwing-task'.*Experiment 'plug' was planned with plugin module\\(s\\) '${FAULTY_PLUGIN.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}': pass --plugin `));
});
