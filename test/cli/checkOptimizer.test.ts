import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { allOptimizers } from '../../optimizers/index.js';
import { suiteCases } from '../../runner/index.js';
import { cli, FAULTY_PLUGIN, REPO_ROOT } from '../helpers.js';

const NON_CONFORMING = join(REPO_ROOT, 'dist/test/fixtures/nonConformingPlugin.js');

test('check-optimizer passes a shipped optimizer on every case of the suite and names each one', () => {
  const result = cli(['check-optimizer', 'random']);
  assert.equal(result.status, 0, result.stderr);
  const cases = suiteCases(allOptimizers().find((f) => f.name === 'random')!);
  // Every hyperparameter type, conditions, forbiddens, and each task type random declares (MF, MO, MF-MO).
  for (const name of ['float', 'int', 'categorical', 'ordinal', 'constant', 'log', 'conditional', 'forbidden', '50d']) assert.match(result.stdout, new RegExp(`pass  space '${name}' \\(blackbox\\)`));
  for (const type of ['multi-fidelity', 'multi-objective', 'multi-fidelity-multi-objective']) assert.match(result.stdout, new RegExp(`pass  mixed space \\(${type}\\)`));
  assert.match(result.stdout, new RegExp(`${cases.length} of ${cases.length} cases passed\\n$`));
  assert.match(result.stdout, /resume by replay/);
});

test('check-optimizer runs an optimizer that declares supportsPending with 4 trials in flight, on every task type it supports', () => {
  const result = cli(['check-optimizer', 'asha', '--case', 'pending']);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /pending-trials cases: the same with 4 trials in flight \(asks before tells, tells out of order\)/);
  assert.match(result.stdout, /pass  pending trials, K = 4 \(multi-fidelity\), 40 trials/);
  const cmaes = cli(['check-optimizer', 'cmaes', '--case', 'float']);
  assert.equal(cmaes.status, 0, cmaes.stderr);
  assert.match(cmaes.stdout, /no pending-trials cases: the optimizer does not declare supportsPending/);
});

test("check-optimizer skips the pending-trials cases of an external program that does not list the 'pending' capability", () => {
  const fake = join(REPO_ROOT, 'dist/test/external/fakes/fakeProgram.js');
  const result = cli(['check-optimizer', 'external', '--case', 'pending', '--options', JSON.stringify({ command: process.execPath, args: [fake, 'ok'] })]);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /skip  pending trials, K = 4 \(blackbox\): the program does not list the 'pending' capability/);
  assert.match(result.stdout, /0 of 0 cases passed \(4 skipped\)/);
});

test('check-optimizer fails a plugin optimizer that proposes an invalid config, naming the trial and the config', () => {
  const result = cli(['check-optimizer', 'test-extra-parameter', '--plugin', NON_CONFORMING, '--case', 'forbidden']);
  assert.equal(result.status, 1, result.stderr);
  assert.match(result.stdout, /FAIL  space 'forbidden' \(blackbox\)/);
  assert.match(result.stdout, /trial 3: invalid config \{"a":.*"bogus":1\}: Unknown hyperparameter 'bogus'/);
  assert.match(result.stdout, /0 of 1 cases passed; failed: space 'forbidden' \(blackbox\)/);
});

test('check-optimizer fails an optimizer whose trials do not follow its seed, showing both proposals', () => {
  const result = cli(['check-optimizer', 'test-unseeded', '--plugin', NON_CONFORMING, '--case', 'float']);
  assert.equal(result.status, 1, result.stderr);
  assert.match(result.stdout, /not deterministic under a seed: trial 0 was \{"config":\{"x":.*\}, then \{"config":\{"x":/);
});

test('check-optimizer reports an optimizer that throws on one line: the trial, the call, the message and where it was thrown', () => {
  const result = cli(['check-optimizer', 'test-throws-at-5', '--plugin', FAULTY_PLUGIN, '--case', "'int'"]);
  assert.equal(result.status, 1, result.stderr);
  assert.match(result.stdout, /trial 5: ask\(\) threw: Error: optimizer exploded on purpose \(at .*faultyPlugin\.js:\d+:\d+\)\)\n/);
});

test('check-optimizer runs an external program through the protocol (the reference client), one JSON line per case with --json', () => {
  const result = cli(['check-optimizer', 'external', '--case', 'mixed space', '--json']);
  assert.equal(result.status, 0, result.stderr);
  const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
  assert.deepEqual(lines.map((l) => l.type), ['multi-fidelity', 'multi-objective', 'multi-fidelity-multi-objective']);
  assert.ok(lines.every((l) => l.passed === true && l.failure === undefined));
});

test('check-optimizer: an unknown optimizer, a bad option or an unmatched --case is one clear message and exit 2', () => {
  for (const [args, pattern] of [
    [['check-optimizer', 'randm'], /Unknown optimizer 'randm'. Did you mean 'random'\?/],
    [['check-optimizer', 'tpe:gamma_x=1'], /Unknown option of optimizer 'tpe' 'gamma_x'/],
    [['check-optimizer', 'external', '--options', '{"args": 3}'], /Option 'args' of optimizer 'external'/],
    [['check-optimizer', 'external', '--options', '[1]'], /--options must be a JSON object/],
    [['check-optimizer', 'random', '--case', 'nope'], /No case of 'random' matches --case 'nope'; cases: space 'float' \(blackbox\)/],
  ] as const) {
    const result = cli([...args]);
    assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
    assert.match(result.stderr, pattern);
    assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace for a user error');
    assert.equal(result.stdout, '');
  }
});
