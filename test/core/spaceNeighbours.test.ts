import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InvalidConfigError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import { SearchSpace } from '../../core/space/searchSpace.js';
import type { Config } from '../../core/space/types.js';
import { skipWithoutSpaces, yahpoSpace } from './yahpoSpaces.js';

const NEEDS_XGB = { skip: skipWithoutSpaces('rbv2_xgboost') };

const mixed = new SearchSpace({
  hyperparameters: [
    { type: 'float', name: 'x', lower: 0, upper: 1, log: false, default: 0.5 },
    { type: 'int', name: 'n', lower: 1, upper: 100, log: false, default: 50 },
    { type: 'categorical', name: 'c', choices: ['a', 'b', 'c'], default: 'a' },
    { type: 'ordinal', name: 'o', sequence: ['s', 'm', 'l'], default: 'm' },
    { type: 'constant', name: 'k', value: 1 },
  ],
});

function changed(a: Config, b: Config): string[] {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names].filter((n) => a[n] !== b[n]);
}

test('one-exchange: 4 per numeric, every other choice, adjacent ordinals', () => {
  const config = mixed.defaultConfig();
  const ns = mixed.neighbours(config, new Rng(1));
  assert.equal(ns.length, 4 + 4 + 2 + 2);
  const byParam = new Map<string, Config[]>();
  for (const n of ns) {
    mixed.validate(n);
    const diff = changed(config, n);
    assert.equal(diff.length, 1, JSON.stringify(n));
    byParam.set(diff[0], [...(byParam.get(diff[0]) ?? []), n]);
  }
  assert.deepEqual(new Set(byParam.get('c')?.map((n) => n.c)), new Set(['b', 'c']));
  assert.deepEqual(new Set(byParam.get('o')?.map((n) => n.o)), new Set(['s', 'l']));
  assert.equal(new Set(byParam.get('n')?.map((n) => n.n)).size, 4, 'distinct ints');
  assert.equal(byParam.has('k'), false);
  const edge = mixed.neighbours({ ...config, o: 'l' }, new Rng(1)).filter((n) => n.o !== 'l');
  assert.deepEqual(edge.map((n) => n.o), ['m']);
});

test('numeric moves: normal steps of stdev 0.2 on the unit axis, ints by at least one', () => {
  const rng = new Rng(5);
  const deltas: number[] = [];
  for (let i = 0; i < 3000; i++) {
    for (const n of mixed.neighbours(mixed.defaultConfig(), rng)) {
      if (n.x !== 0.5) deltas.push(Math.abs((n.x as number) - 0.5));
      if (n.n !== 50) assert.ok(Number.isInteger(n.n) && n.n !== 50);
    }
  }
  const meanAbs = deltas.reduce((a, b) => a + b, 0) / deltas.length;
  // E|z| of N(0, 0.2) is 0.160; redrawing steps that leave [0, 1] (|z| > 0.5 from the centre) trims it to 0.155.
  assert.ok(Math.abs(meanAbs - 0.155) < 0.006, `mean |step| ${meanAbs}`);
  const small = new SearchSpace({ hyperparameters: [{ type: 'int', name: 'b', lower: 0, upper: 1, log: false, default: 0 }] });
  assert.deepEqual(small.neighbours({ b: 0 }, new Rng(2)), [{ b: 1 }]);
});

test('conditions re-applied: newly active children take defaults, deactivated ones are dropped', NEEDS_XGB, () => {
  const xgb = yahpoSpace('rbv2_xgboost');
  const gblinear = xgb.defaultConfig();
  const ns = xgb.neighbours(gblinear, new Rng(9));
  const dart = ns.find((n) => n.booster === 'dart');
  assert.ok(dart);
  assert.deepEqual({ rate_drop: dart.rate_drop, skip_drop: dart.skip_drop, eta: dart.eta, max_depth: dart.max_depth }, { rate_drop: 0.5, skip_drop: 0.5, eta: 0.0301973834, max_depth: 8 });
  const fromDart = xgb.neighbours(dart, new Rng(9)).find((n) => n.booster === 'gblinear');
  assert.ok(fromDart);
  assert.deepEqual(Object.keys(fromDart), Object.keys(gblinear));
  for (const n of ns) xgb.validate(n);
});

test('forbidden results are skipped', () => {
  const space = new SearchSpace({
    hyperparameters: [
      { type: 'categorical', name: 'a', choices: ['x', 'y', 'z'], default: 'x' },
      { type: 'categorical', name: 'b', choices: ['p', 'q'], default: 'p' },
    ],
    forbiddens: [{ type: 'AND', clauses: [{ type: 'EQUALS', name: 'a', value: 'y' }, { type: 'EQUALS', name: 'b', value: 'p' }] }],
  });
  const ns = space.neighbours({ a: 'x', b: 'p' }, new Rng(1));
  assert.deepEqual(new Set(ns.map((n) => JSON.stringify(n))), new Set([JSON.stringify({ a: 'z', b: 'p' }), JSON.stringify({ a: 'x', b: 'q' })]));
});

test('count caps the result, or asks numeric parameters for more moves', () => {
  assert.equal(mixed.neighbours(mixed.defaultConfig(), new Rng(1), 3).length, 3);
  const many = mixed.neighbours(mixed.defaultConfig(), new Rng(1), 40);
  assert.equal(many.length, 40);
  for (const n of many) mixed.validate(n);
  assert.deepEqual(mixed.neighbours(mixed.defaultConfig(), new Rng(1), 0), []);
});

test('deterministic for a given Rng state; rejects an invalid start', NEEDS_XGB, () => {
  const xgb = yahpoSpace('rbv2_xgboost');
  const c = xgb.sample(new Rng(1));
  assert.deepEqual(xgb.neighbours(c, new Rng(4)), xgb.neighbours(c, new Rng(4)));
  assert.throws(() => xgb.neighbours({ ...c, booster: 'x' }, new Rng(1)), InvalidConfigError);
});
