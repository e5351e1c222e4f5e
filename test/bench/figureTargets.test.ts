import assert from 'node:assert/strict';
import { test } from 'node:test';
import { meetsTarget } from '../../bench/figure.js';
import { allFigures } from '../../bench/figures/index.js';

test('meetsTarget reads <=, >=, <, > and = targets; no target gives undefined', () => {
  assert.equal(meetsTarget('<= 1.3', 1.3), true);
  assert.equal(meetsTarget('<= 1.3', 1.31), false);
  assert.equal(meetsTarget('>= 20', 79.6), true);
  assert.equal(meetsTarget('>= 0.95', 0.9), false);
  assert.equal(meetsTarget('< 1', 1), false);
  assert.equal(meetsTarget('> 1e-3', 0.01), true);
  assert.equal(meetsTarget('= 4', 4), true);
  assert.equal(meetsTarget(undefined, 4), undefined);
  assert.throws(() => meetsTarget('about 5', 5), /not of the form/);
});

test('every bench target is checkable, and the ratio figures state theirs', () => {
  for (const figure of allFigures) if (figure.target !== undefined) assert.doesNotThrow(() => meetsTarget(figure.target, 0), figure.name);
  const targets = Object.fromEntries(allFigures.map((f) => [f.name, f.target]));
  assert.deepEqual(
    {
      'harness.vs_optuna_random': targets['harness.vs_optuna_random'],
      'harness.vs_bare_loop': targets['harness.vs_bare_loop'],
      'external.vs_pipe_roundtrip': targets['external.vs_pipe_roundtrip'],
      'pool.efficiency_2_workers': targets['pool.efficiency_2_workers'],
      'tpe.vs_optuna_ask_at_1000': targets['tpe.vs_optuna_ask_at_1000'],
    },
    {
      'harness.vs_optuna_random': '>= 20',
      'harness.vs_bare_loop': '<= 5',
      'external.vs_pipe_roundtrip': '<= 1.3',
      'pool.efficiency_2_workers': '>= 0.95',
      'tpe.vs_optuna_ask_at_1000': '>= 10',
    },
  );
});
