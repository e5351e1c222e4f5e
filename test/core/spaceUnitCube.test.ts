import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InvalidConfigError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import { SearchSpace } from '../../core/space/searchSpace.js';
import type { Config, Hyperparameter } from '../../core/space/types.js';
import { skipWithoutSpaces, yahpoSpace } from './yahpoSpaces.js';

const NEEDS_XGB = { skip: skipWithoutSpaces('rbv2_xgboost') };

function one(hp: Hyperparameter): SearchSpace {
  return new SearchSpace({ hyperparameters: [hp] });
}

/** Floats are equal up to rounding of the log/linear map; everything else exactly. */
function assertSameConfig(actual: Config, expected: Config): void {
  assert.deepEqual(Object.keys(actual), Object.keys(expected));
  for (const [name, v] of Object.entries(expected)) {
    const a = actual[name];
    if (typeof v === 'number' && !Number.isInteger(v)) assert.ok(Math.abs((a as number) - v) <= 1e-12 * Math.max(1, Math.abs(v)), `${name}: ${a} vs ${v}`);
    else assert.equal(a, v, name);
  }
}

test('float: linear and log positions', () => {
  const lin = one({ type: 'float', name: 'x', lower: -2, upper: 6, log: false, default: 0 });
  assert.deepEqual([...lin.encode({ x: 0 })], [0.25]);
  assert.deepEqual(lin.decode([0.75]), { x: 4 });
  const log = one({ type: 'float', name: 'x', lower: 0.001, upper: 1000, log: true, default: 1 });
  assert.ok(Math.abs(log.encode({ x: 1 })[0] - 0.5) < 1e-15);
  assert.ok(Math.abs((log.decode([0.25]).x as number) - Math.sqrt(0.001)) < 1e-15);
  assert.deepEqual(log.decode([0]), { x: 0.001 });
  assert.deepEqual(log.decode([1]), { x: 1000 });
});

test('int: equal-width cells, decode(u) = lower + floor(u * (upper - lower + 1))', () => {
  const s = one({ type: 'int', name: 'n', lower: 1, upper: 5, log: false, default: 3 });
  assert.deepEqual([0, 0.1999, 0.2, 0.5, 0.9999, 1].map((u) => s.decode([u]).n), [1, 1, 2, 3, 5, 5]);
  assert.deepEqual([1, 2, 3, 4, 5].map((n) => s.encode({ n })[0]), [0.1, 0.3, 0.5, 0.7, 0.9]);
});

test('int log: cells [k - 0.5, k + 0.5) on the log axis, encode at their centre', () => {
  const s = one({ type: 'int', name: 'n', lower: 1, upper: 1000, log: true, default: 10 });
  const edge = (k: number) => Math.log((k - 0.5) / 0.5) / Math.log(1000.5 / 0.5); // position of k - 0.5
  assert.equal(s.decode([edge(2) - 1e-9]).n, 1);
  assert.equal(s.decode([edge(2) + 1e-9]).n, 2);
  assert.equal(s.decode([0]).n, 1);
  assert.equal(s.decode([1]).n, 1000);
  const u = s.encode({ n: 10 })[0];
  assert.ok(u > edge(10) && u < edge(11));
  for (let n = 1; n <= 1000; n++) assert.equal(s.decode(s.encode({ n })).n, n);
});

test('categorical and ordinal: index cells, centres on encode', () => {
  const s = new SearchSpace({
    hyperparameters: [
      { type: 'categorical', name: 'c', choices: ['a', 'b', 'c'], default: 'a', weights: [5, 1, 1] },
      { type: 'ordinal', name: 'o', sequence: [10, 20], default: 10 },
    ],
  });
  assert.deepEqual([0, 0.33, 0.34, 0.67, 1].map((u) => s.decode([u, 0]).c), ['a', 'a', 'b', 'c', 'c']);
  assert.deepEqual([...s.encode({ c: 'b', o: 20 })], [0.5, 0.75]);
  assert.deepEqual(s.decode([0.5, 0.49]), { c: 'b', o: 10 });
});

test('constant encodes to 0.5, the centre of its one cell', () => {
  const s = new SearchSpace({ hyperparameters: [{ type: 'constant', name: 'k', value: 'on' }] });
  assert.deepEqual([...s.encode({ k: 'on' })], [0.5]);
  assert.deepEqual(s.decode([0.1]), { k: 'on' });
});

