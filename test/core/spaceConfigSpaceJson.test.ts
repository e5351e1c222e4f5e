import assert from 'node:assert/strict';
import { test } from 'node:test';
import YAML from 'yaml';
import { SpecError } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import { SearchSpace } from '../../core/space/searchSpace.js';
import { skipWithoutSpaces, yahpoConfigSpaceJson as yahpoJson } from './yahpoSpaces.js';

const YAHPO = ['iaml_glmnet', 'lcbench', 'rbv2_rpart', 'rbv2_xgboost'];

/** The `configuration_space.d` dict of a CARP-S task yaml. */
function carpsSpace(yaml: string): Record<string, unknown> {
  return YAML.parse(yaml).task.input_space.configuration_space.d;
}

/** Hand-written in the layout of CARP-S task yamls (ConfigSpace 1.2 serialized dicts): every type, conditions, conjunctions, forbiddens. */
const ALL_TYPES_YAML = `
# @package _global_
benchmark_id: HandWritten
task_id: HandWritten/SO/fixture/all_types
task:
  _target_: carps.utils.task.Task
  name: HandWritten/SO/fixture/all_types
  input_space:
    _target_: carps.utils.task.InputSpace
    configuration_space:
      _target_: ConfigSpace.configuration_space.ConfigurationSpace.from_serialized_dict
      _convert_: object
      d:
        name: all_types
        hyperparameters:
        - type: categorical
          name: kernel
          choices:
          - linear
          - rbf
          - poly
          weights:
          - 0.2
          - 0.5
          - 0.3
          default_value: rbf
          meta: null
        - type: uniform_float
          name: C
          lower: 0.001
          upper: 1000.0
          default_value: 1.0
          log: true
          meta: null
        - type: uniform_float
          name: gamma
          lower: 0.0
          upper: 1.0
          default_value: 0.1
          log: false
          meta:
            unit: 1/feature
        - type: uniform_int
          name: degree
          lower: 2
          upper: 5
          default_value: 3
          log: false
          meta: null
        - type: uniform_int
          name: max_iter
          lower: 10
          upper: 10000
          default_value: 100
          log: true
          meta: null
        - type: normal_float
          name: coef0
          mu: 0.0
          sigma: 0.5
          lower: -1.0
          upper: 1.0
          default_value: 0.0
          log: false
          meta: null
        - type: normal_int
          name: batch
          mu: 64.0
          sigma: 1.0
          lower: 8
          upper: 512
          default_value: 64
          log: true
          meta: null
        - type: beta_float
          name: momentum
          alpha: 2.0
          beta: 5.0
          lower: 0.0
          upper: 1.0
          default_value: 0.2
          log: false
          meta: null
        - type: beta_int
          name: layers
          alpha: 3.0
          beta: 3.0
          lower: 1
          upper: 9
          default_value: 5
          log: false
          meta: null
        - type: ordinal
          name: tol
          sequence:
          - 0.0001
          - 0.001
          - 0.01
          default_value: 0.001
          meta: null
        - type: ordinal
          name: size
          sequence:
          - small
          - medium
          - large
          default_value: medium
          meta: null
        - type: constant
          name: task_id
          value: '1067'
          meta: null
        - type: categorical
          name: shrinking
          choices:
          - 'TRUE'
          - 'FALSE'
          weights: null
          default_value: 'TRUE'
          meta: null
        conditions:
        - type: IN
          child: gamma
          parent: kernel
          values:
          - rbf
          - poly
        - type: EQ
          child: degree
          parent: kernel
          value: poly
        - type: AND
          child: coef0
          conditions:
          - type: EQ
            child: coef0
            parent: kernel
            value: poly
          - type: GT
            child: coef0
            parent: degree
            value: 2
        - type: OR
          child: max_iter
          conditions:
          - type: LT
            child: max_iter
            parent: C
            value: 1.0
          - type: EQ
            child: max_iter
            parent: shrinking
            value: 'FALSE'
        - type: NEQ
          child: momentum
          parent: size
          value: small
        - type: AND
          child: layers
          conditions:
          - type: OR
            child: layers
            conditions:
            - type: EQ
              child: layers
              parent: size
              value: large
            - type: LT
              child: layers
              parent: tol
              value: 0.01
          - type: NEQ
            child: layers
            parent: kernel
            value: linear
        forbiddens:
        - type: AND
          clauses:
          - type: EQUALS
            name: kernel
            value: poly
          - type: IN
            name: size
            values:
            - small
        - type: EQUALS
          name: tol
          value: 0.0001
        - type: RELATION_LT
          left: C
          right: gamma
        - type: RELATION_EQ
          left: degree
          right: layers
        - type: RELATION_GT
          left: batch
          right: max_iter
        python_module_version: 1.2.0
        format_version: 0.4
  output_space:
    n_objectives: 1
`;

