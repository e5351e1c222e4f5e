import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DATA_DIR, skipWithoutYahpo } from '../dataDir.js';
import { cli } from '../helpers.js';

const skip = skipWithoutYahpo('lcbench');
const config = { batch_size: 52.0, learning_rate: 0.01, max_dropout: 0.5, max_units: 256, momentum: 0.5, num_layers: 3, weight_decay: 0.01 };

test('evaluate on a YAHPO task prints every surrogate output under metrics', { skip }, () => {
  const result = cli(['evaluate', '--task', 'yahpo/lcbench/3945/None', '--data-dir', DATA_DIR, '--config', JSON.stringify(config)]);
  assert.equal(result.status, 0, result.stderr);
  const line = JSON.parse(result.stdout);
  assert.deepEqual(Object.keys(line.metrics).sort(), ['test_balanced_accuracy', 'test_cross_entropy', 'time', 'val_accuracy', 'val_balanced_accuracy', 'val_cross_entropy']);
  assert.equal(line.cost, -line.metrics.val_accuracy, 'val_accuracy is maximized, so the cost is its negation');
  assert.equal(line.virtual_time, line.metrics.time);
});

test('evaluate on a YAHPO task refuses a non-integral integer parameter, naming it', { skip }, () => {
  const result = cli(['evaluate', '--task', 'yahpo/lcbench/3945/None', '--data-dir', DATA_DIR, '--config', JSON.stringify({ ...config, batch_size: 52.5 })]);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /batch_size/);
});
