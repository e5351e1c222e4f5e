import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SpecError, resolveOptions } from '../../core/index.js';
import { mixed, modelBasedCases } from './modelBasedCases.js';
import { gaussianProcessFactory } from '../../optimizers/gp/gaussianProcessOptimizer.js';
import { layoutOf } from '../../optimizers/gp/gpProposer.js';
import { initialDesignSize } from '../../optimizers/models/observations.js';

test('SMAC BlackBoxFacade defaults: kernel layout and initial design size', () => {
  const layout = layoutOf(mixed);
  assert.deepEqual(Array.from(layout.continuous), [1, 2, 3, 4]); // float, int, ordinal, q-float: Matern
  assert.deepEqual(Array.from(layout.categorical), [0]); // Hamming
  assert.equal(layout.nTheta, 5 + 2);
  const o = resolveOptions(gaussianProcessFactory);
  assert.equal(initialDesignSize(o.n_configs_per_hyperparameter as number, o.max_ratio as number, 5, 60), 15);
  assert.equal(initialDesignSize(8, 0.25, 2, 200), 16);
  assert.throws(() => resolveOptions(gaussianProcessFactory, { challengers: 0 }), SpecError);
});

modelBasedCases(gaussianProcessFactory);