/** A flat space like the Pymoo/BBOB tasks: unnamed, floats only. */
const FLAT_YAML = `
task:
  input_space:
    configuration_space:
      d:
        name: null
        hyperparameters:
        - type: uniform_float
          name: x0
          lower: -32.768
          upper: 32.768
          default_value: 0.0
          log: false
          meta: null
        - type: uniform_float
          name: x1
          lower: -32.768
          upper: 32.768
          default_value: 0.0
          log: false
          meta: null
        conditions: []
        forbiddens: []
        python_module_version: 1.2.0
        format_version: 0.4
`;

/** ConfigSpace 0.6/0.7 json.write output: json_format_version 0.4, 'weights', 'q', RELATION with lambda. */
const LEGACY_06 = {
  name: 'legacy06',
  hyperparameters: [
    { name: 'a', type: 'categorical', choices: ['x', 'y', 'z'], default: 'y', weights: [1, 2, 1] },
    { name: 'b', type: 'uniform_float', log: false, lower: 0, upper: 10, default: 5, q: 0.5 },
    { name: 'c', type: 'uniform_int', log: true, lower: 1, upper: 100, default: 10, q: null },
    { name: 'd', type: 'normal_float', log: false, mu: 5, sigma: 2, default: 5, lower: 0, upper: 10, q: null },
    { name: 'e', type: 'beta_int', log: false, alpha: 2, beta: 2, lower: 0, upper: 20, default: 10, q: null },
    { name: 'f', type: 'ordinal', sequence: [1, 2, 3], default: 2 },
    { name: 'g', type: 'constant', value: 3.5 },
  ],
  conditions: [{ child: 'c', parent: 'a', type: 'NEQ', value: 'z' }],
  forbiddens: [
    { left: 'b', right: 'd', type: 'RELATION', lambda: 'LESS' },
    { left: 'c', right: 'e', type: 'RELATION', lambda: 'EQUALS' },
    { left: 'b', right: 'e', type: 'RELATION', lambda: 'GREATER' },
    { name: 'a', type: 'AND', clauses: [{ name: 'a', type: 'EQUALS', value: 'x' }, { name: 'f', type: 'IN', values: [1, 3] }] },
  ],
  python_module_version: '0.6.1',
  json_format_version: 0.4,
};

for (const scenario of YAHPO) {
  test(`YAHPO ${scenario}: legacy round-trip is lossless`, { skip: skipWithoutSpaces(scenario) }, () => {
    const json = yahpoJson(scenario);
    const space = SearchSpace.fromConfigSpaceJson(json);
    assert.deepEqual(space.toConfigSpaceJson(), json);
    assert.deepEqual(space.toConfigSpaceJson('legacy'), json);
    assert.deepEqual(SearchSpace.fromConfigSpaceJson(JSON.stringify(json)).toConfigSpaceJson(), json, 'text input too');
  });
}

test('YAHPO rbv2_xgboost: what was read', { skip: skipWithoutSpaces('rbv2_xgboost') }, () => {
  const space = SearchSpace.fromConfigSpaceJson(yahpoJson('rbv2_xgboost'));
  assert.equal(space.dimension, 17);
  assert.deepEqual(space.get('nrounds'), { type: 'int', name: 'nrounds', lower: 7, upper: 2981, log: true, default: 144 });
  assert.deepEqual(space.get('booster'), { type: 'categorical', name: 'booster', choices: ['gblinear', 'gbtree', 'dart'], default: 'gblinear' });
  assert.deepEqual(space.toDefinition().conditions?.[6], { child: 'rate_drop', clause: { type: 'EQ', parent: 'booster', value: 'dart' } });
  assert.deepEqual(space.activeNames(space.defaultConfig()), ['alpha', 'booster', 'lambda', 'nrounds', 'num.impute.selected.cpo', 'repl', 'subsample', 'task_id', 'trainsize']);
});

