import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TASK_TYPES, resolveOptions } from '../../core/index.js';
import { allOptimizers, createOptimizer, getOptimizerFactory } from '../../optimizers/registry.js';
import { SHAPES, mixedSpace, viewFor } from '../../runner/conformance/index.js';

/** What a factory declares: a name the registry finds, task types, documented options with valid defaults. */
for (const factory of allOptimizers()) {
  describe(`optimizer '${factory.name}' declares itself completely`, () => {
    test('the registry finds it by name', () => {
      assert.equal(getOptimizerFactory(factory.name), factory);
      assert.ok(factory.description.length > 0, 'empty description');
    });

    test('supports a non-empty list of known task types', () => {
      assert.ok(factory.supports.length > 0);
      for (const type of factory.supports) assert.ok(TASK_TYPES.includes(type), `unknown task type '${type}'`);
    });

    test('every option has a description and a default that passes its own validation', () => {
      for (const [key, spec] of Object.entries(factory.options)) {
        assert.ok(spec.description.length > 0, `option '${key}' has no description`);
        if (spec.choices && spec.default !== null) assert.ok(spec.choices.includes(spec.default as string), `option '${key}' default is not one of its choices`);
      }
      const resolved = resolveOptions(factory, {});
      assert.deepEqual(Object.keys(resolved).sort(), Object.keys(factory.options).sort());
    });

    test('the registry builds it for every task type it supports', () => {
      for (const type of factory.supports) {
        const optimizer = createOptimizer(factory.name, viewFor(mixedSpace(), 10, SHAPES[type]), 1);
        assert.equal(typeof optimizer.ask, 'function');
      }
    });
  });
}
