import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SpecError, resolveOptions } from '../../core/index.js';
import { modelBasedCases } from './modelBasedCases.js';
import { randomForestFactory } from '../../optimizers/rf/randomForestOptimizer.js';
import { initialDesignSize } from '../../optimizers/models/observations.js';

test('SMAC HyperparameterOptimizationFacade defaults: initial design size and option checks', () => {
  const o = resolveOptions(randomForestFactory);
  assert.equal(o.n_trees, 10);
  assert.equal(o.random_probability, 0.2);
  assert.equal(initialDesignSize(o.n_configs_per_hyperparameter as number, o.max_ratio as number, 5, 60), 15);
  assert.equal(initialDesignSize(10, 0.25, 2, 200), 20);
  assert.throws(() => resolveOptions(randomForestFactory, { ratio_features: 2 }), SpecError);
});

modelBasedCases(randomForestFactory);
