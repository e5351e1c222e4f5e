import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { closestName, InvalidConfigError, SearchSpace } from '../../core/index.js';
import { openSqliteStore, runExperiment } from '../../runner/index.js';
import { cli, REPO_ROOT, tempDir } from '../helpers.js';

const FAKE = join(REPO_ROOT, 'dist/test/external/fakes/fakeProgram.js');

function expectOneLineError(result: ReturnType<typeof cli>, pattern: RegExp): void {
  assert.equal(result.status, 2, `exit code; stderr: ${result.stderr}`);
  assert.match(result.stderr, pattern);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
}

test('"did you mean" suggests by prefix, substring or a few typos, and nothing when no name is close', () => {
  const tpe = ['n_startup_trials', 'n_ei_candidates', 'gamma', 'weights', 'prior_weight', 'multivariate', 'group', 'constant_liar'];
  assert.equal(closestName('n_startup', tpe), 'n_startup_trials');
  assert.equal(closestName('candidates', tpe), 'n_ei_candidates');
  assert.equal(closestName('gama', tpe), 'gamma');
  assert.equal(closestName('multivariat', tpe), 'multivariate');
  assert.equal(closestName('nosuchexp', ['mine']), undefined);
  assert.equal(closestName('xyz', tpe), undefined);
  assert.equal(closestName('randon', ['random', 'sobol', 'tpe']), 'random');
});

test('an unknown flag: one line naming it, with the flag that was meant', () => {
  const result = cli(['run', '--seed', '3', '--optimizers', 'random', '--tasks', 'Pymoo/SO/*']);
  expectOneLineError(result, /^hpoarena: Unknown option --seed: did you mean --seeds\? \(see --help\)\n$/);
  expectOneLineError(cli(['rn']), /^hpoarena: Unknown command 'rn': did you mean 'run'\?/);
  expectOneLineError(cli(['run', '--optimizers', 'tpe:n_startup=5', '--tasks', 'Pymoo/SO/unconstraint/sphere', '--store', join(tempDir({ after() {} }), 'x.db')]),
    /Unknown option of optimizer 'tpe' 'n_startup'\. Did you mean 'n_startup_trials'\?/);
});

test('malformed YAML shows the offending line; numbers show the value given; n_trials must be whole', (t) => {
  const dir = tempDir(t);
  const spec = join(dir, 'spec.yaml');
  const store = join(dir, 's.db');
  writeFileSync(spec, 'experiment: a\noptimizers:\n  - name: random\n   label: x\n');
  const yaml = cli(['run', spec, '--store', store]);
  expectOneLineError(yaml, /Malformed YAML in '.*spec\.yaml' at line 4, column 1: .*\.\n {2}4 \| {4}label: x\n {6}\^/);
  writeFileSync(spec, 'workers: "two"\n');
  expectOneLineError(cli(['run', spec, '--store', store]), /'workers' in spec '.*' must be a non-negative integer, got "two"\./);
  writeFileSync(spec, 'n_trials: 10.5\n');
  expectOneLineError(cli(['run', spec, '--store', store]), /'n_trials' in spec '.*' must be a positive integer, got 10\.5\./);
  const flags = ['run', '--optimizers', 'random', '--tasks', 'Pymoo/SO/unconstraint/sphere', '--store', store];
  expectOneLineError(cli([...flags, '--workers', 'two']), /--workers must be a non-negative integer, got "two"\./);
  expectOneLineError(cli([...flags, '--n-trials', '10.5']), /--n-trials must be a positive integer, got "10\.5"\./);
  expectOneLineError(cli([...flags, '--time-budget', 'soon']), /--time-budget must be a positive number, got "soon"\./);
});

test('ranges print as the space defines them (no exp(log(x)) noise)', () => {
  const space = SearchSpace.fromConfigSpaceJson({
    hyperparameters: [{ name: 'lr', type: 'uniform_float', lower: 0.00010000000000000009, upper: 0.10000000000000002, log: true, default_value: 0.01 }],
  });
  assert.throws(() => space.validate({ lr: 0.5 }), (error: Error) => {
    assert.ok(error instanceof InvalidConfigError);
    assert.match(error.message, /\[0\.0001, 0\.1\]/);
    assert.doesNotMatch(error.message, /0000000000|\.\.$/);
    return true;
  });
});

test('a failed external optimizer: run and status show its last stderr lines; the stored error has no harness stack frames', (t) => {
  const dir = tempDir(t);
  const spec = join(dir, 'spec.yaml');
  const store = join(dir, 's.db');
  writeFileSync(spec, [
    'experiment: crash', 'optimizers:', '  - name: external', '    label: crashing', '    options:',
    `      command: ${JSON.stringify(process.execPath)}`, `      args: [${JSON.stringify(FAKE)}, crash]`,
    'tasks: [Pymoo/SO/unconstraint/sphere]', 'n_trials: 5', `store: ${JSON.stringify(store)}`, 'workers: 0', '',
  ].join('\n'));
  const run = cli(['run', spec]);
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stdout, /failed: crashing on .* exited unexpectedly with code 3\.\n {4}last lines of its stderr:\n(.*\n)* {6}\| RuntimeError: fake crash on the third ask/);
  const status = cli(['status', 'crash', '--store', store]);
  assert.match(status.stdout, /last lines of its stderr:\n(.*\n)* {6}\| RuntimeError: fake crash on the third ask/);
  const stored = JSON.parse(cli(['status', 'crash', '--store', store, '--json']).stdout).failed[0].error as string;
  assert.match(stored, /^ExternalOptimizerError: /);
  assert.doesNotMatch(stored, /\n\s+at /, 'no harness stack frames in the stored error');
});

test('an invalid proposal from an external optimizer reads as one sentence (no double period)', async (t) => {
  const store = openSqliteStore(join(tempDir(t), 's.db'));
  t.after(() => store.close());
  await runExperiment(store, {
    experiment: 'range', optimizers: [{ name: 'external', label: 'wild', options: { command: process.execPath, args: [FAKE, 'out-of-range'] } }],
    tasks: ['Pymoo/SO/unconstraint/sphere'], seeds: [1], nTrials: 5,
  }, { workers: 0 });
  const [run] = store.listRuns('range');
  assert.equal(run.status, 'failed');
  assert.match(run.error ?? '', /is outside its range/);
  assert.doesNotMatch(run.error ?? '', /\.\./);
});