test('quantized: grid cells', () => {
  const s = one({ type: 'float', name: 'f', lower: 0, upper: 1, log: false, default: 0.5, q: 0.25 });
  assert.deepEqual([0, 0.19, 0.2, 0.5, 0.99, 1].map((u) => s.decode([u]).f), [0, 0, 0.25, 0.5, 1, 1]);
  assert.deepEqual([...s.encode({ f: 0.75 })], [0.7]);
});

test('decode clamps to [0, 1], NaN for an active slot takes the default', () => {
  const s = new SearchSpace({
    hyperparameters: [
      { type: 'float', name: 'x', lower: 1, upper: 2, log: false, default: 1.5 },
      { type: 'int', name: 'n', lower: 0, upper: 3, log: false, default: 2 },
    ],
  });
  assert.deepEqual(s.decode([-3, 7]), { x: 1, n: 3 });
  assert.deepEqual(s.decode([Number.NaN, 0]), { x: 1.5, n: 0 });
  assert.throws(() => s.decode([0.5]), (e: Error) => e instanceof InvalidConfigError && /2 numbers.*\(x, n\), got 1/.test(e.message));
});

test('inactive parameters: NaN on encode, dropped on decode', NEEDS_XGB, () => {
  const xgb = yahpoSpace('rbv2_xgboost');
  const config = xgb.sample(new Rng(3));
  const gblinear = { ...xgb.defaultConfig() };
  const v = xgb.encode(gblinear);
  assert.deepEqual(xgb.names.filter((_, i) => Number.isNaN(v[i])), ['colsample_bylevel', 'colsample_bytree', 'eta', 'gamma', 'max_depth', 'min_child_weight', 'rate_drop', 'skip_drop']);
  const all = new Float64Array(xgb.dimension).fill(0.5); // booster 0.5 -> gbtree
  const decoded = xgb.decode(all);
  assert.equal(decoded.booster, 'gbtree');
  assert.equal('rate_drop' in decoded, false);
  assert.equal(decoded.max_depth, 8);
  xgb.validate(decoded);
  xgb.validate(config);
});

test('encode rejects what it cannot place, naming the parameter', NEEDS_XGB, () => {
  const xgb = yahpoSpace('rbv2_xgboost');
  assert.throws(() => xgb.encode({ ...xgb.defaultConfig(), booster: 'linear' }), (e: Error) => e instanceof InvalidConfigError && /'booster' = 'linear'/.test(e.message));
  const { alpha: _a, ...rest } = xgb.defaultConfig();
  assert.throws(() => xgb.encode(rest), /'alpha' is missing/);
});

test('decode(encode(c)) == c for sampled configs of every type', NEEDS_XGB, () => {
  const xgb = yahpoSpace('rbv2_xgboost');
  const spaces = [
    xgb,
    new SearchSpace({
      hyperparameters: [
        { type: 'int', name: 'il', lower: 3, upper: 3000, log: true, default: 30 },
        { type: 'int', name: 'i', lower: -4, upper: 4, log: false, default: 0 },
        { type: 'float', name: 'fq', lower: 0.1, upper: 2, log: false, default: 1, q: 0.1 },
        { type: 'int', name: 'iq', lower: 0, upper: 100, log: false, default: 50, q: 5 },
        { type: 'ordinal', name: 'o', sequence: ['x', 'y', 'z'], default: 'y' },
        { type: 'constant', name: 'k', value: 7 },
        { type: 'float', name: 'p', lower: 0, upper: 1, log: false, default: 0.5, prior: { kind: 'beta', alpha: 2, beta: 2 } },
      ],
    }),
  ];
  const rng = new Rng(17);
  for (const space of spaces) {
    for (let i = 0; i < 500; i++) {
      const c = space.sample(rng);
      assertSameConfig(space.decode(space.encode(c)), c);
    }
  }
});

test('encode(decode(u)) lands in the same cell: decoding it again gives the same config', NEEDS_XGB, () => {
  const xgb = yahpoSpace('rbv2_xgboost');
  const rng = new Rng(23);
  for (let i = 0; i < 1000; i++) {
    const u = Array.from({ length: xgb.dimension }, () => rng.random());
    const c = xgb.decode(u);
    xgb.validate(c);
    const again = xgb.encode(c);
    assertSameConfig(xgb.decode(again), c);
    for (let j = 0; j < u.length; j++) {
      if (Number.isNaN(again[j])) assert.equal(xgb.names[j] in c, false);
      else assert.ok(again[j] >= 0 && again[j] <= 1);
    }
  }
});
