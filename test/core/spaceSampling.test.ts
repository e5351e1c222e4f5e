import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../../core/rng.js';
import { SearchSpace } from '../../core/space/searchSpace.js';
import { skipWithoutSpaces, yahpoSpace as yahpo } from './yahpoSpaces.js';

const TREE_ONLY = ['colsample_bylevel', 'colsample_bytree', 'eta', 'gamma', 'max_depth', 'min_child_weight'];
const DART_ONLY = ['rate_drop', 'skip_drop'];

test('rbv2_xgboost: 2000 samples validate, inactive parameters are absent', { skip: skipWithoutSpaces('rbv2_xgboost') }, () => {
  const space = yahpo('rbv2_xgboost');
  const rng = new Rng(2024);
  const boosters = new Map<string, number>();
  for (let i = 0; i < 2000; i++) {
    const config = space.sample(rng);
    space.validate(config);
    const booster = config.booster as string;
    boosters.set(booster, (boosters.get(booster) ?? 0) + 1);
    for (const name of TREE_ONLY) assert.equal(name in config, booster !== 'gblinear', `${name} with booster=${booster}`);
    for (const name of DART_ONLY) assert.equal(name in config, booster === 'dart', `${name} with booster=${booster}`);
    assert.equal(Object.keys(config).length, booster === 'gblinear' ? 9 : booster === 'gbtree' ? 15 : 17);
    assert.ok(Number.isInteger(config.nrounds) && (config.nrounds as number) >= 7 && (config.nrounds as number) <= 2981);
  }
  for (const b of ['gblinear', 'gbtree', 'dart']) assert.ok((boosters.get(b) ?? 0) > 550, `${b}: ${boosters.get(b)}`);
});

test('same seed, same configurations; another seed, others', { skip: skipWithoutSpaces('rbv2_xgboost', 'lcbench') }, () => {
  const space = yahpo('rbv2_xgboost');
  const run = (seed: number) => {
    const rng = new Rng(seed);
    return Array.from({ length: 50 }, () => space.sample(rng));
  };
  assert.deepEqual(run(7), run(7));
  assert.notDeepEqual(run(7), run(8));
  const lc = yahpo('lcbench');
  assert.deepEqual(lc.sample(new Rng('a/b')), lc.sample(new Rng('a/b')));
});

test('sampling draws only through the Rng: a copy of its state gives the same config', { skip: skipWithoutSpaces('lcbench') }, () => {
  const space = yahpo('lcbench');
  const rng = new Rng(3);
  space.sample(rng);
  const fork = new Rng(3);
  space.sample(fork);
  assert.deepEqual(space.sample(rng), space.sample(fork));
});

test('unconditioned 10-D float space: each draw is lower + u * (upper - lower) in names order', () => {
  const hyperparameters = Array.from({ length: 10 }, (_, i) => ({ type: 'float' as const, name: `x${i}`, lower: -5, upper: 5, log: false, default: 0 }));
  const space = new SearchSpace({ hyperparameters });
  const rng = new Rng(99);
  const mirror = new Rng(99);
  const config = space.sample(rng);
  assert.deepEqual(Object.keys(config), space.names);
  for (const name of space.names) assert.equal(config[name], -5 + 10 * mirror.random());
});

test('configs list parameters in names order even when conditions reorder the draws', { skip: skipWithoutSpaces('rbv2_xgboost') }, () => {
  const space = yahpo('rbv2_xgboost');
  const rng = new Rng(1);
  for (let i = 0; i < 50; i++) {
    const config = space.sample(rng);
    assert.deepEqual(Object.keys(config), space.names.filter((n) => n in config));
  }
});
