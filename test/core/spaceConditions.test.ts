import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SpecError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import { SearchSpace } from '../../core/space/searchSpace.js';
import type { Condition, Hyperparameter } from '../../core/space/types.js';

/** kernel -> degree -> coef0 is a two-level chain; max_iter hangs on an OR, layers on an AND of an OR. */
const hyperparameters: Hyperparameter[] = [
  { type: 'categorical', name: 'kernel', choices: ['linear', 'rbf', 'poly'], default: 'rbf' },
  { type: 'float', name: 'C', lower: 0.01, upper: 100, log: true, default: 1 },
  { type: 'int', name: 'degree', lower: 2, upper: 5, log: false, default: 3 },
  { type: 'float', name: 'coef0', lower: -1, upper: 1, log: false, default: 0 },
  { type: 'float', name: 'gamma', lower: 0, upper: 1, log: false, default: 0.1 },
  { type: 'categorical', name: 'shrinking', choices: ['TRUE', 'FALSE'], default: 'TRUE' },
  { type: 'int', name: 'max_iter', lower: 10, upper: 1000, log: true, default: 100 },
  { type: 'ordinal', name: 'size', sequence: ['small', 'medium', 'large'], default: 'medium' },
  { type: 'float', name: 'momentum', lower: 0, upper: 1, log: false, default: 0.9 },
  { type: 'int', name: 'layers', lower: 1, upper: 9, log: false, default: 5 },
];
const conditions: Condition[] = [
  { child: 'degree', clause: { type: 'EQ', parent: 'kernel', value: 'poly' } },
  { child: 'coef0', clause: { type: 'GT', parent: 'degree', value: 2 } },
  { child: 'gamma', clause: { type: 'IN', parent: 'kernel', values: ['rbf', 'poly'] } },
  { child: 'max_iter', clause: { type: 'OR', clauses: [{ type: 'LT', parent: 'C', value: 1 }, { type: 'EQ', parent: 'shrinking', value: 'FALSE' }] } },
  { child: 'momentum', clause: { type: 'NEQ', parent: 'size', value: 'small' } },
  {
    child: 'layers',
    clause: { type: 'AND', clauses: [{ type: 'OR', clauses: [{ type: 'EQ', parent: 'size', value: 'large' }, { type: 'GT', parent: 'C', value: 10 }] }, { type: 'NEQ', parent: 'kernel', value: 'linear' }] },
  },
];
const space = new SearchSpace({ hyperparameters, conditions });

test('default config applies conditions', () => {
  assert.deepEqual(space.defaultConfig(), { kernel: 'rbf', C: 1, gamma: 0.1, shrinking: 'TRUE', size: 'medium', momentum: 0.9 });
});

test('EQ/IN: a child is active only while its condition holds', () => {
  const base = { C: 1, shrinking: 'TRUE', size: 'medium' } as const;
  assert.deepEqual(space.activeNames({ ...base, kernel: 'linear' }), ['kernel', 'C', 'shrinking', 'size', 'momentum']);
  assert.equal(space.isActive('gamma', { ...base, kernel: 'rbf' }), true);
  assert.equal(space.isActive('degree', { ...base, kernel: 'rbf' }), false);
  assert.equal(space.isActive('degree', { ...base, kernel: 'poly' }), true);
});

test('two-level chain: a grandchild needs its parent active, not just present', () => {
  const poly = { kernel: 'poly', C: 1, shrinking: 'TRUE', size: 'medium', degree: 3 };
  assert.equal(space.isActive('coef0', poly), true);
  assert.equal(space.isActive('coef0', { ...poly, degree: 2 }), false, 'GT 2 fails');
  // degree=3 is stale here: kernel=rbf makes degree inactive, so coef0 is inactive too.
  assert.equal(space.isActive('coef0', { ...poly, kernel: 'rbf' }), false);
  assert.deepEqual(space.activeNames({ ...poly, kernel: 'rbf' }), ['kernel', 'C', 'gamma', 'shrinking', 'size', 'momentum']);
});

test('OR: active when either branch holds', () => {
  const c = { kernel: 'linear', size: 'medium' };
  assert.equal(space.isActive('max_iter', { ...c, C: 0.5, shrinking: 'TRUE' }), true);
  assert.equal(space.isActive('max_iter', { ...c, C: 5, shrinking: 'FALSE' }), true);
  assert.equal(space.isActive('max_iter', { ...c, C: 5, shrinking: 'TRUE' }), false);
});

