import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InvalidConfigError, SpecError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import { SearchSpace } from '../../core/space/searchSpace.js';
import type { Forbidden, Hyperparameter } from '../../core/space/types.js';

const hyperparameters: Hyperparameter[] = [
  { type: 'categorical', name: 'kernel', choices: ['linear', 'rbf', 'poly'], default: 'rbf' },
  { type: 'ordinal', name: 'size', sequence: ['small', 'medium', 'large'], default: 'medium' },
  { type: 'int', name: 'low', lower: 0, upper: 9, log: false, default: 2 },
  { type: 'int', name: 'high', lower: 0, upper: 9, log: false, default: 7 },
  { type: 'int', name: 'degree', lower: 2, upper: 5, log: false, default: 3 },
];

function space(forbiddens: Forbidden[]): SearchSpace {
  return new SearchSpace({ hyperparameters, conditions: [{ child: 'degree', clause: { type: 'EQ', parent: 'kernel', value: 'poly' } }], forbiddens });
}

const base = { kernel: 'rbf', size: 'medium', low: 2, high: 7 };

test('ForbiddenEqualsClause and ForbiddenInClause', () => {
  const s = space([{ type: 'EQUALS', name: 'kernel', value: 'linear' }, { type: 'IN', name: 'size', values: ['small', 'large'] }]);
  assert.equal(s.isForbidden(base), false);
  assert.equal(s.isForbidden({ ...base, kernel: 'linear' }), true);
  assert.equal(s.isForbidden({ ...base, size: 'large' }), true);
  const rng = new Rng(5);
  for (let i = 0; i < 500; i++) {
    const c = s.sample(rng);
    assert.notEqual(c.kernel, 'linear');
    assert.equal(c.size, 'medium');
  }
});

test('ForbiddenAndConjunction hits only when every part does', () => {
  const s = space([{ type: 'AND', clauses: [{ type: 'EQUALS', name: 'kernel', value: 'poly' }, { type: 'IN', name: 'size', values: ['small'] }] }]);
  assert.equal(s.isForbidden({ ...base, kernel: 'poly', degree: 3, size: 'small' }), true);
  assert.equal(s.isForbidden({ ...base, kernel: 'poly', degree: 3 }), false);
  assert.equal(s.isForbidden({ ...base, size: 'small' }), false);
  const rng = new Rng(6);
  let sawPoly = 0;
  for (let i = 0; i < 1000; i++) {
    const c = s.sample(rng);
    assert.ok(!(c.kernel === 'poly' && c.size === 'small'));
    if (c.kernel === 'poly') sawPoly++;
  }
  assert.ok(sawPoly > 200);
});

test('relations: less-than, equals, greater-than between two parameters', () => {
  const less = space([{ type: 'LESS', left: 'high', right: 'low' }]);
  assert.equal(less.isForbidden({ ...base, low: 5, high: 4 }), true);
  assert.equal(less.isForbidden({ ...base, low: 5, high: 5 }), false);
  const equal = space([{ type: 'EQUALS_RELATION', left: 'low', right: 'high' }]);
  assert.equal(equal.isForbidden({ ...base, low: 5, high: 5 }), true);
  assert.equal(equal.isForbidden({ ...base, low: 5, high: 6 }), false);
  const greater = space([{ type: 'GREATER', left: 'low', right: 'high' }]);
  assert.equal(greater.isForbidden({ ...base, low: 6, high: 5 }), true);
  const rng = new Rng(7);
  for (let i = 0; i < 1000; i++) {
    const c = greater.sample(rng);
    assert.ok((c.low as number) <= (c.high as number));
  }
});

test('a clause on an inactive parameter never hits', () => {
  const s = space([{ type: 'EQUALS', name: 'degree', value: 3 }, { type: 'GREATER', left: 'degree', right: 'low' }]);
  assert.equal(s.isForbidden({ ...base }), false);
  assert.equal(s.isForbidden({ ...base, kernel: 'poly', degree: 3 }), true);
  assert.equal(s.isForbidden({ ...base, kernel: 'poly', degree: 4, low: 2 }), true);
  assert.equal(s.isForbidden({ ...base, kernel: 'poly', degree: 4, low: 8 }), false);
});

test('validate names the clause and the parameters it hit', () => {
  const s = space([{ type: 'AND', clauses: [{ type: 'EQUALS', name: 'kernel', value: 'linear' }, { type: 'EQUALS', name: 'size', value: 'small' }] }]);
  assert.throws(
    () => s.validate({ ...base, kernel: 'linear', size: 'small' }),
    (e: Error) => e instanceof InvalidConfigError && e.message === "Configuration is forbidden: kernel = 'linear', size = 'small' hits the forbidden clause (kernel == 'linear' && size == 'small').",
  );
  assert.equal(s.isValid({ ...base, kernel: 'linear', size: 'large' }), true);
});

test('sampling gives up with a clear error when everything is forbidden', () => {
  const s = space([{ type: 'IN', name: 'kernel', values: ['linear', 'rbf', 'poly'] }]);
  assert.throws(() => s.sample(new Rng(1)), (e: Error) => e instanceof SpecError && /in 1000 tries.*kernel in \{'linear', 'rbf', 'poly'\}/.test(e.message));
});

test('malformed forbiddens are SpecErrors naming the parameter', () => {
  assert.throws(() => space([{ type: 'EQUALS', name: 'nope', value: 1 }]), (e: Error) => e instanceof SpecError && /unknown hyperparameter 'nope'/.test(e.message));
  assert.throws(() => space([{ type: 'EQUALS', name: 'kernel', value: 'sigmoid' }]), /'kernel' never takes.*'linear', 'rbf', 'poly'/);
  assert.throws(() => space([{ type: 'LESS', left: 'low', right: 'missing' }]), /unknown hyperparameter 'missing'/);
});