test('hand-written CARP-S fixtures (v1) round-trip losslessly', () => {
  for (const yaml of [ALL_TYPES_YAML, FLAT_YAML]) {
    const d = carpsSpace(yaml);
    const space = SearchSpace.fromConfigSpaceJson(d);
    assert.deepEqual(space.toConfigSpaceJson(), d);
    assert.deepEqual(space.toConfigSpaceJson('v1'), d);
  }
});

test('v1 fixture: types, priors, conjunctions and relations are understood', () => {
  const space = SearchSpace.fromConfigSpaceJson(carpsSpace(ALL_TYPES_YAML));
  assert.deepEqual(space.get('batch'), { type: 'int', name: 'batch', lower: 8, upper: 512, log: true, default: 64, prior: { kind: 'normal', mu: 64, sigma: 1 } });
  assert.deepEqual(space.get('momentum'), { type: 'float', name: 'momentum', lower: 0, upper: 1, log: false, default: 0.2, prior: { kind: 'beta', alpha: 2, beta: 5 } });
  assert.deepEqual(space.get('gamma')?.meta, { unit: '1/feature' });
  assert.deepEqual(space.get('kernel'), { type: 'categorical', name: 'kernel', choices: ['linear', 'rbf', 'poly'], default: 'rbf', weights: [0.2, 0.5, 0.3] });
  assert.deepEqual(space.toDefinition().forbiddens?.slice(2), [
    { type: 'LESS', left: 'C', right: 'gamma' },
    { type: 'EQUALS_RELATION', left: 'degree', right: 'layers' },
    { type: 'GREATER', left: 'batch', right: 'max_iter' },
  ]);
  assert.deepEqual(space.defaultConfig(), { kernel: 'rbf', C: 1, gamma: 0.1, batch: 64, momentum: 0.2, layers: 5, tol: 0.001, size: 'medium', task_id: '1067', shrinking: 'TRUE' });
  const rng = new Rng(4);
  for (let i = 0; i < 1000; i++) {
    const c = space.sample(rng);
    space.validate(c);
    assert.notEqual(c.tol, 0.0001);
    if (c.gamma !== undefined) assert.ok((c.C as number) >= (c.gamma as number));
  }
});

test('legacy 0.6 dialect (weights, q, RELATION lambdas) round-trips losslessly', () => {
  const space = SearchSpace.fromConfigSpaceJson(LEGACY_06);
  assert.deepEqual(space.toConfigSpaceJson(), LEGACY_06);
  assert.deepEqual(space.get('b'), { type: 'float', name: 'b', lower: 0, upper: 10, log: false, default: 5, q: 0.5 });
  assert.deepEqual(space.toDefinition().forbiddens?.map((f) => f.type), ['LESS', 'EQUALS_RELATION', 'GREATER', 'AND']);
});

test('converting between layouts keeps the space', { skip: skipWithoutSpaces('rbv2_xgboost', 'iaml_glmnet') }, () => {
  for (const source of [carpsSpace(ALL_TYPES_YAML), LEGACY_06, yahpoJson('rbv2_xgboost')]) {
    const space = SearchSpace.fromConfigSpaceJson(source);
    for (const format of ['v1', 'legacy'] as const) {
      const again = SearchSpace.fromConfigSpaceJson(space.toConfigSpaceJson(format)).toDefinition();
      const original = space.toDefinition();
      assert.deepEqual(again.hyperparameters, original.hyperparameters);
      assert.deepEqual(again.conditions, original.conditions);
      assert.deepEqual(again.forbiddens, original.forbiddens);
    }
  }
  const legacy = SearchSpace.fromConfigSpaceJson(yahpoJson('iaml_glmnet')).toConfigSpaceJson('v1') as Record<string, unknown>;
  assert.equal(legacy.format_version, 0.4);
  assert.deepEqual((legacy.hyperparameters as unknown[])[2], { type: 'categorical', name: 'task_id', choices: ['40981', '41146', '1489', '1067'], weights: null, default_value: '40981', meta: null });
});

test('a space built in code writes v1 by default', () => {
  const space = new SearchSpace({ hyperparameters: [{ type: 'int', name: 'n', lower: 1, upper: 4, log: false, default: 2 }] });
  assert.deepEqual(space.toConfigSpaceJson(), {
    name: null,
    hyperparameters: [{ type: 'uniform_int', name: 'n', lower: 1, upper: 4, default_value: 2, log: false, meta: null }],
    conditions: [],
    forbiddens: [],
    python_module_version: '1.2.0',
    format_version: 0.4,
  });
});