test('AND of a nested OR, NEQ, and LT/GT on an ordinal parent by position', () => {
  const c = { kernel: 'rbf', shrinking: 'TRUE', C: 1 };
  assert.equal(space.isActive('layers', { ...c, size: 'large' }), true);
  assert.equal(space.isActive('layers', { ...c, size: 'medium' }), false);
  assert.equal(space.isActive('layers', { ...c, size: 'medium', C: 20 }), true);
  assert.equal(space.isActive('layers', { ...c, size: 'large', kernel: 'linear' }), false);
  assert.equal(space.isActive('momentum', { ...c, size: 'small' }), false);

  const ord = new SearchSpace({
    hyperparameters: [{ type: 'ordinal', name: 'o', sequence: ['low', 'mid', 'high'], default: 'mid' }, { type: 'constant', name: 'k', value: 1 }],
    conditions: [{ child: 'k', clause: { type: 'LT', parent: 'o', value: 'high' } }],
  });
  assert.deepEqual(['low', 'mid', 'high'].map((o) => ord.isActive('k', { o })), [true, true, false]);
});

test('samples respect every condition and leave inactive parameters out', () => {
  const rng = new Rng(11);
  const seen = new Set<string>();
  for (let i = 0; i < 2000; i++) {
    const config = space.sample(rng);
    space.validate(config);
    assert.deepEqual(Object.keys(config), space.activeNames(config));
    for (const name of Object.keys(config)) seen.add(name);
    if (config.kernel !== 'poly') assert.equal('degree' in config || 'coef0' in config, false);
    if ('coef0' in config) assert.ok((config.degree as number) > 2);
  }
  assert.equal(seen.size, hyperparameters.length, 'every parameter is active sometimes');
});

test('conditions are evaluated parents first whatever the declaration order', () => {
  const reversed = new SearchSpace({ hyperparameters: [...hyperparameters].reverse(), conditions });
  assert.deepEqual(reversed.defaultConfig(), { momentum: 0.9, size: 'medium', shrinking: 'TRUE', gamma: 0.1, C: 1, kernel: 'rbf' });
  const config = reversed.sample(new Rng(2));
  reversed.validate(config);
});

test('malformed conditions are SpecErrors naming the parameter', () => {
  const hps: Hyperparameter[] = [
    { type: 'categorical', name: 'a', choices: ['x', 'y'], default: 'x' },
    { type: 'float', name: 'b', lower: 0, upper: 1, log: false, default: 0.5 },
  ];
  const make = (conds: unknown) => () => new SearchSpace({ hyperparameters: hps, conditions: conds as Condition[] });
  assert.throws(make([{ child: 'b', clause: { type: 'EQ', parent: 'nope', value: 'x' } }]), (e: Error) => e instanceof SpecError && /'b'.*unknown parent hyperparameter 'nope'/.test(e.message));
  assert.throws(make([{ child: 'zz', clause: { type: 'EQ', parent: 'a', value: 'x' } }]), /unknown hyperparameter 'zz'/);
  assert.throws(make([{ child: 'b', clause: { type: 'EQ', parent: 'a', value: 'z' } }]), /'b'.*'a'.*value 'z'.*valid: \{'x', 'y'\}/);
  assert.throws(make([{ child: 'b', clause: { type: 'LT', parent: 'a', value: 'x' } }]), /'b'.*LT.*numeric or ordinal parent/);
  assert.throws(make([{ child: 'b', clause: { type: 'XOR', parent: 'a', value: 'x' } }]), /'b'.*unknown type 'XOR'/);
  assert.throws(
    make([
      { child: 'a', clause: { type: 'GT', parent: 'b', value: 0.5 } },
      { child: 'b', clause: { type: 'EQ', parent: 'a', value: 'x' } },
    ]),
    (e: Error) => e instanceof SpecError && /cycle at hyperparameter 'a': 'a' -> 'b' -> 'a'/.test(e.message),
  );
});

test('two conditions on one child must both hold', () => {
  const s = new SearchSpace({
    hyperparameters: [
      { type: 'int', name: 'a', lower: 0, upper: 9, log: false, default: 5 },
      { type: 'constant', name: 'k', value: 'on' },
    ],
    conditions: [
      { child: 'k', clause: { type: 'GT', parent: 'a', value: 2 } },
      { child: 'k', clause: { type: 'LT', parent: 'a', value: 7 } },
    ],
  });
  assert.deepEqual([2, 3, 6, 7].map((a) => s.isActive('k', { a })), [false, true, true, false]);
});
