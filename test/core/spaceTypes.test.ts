import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../../core/rng.js';
import { SearchSpace } from '../../core/space/searchSpace.js';
import { SpecError } from '../../core/errors.js';
import type { Hyperparameter } from '../../core/space/types.js';

function draws(hp: Hyperparameter, n: number, seed = 1): unknown[] {
  const space = new SearchSpace({ hyperparameters: [hp] });
  const rng = new Rng(seed);
  return Array.from({ length: n }, () => space.sample(rng)[hp.name]);
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

test('float: uniform on [lower, upper], default kept', () => {
  const hp: Hyperparameter = { type: 'float', name: 'x', lower: -2, upper: 6, log: false, default: 1 };
  const xs = draws(hp, 5000) as number[];
  assert.ok(xs.every((x) => typeof x === 'number' && x >= -2 && x <= 6));
  assert.ok(Math.abs(mean(xs) - 2) < 0.15, `mean ${mean(xs)}`);
  assert.ok(xs.filter((x) => x < 0).length / xs.length > 0.22 && xs.filter((x) => x < 0).length / xs.length < 0.28);
  assert.deepEqual(new SearchSpace({ hyperparameters: [hp] }).defaultConfig(), { x: 1 });
});

test('float log: uniform in log space (half the draws below the geometric mean)', () => {
  const xs = draws({ type: 'float', name: 'lr', lower: 1e-4, upper: 1, log: true, default: 1e-2 }, 5000) as number[];
  assert.ok(xs.every((x) => x >= 1e-4 && x <= 1));
  const below = xs.filter((x) => x < 1e-2).length / xs.length;
  assert.ok(Math.abs(below - 0.5) < 0.03, `fraction below 1e-2: ${below}`);
  const belowDecade = xs.filter((x) => x < 1e-3).length / xs.length;
  assert.ok(Math.abs(belowDecade - 0.25) < 0.03, `fraction below 1e-3: ${belowDecade}`);
});

test('int: every integer equally likely, only integers', () => {
  const xs = draws({ type: 'int', name: 'n', lower: 1, upper: 5, log: false, default: 3 }, 10000) as number[];
  assert.ok(xs.every((x) => Number.isInteger(x)));
  for (let k = 1; k <= 5; k++) {
    const share = xs.filter((x) => x === k).length / xs.length;
    assert.ok(Math.abs(share - 0.2) < 0.02, `share of ${k}: ${share}`);
  }
});

test('int log: uniform over log cells [k-0.5, k+0.5)', () => {
  const xs = draws({ type: 'int', name: 'n', lower: 1, upper: 1000, log: true, default: 31 }, 10000) as number[];
  assert.ok(xs.every((x) => Number.isInteger(x) && x >= 1 && x <= 1000));
  const expected = Math.log(31.5 / 0.5) / Math.log(1000.5 / 0.5);
  const share = xs.filter((x) => x <= 31).length / xs.length;
  assert.ok(Math.abs(share - expected) < 0.03, `share <= 31: ${share}, expected ${expected}`);
  assert.ok(xs.includes(1), "1 owns 14% of the log axis");
  assert.ok(Math.max(...xs) > 950);
});

test('categorical: uniform without weights, proportional with weights', () => {
  const plain = draws({ type: 'categorical', name: 'c', choices: ['a', 'b', 'c', 'd'], default: 'a' }, 8000);
  for (const v of ['a', 'b', 'c', 'd']) assert.ok(Math.abs(plain.filter((x) => x === v).length / 8000 - 0.25) < 0.025);
  const weighted = draws({ type: 'categorical', name: 'c', choices: ['a', 'b', 'c'], default: 'b', weights: [1, 0, 3] }, 8000);
  assert.equal(weighted.filter((x) => x === 'b').length, 0);
  assert.ok(Math.abs(weighted.filter((x) => x === 'c').length / 8000 - 0.75) < 0.025);
});

test('categorical choices may be numbers and booleans', () => {
  const xs = draws({ type: 'categorical', name: 'c', choices: [true, false, 3], default: 3 }, 300);
  assert.deepEqual(new Set(xs), new Set([true, false, 3]));
});

test('ordinal: every element of the sequence, nothing else', () => {
  const xs = draws({ type: 'ordinal', name: 'o', sequence: [0.001, 0.01, 0.1], default: 0.01 }, 3000);
  assert.deepEqual(new Set(xs), new Set([0.001, 0.01, 0.1]));
  for (const v of [0.001, 0.01, 0.1]) assert.ok(Math.abs(xs.filter((x) => x === v).length / 3000 - 1 / 3) < 0.03);
});

test('constant: always its value, draws no randomness', () => {
  const space = new SearchSpace({ hyperparameters: [{ type: 'constant', name: 'k', value: 'fixed' }, { type: 'float', name: 'x', lower: 0, upper: 1, log: false, default: 0.5 }] });
  const a = new Rng(3);
  const b = new Rng(3);
  const config = space.sample(a);
  assert.equal(config.k, 'fixed');
  assert.equal(config.x, b.random());
});

test('quantized float and int stay on the q grid', () => {
  const fs = draws({ type: 'float', name: 'f', lower: 0, upper: 1, log: false, default: 0.5, q: 0.1 }, 2000) as number[];
  assert.deepEqual([...new Set(fs)].sort((a, b) => a - b), [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
  const is = draws({ type: 'int', name: 'i', lower: 2, upper: 20, log: false, default: 8, q: 3 }, 2000) as number[];
  assert.deepEqual([...new Set(is)].sort((a, b) => a - b), [2, 5, 8, 11, 14, 17, 20]);
});

test('normal prior: truncated to the bounds, centred on mu', () => {
  const xs = draws({ type: 'float', name: 'x', lower: -1, upper: 1, log: false, default: 0, prior: { kind: 'normal', mu: 0, sigma: 0.5 } }, 8000) as number[];
  assert.ok(xs.every((x) => x >= -1 && x <= 1));
  assert.ok(Math.abs(mean(xs)) < 0.02, `mean ${mean(xs)}`);
  const sd = Math.sqrt(mean(xs.map((x) => x * x)));
  assert.ok(sd > 0.4 && sd < 0.47, `sd ${sd} (a normal with sigma 0.5 truncated at 2 sigma has 0.44)`);
});

test('normal prior on a log int: sigma in log units around log(mu)', () => {
  const xs = (draws({ type: 'int', name: 'b', lower: 8, upper: 512, log: true, default: 64, prior: { kind: 'normal', mu: 64, sigma: 0.5 } }, 4000) as number[]).sort((a, b) => a - b);
  const median = xs[2000];
  assert.ok(median >= 56 && median <= 72, `median ${median}`);
  const within = xs.filter((x) => x >= 64 / Math.E && x <= 64 * Math.E).length / xs.length;
  assert.ok(within > 0.93, `share within 2 sigma: ${within}`);
});

test('beta prior: Beta(alpha, beta) stretched over the bounds', () => {
  const xs = draws({ type: 'float', name: 'm', lower: 0, upper: 10, log: false, default: 2, prior: { kind: 'beta', alpha: 2, beta: 5 } }, 8000) as number[];
  assert.ok(xs.every((x) => x >= 0 && x <= 10));
  assert.ok(Math.abs(mean(xs) - (10 * 2) / 7) < 0.1, `mean ${mean(xs)}`);
  const ints = draws({ type: 'int', name: 'l', lower: 1, upper: 9, log: false, default: 5, prior: { kind: 'beta', alpha: 3, beta: 3 } }, 4000) as number[];
  assert.ok(ints.every((x) => Number.isInteger(x)));
  assert.ok(Math.abs(mean(ints) - 5) < 0.15);
  assert.ok(ints.filter((x) => x === 5).length > ints.filter((x) => x === 1).length * 3);
});

test('invalid definitions are SpecErrors naming the parameter', () => {
  const make = (hp: unknown) => () => new SearchSpace({ hyperparameters: [hp as Hyperparameter] });
  assert.throws(make({ type: 'float', name: 'x', lower: 5, upper: 1, log: false, default: 2 }), (e: Error) => e instanceof SpecError && /'x'.*lower bound 5 must be below upper bound 1/.test(e.message));
  assert.throws(make({ type: 'float', name: 'x', lower: 0, upper: 1, log: true, default: 0.5 }), /'x'.*log scale needs a positive lower bound/);
  assert.throws(make({ type: 'int', name: 'n', lower: 1, upper: 10, log: false, default: 11 }), /'n'.*default 11 is outside \[1, 10\]/);
  assert.throws(make({ type: 'int', name: 'n', lower: 1.5, upper: 10, log: false, default: 2 }), /'n'.*bounds must be integers/);
  assert.throws(make({ type: 'categorical', name: 'c', choices: ['a', 'b'], default: 'z' }), /'c'.*default 'z' is not one of \{'a', 'b'\}/);
  assert.throws(make({ type: 'categorical', name: 'c', choices: ['a', 'b'], default: 'a', weights: [1] }), /'c'.*one weight per choice/);
  assert.throws(make({ type: 'ordinal', name: 'o', sequence: [], default: 1 }), /'o'.*at least one choice/);
  assert.throws(make({ type: 'tensor', name: 't' }), /'t'.*unknown type 'tensor'/);
  assert.throws(() => new SearchSpace({ hyperparameters: [{ type: 'constant', name: 'k', value: 1 }, { type: 'constant', name: 'k', value: 2 }] }), /'k' is defined twice/);
});

test('dimension, names and get', () => {
  const space = new SearchSpace({ hyperparameters: [{ type: 'constant', name: 'k', value: 1 }, { type: 'ordinal', name: 'o', sequence: [1, 2], default: 1 }] });
  assert.equal(space.dimension, 2);
  assert.deepEqual(space.names, ['k', 'o']);
  assert.equal(space.get('o')?.type, 'ordinal');
  assert.equal(space.get('nope'), undefined);
  assert.deepEqual(space.toDefinition().hyperparameters.map((h) => h.name), ['k', 'o']);
});