test('missing defaults take ConfigSpace 1.x values', () => {
  const space = SearchSpace.fromConfigSpaceJson({
    hyperparameters: [
      { type: 'uniform_float', name: 'lr', lower: 0.0001, upper: 1, log: true },
      { type: 'uniform_int', name: 'n', lower: 1, upper: 10, log: false },
      { type: 'categorical', name: 'c', choices: ['a', 'b'], weights: [1, 3] },
      { type: 'ordinal', name: 'o', sequence: [3, 2, 1] },
    ],
    conditions: [],
    forbiddens: [],
    format_version: 0.4,
  });
  const d = space.defaultConfig();
  assert.ok(Math.abs((d.lr as number) - 0.01) < 1e-12);
  assert.deepEqual({ ...d, lr: 0 }, { lr: 0, n: 6, c: 'b', o: 3 });
});

function specError(json: unknown, pattern: RegExp): void {
  assert.throws(() => SearchSpace.fromConfigSpaceJson(json), (e: Error) => e instanceof SpecError && pattern.test(e.message), `expected SpecError matching ${pattern}`);
}

test('malformed JSON is a SpecError naming the offending parameter', () => {
  const ok = { type: 'categorical', name: 'a', choices: ['x', 'y'], default_value: 'x', weights: null, meta: null };
  const doc = (hps: unknown[], conditions: unknown[] = [], forbiddens: unknown[] = []) => ({ name: null, hyperparameters: [ok, ...hps], conditions, forbiddens, format_version: 0.4 });
  specError(doc([{ type: 'uniform_fancy', name: 'u', lower: 0, upper: 1 }]), /'u' has unknown type 'uniform_fancy'/);
  specError(doc([{ type: 'uniform_float', name: 'u', upper: 1, default_value: 0.5, log: false }]), /'u' has no 'lower'/);
  specError(doc([{ type: 'uniform_int', name: 'u', lower: 1, default_value: 1, log: false }]), /'u' has no 'upper'/);
  specError(doc([{ type: 'uniform_float', name: 'u', lower: 2, upper: 1, default_value: 1.5, log: false }]), /'u'.*lower bound 2 must be below upper bound 1/);
  specError(doc([{ type: 'uniform_float', name: 'u', lower: 0, upper: 1, default_value: 3, log: false }]), /'u'.*default 3 is outside \[0, 1\]/);
  specError(doc([{ type: 'uniform_float', name: 'u', lower: 'zero', upper: 1, default_value: 0.5, log: false }]), /'u': 'lower' bound must be a finite number/);
  specError(doc([{ type: 'categorical', name: 'k', choices: ['p'], default_value: 'q' }]), /'k'.*default 'q' is not one of \{'p'\}/);
  specError(doc([{ type: 'normal_float', name: 'nf', mu: 0, lower: -1, upper: 1, default_value: 0, log: false }]), /'nf' has no 'sigma'/);
  const float = { type: 'uniform_float', name: 'u', lower: 0, upper: 1, default_value: 0.5, log: false, meta: null };
  specError(doc([float], [{ type: 'EQ', child: 'u', parent: 'ghost', value: 1 }]), /'u'.*unknown parent hyperparameter 'ghost'/);
  specError(doc([float], [{ type: 'EQ', child: 'ghost', parent: 'a', value: 'x' }]), /unknown hyperparameter 'ghost'/);
  specError(doc([float], [{ type: 'SOMETIMES', child: 'u', parent: 'a', value: 'x' }]), /'u' has unknown type 'SOMETIMES'/);
  specError(
    doc([float], [
      { type: 'GT', child: 'a', parent: 'u', value: 0.5 },
      { type: 'EQ', child: 'u', parent: 'a', value: 'x' },
    ]),
    /cycle at hyperparameter 'a'/,
  );
  specError(doc([float], [], [{ type: 'EQUALS', name: 'ghost', value: 1 }]), /unknown hyperparameter 'ghost'/);
  specError(doc([float], [], [{ type: 'CLAUSE_LT', name: 'u', value: 1 }]), /unknown type 'CLAUSE_LT'/);
  specError({ hyperparameters: 'none' }, /'hyperparameters' must be a list/);
  specError('{not json', /does not parse/);
});
