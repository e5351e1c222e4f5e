import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InvalidConfigError } from '../../core/errors.js';
import { SearchSpace } from '../../core/space/searchSpace.js';
import type { Config } from '../../core/space/types.js';
import { skipWithoutSpaces, yahpoSpace } from './yahpoSpaces.js';

const NEEDS_XGB = { skip: skipWithoutSpaces('rbv2_xgboost') };

const gbtree: Config = {
  alpha: 1, booster: 'gbtree', lambda: 1, nrounds: 144, 'num.impute.selected.cpo': 'impute.mean', repl: 6, subsample: 0.55, task_id: '1040', trainsize: 0.525,
  colsample_bylevel: 0.5, colsample_bytree: 0.5, eta: 0.03, gamma: 0.02, max_depth: 8, min_child_weight: 20,
};

function rejects(space: SearchSpace, config: Config, message: string | RegExp): void {
  assert.throws(() => space.validate(config), (e: Error) => e instanceof InvalidConfigError && (typeof message === 'string' ? e.message === message : message.test(e.message)), `expected ${message}`);
  assert.equal(space.isValid(config), false);
}

test('a valid config passes', NEEDS_XGB, () => {
  const xgb = yahpoSpace('rbv2_xgboost');
  xgb.validate(gbtree);
  assert.equal(xgb.isValid(gbtree), true);
  assert.equal(xgb.isValid(xgb.defaultConfig()), true);
});

test('unknown parameter: named, with the closest valid name', NEEDS_XGB, () => {
  const xgb = yahpoSpace('rbv2_xgboost');
  rejects(xgb, { ...gbtree, etaa: 0.1 }, /^Unknown hyperparameter 'etaa'\. Did you mean 'eta'\? Valid: alpha, booster, lambda/);
});

test('missing active parameter: named, with why it is active and what it takes', NEEDS_XGB, () => {
  const xgb = yahpoSpace('rbv2_xgboost');
  const { eta: _eta, ...rest } = gbtree;
  rejects(xgb, rest, "Hyperparameter 'eta' is missing (active because its condition booster in {'dart', 'gbtree'} holds); it takes float in [0.0009118819655545162, 1], log scale.");
  const { alpha: _alpha, ...noAlpha } = gbtree;
  rejects(xgb, noAlpha, "Hyperparameter 'alpha' is missing; it takes float in [0.0009118819655545162, 1096.6331584284585], log scale.");
});

test('inactive parameter present: named, with its condition', NEEDS_XGB, () => {
  const xgb = yahpoSpace('rbv2_xgboost');
  rejects(xgb, { ...gbtree, rate_drop: 0.3 }, "Hyperparameter 'rate_drop' is inactive (its condition booster == 'dart' does not hold) but is set to 0.3; leave it out.");
});

test('out of range: the value and the allowed range', NEEDS_XGB, () => {
  const xgb = yahpoSpace('rbv2_xgboost');
  rejects(xgb, { ...gbtree, subsample: 1.5 }, "Hyperparameter 'subsample' = 1.5 is outside its range: float in [0.1, 1].");
  rejects(xgb, { ...gbtree, max_depth: 0 }, "Hyperparameter 'max_depth' = 0 is outside its range: int in [1, 15].");
  rejects(xgb, { ...gbtree, subsample: Number.NaN }, "Hyperparameter 'subsample' = NaN is not a number; it takes float in [0.1, 1].");
});

test('not an integer for an int', NEEDS_XGB, () => {
  const xgb = yahpoSpace('rbv2_xgboost');
  rejects(xgb, { ...gbtree, max_depth: 2.5 }, "Hyperparameter 'max_depth' = 2.5 is not an integer; it takes int in [1, 15].");
});

test('wrong type for a number', NEEDS_XGB, () => {
  const xgb = yahpoSpace('rbv2_xgboost');
  rejects(xgb, { ...gbtree, subsample: '0.5' }, "Hyperparameter 'subsample' = '0.5' is not a number; it takes float in [0.1, 1].");
});

test('value not among the choices', NEEDS_XGB, () => {
  const xgb = yahpoSpace('rbv2_xgboost');
  rejects(xgb, { ...gbtree, booster: 'linear' }, "Hyperparameter 'booster' = 'linear' is not among its choices: one of {'gblinear', 'gbtree', 'dart'}.");
  rejects(xgb, { ...gbtree, task_id: 1040 }, /^Hyperparameter 'task_id' = 1040 is not among its choices: one of \{'16', '40923'.*\(119 in all\)\}\.$/);
});

test('ordinal, constant and q-grid values', () => {
  const space = new SearchSpace({
    hyperparameters: [
      { type: 'ordinal', name: 'o', sequence: [1, 2, 4], default: 2 },
      { type: 'constant', name: 'k', value: 'on' },
      { type: 'float', name: 'f', lower: 0, upper: 1, log: false, default: 0.5, q: 0.25 },
    ],
  });
  space.validate({ o: 4, k: 'on', f: 0.75 });
  rejects(space, { o: 3, k: 'on', f: 0.5 }, "Hyperparameter 'o' = 3 is not among its choices: one of the ordered {1, 2, 4}.");
  rejects(space, { o: 1, k: 'off', f: 0.5 }, "Hyperparameter 'k' = 'off' differs from its constant value 'on'.");
  rejects(space, { o: 1, k: 'on', f: 0.3 }, "Hyperparameter 'f' = 0.3 is not on its grid: float in [0, 1], multiples of q=0.25 from 0.");
});

test('not an object', NEEDS_XGB, () => {
  const xgb = yahpoSpace('rbv2_xgboost');
  rejects(xgb, null as unknown as Config, 'A configuration must be an object of hyperparameter values, got null.');
});

test('isActive on an unknown name is an InvalidConfigError naming it', NEEDS_XGB, () => {
  const xgb = yahpoSpace('rbv2_xgboost');
  assert.throws(() => xgb.isActive('etaa', gbtree), (e: Error) => e instanceof InvalidConfigError && /'etaa'/.test(e.message));
});
