import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SearchSpace, type TaskView, type TrialInfo } from '../../core/index.js';
import { createOptimizer } from '../../optimizers/index.js';

const view: TaskView = {
  space: new SearchSpace({ hyperparameters: [{ type: 'float', name: 'x', lower: 0, upper: 1, log: false, default: 0.5 }] }),
  objectives: [{ name: 'f', direction: 'minimize' }],
  fidelity: { name: 'epochs', min: 1, max: 27, integer: true },
  budget: { nTrials: 50 },
  type: 'multi-fidelity',
};

test('async-hyperband: asks go to the brackets in turn, each starting new configs at its own lowest rung, without waiting for tells', () => {
  const optimizer = createOptimizer('async-hyperband', view, 1, {}, 4);
  const ask = () => optimizer.ask() as TrialInfo;
  // Ladder 1, 3, 9, 27: bracket s starts configs at level s.
  assert.deepEqual(Array.from({ length: 8 }, () => ask().fidelity), [1, 3, 9, 27, 1, 3, 9, 27]);
});

test('async-hyperband: a bracket promotes the best of its top 1/eta as soon as enough of its rung is told, in any order', () => {
  const optimizer = createOptimizer('async-hyperband', view, 1, {});
  const ask = () => optimizer.ask() as TrialInfo;
  // Bracket 0's first three configs (asks 0, 4, 8) at budget 1; the other brackets' asks are left pending.
  const asked = Array.from({ length: 9 }, ask);
  const bracket0 = [asked[8], asked[0], asked[4]];
  bracket0.forEach((info, k) => optimizer.tell(info, { cost: [0.5, 0.9, 0.1][k], status: 'ok', wallTime: 0, virtualTime: 0 }));
  ask(); ask(); ask(); // asks 9..11 go to brackets 1..3
  const promoted = ask(); // ask 12: bracket 0 again, which now promotes
  assert.equal(promoted.fidelity, 3);
  assert.deepEqual(promoted.config, asked[4].config, 'the best of the three (cost 0.1) goes up a rung');
  assert.equal(optimizer.incumbent()[0].cost, 0.1);
});
