import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Rng, SearchSpace, resolveOptions, type TaskView } from '../../core/index.js';
import { lhsFactory } from '../../optimizers/lhs/lhs.js';
import { latinHypercube } from '../../optimizers/shared/latinHypercube.js';

function strata(values: number[], n: number): number {
  return new Set(values.map((u) => Math.floor(u * n))).size;
}

describe('Latin hypercube', () => {
  test('every dimension has exactly one point per stratum', () => {
    const pts = latinHypercube(37, 6, new Rng(2));
    for (let j = 0; j < 6; j++) assert.equal(strata(pts.map((p) => p[j]), 37), 37);
  });

  test('centered points sit at stratum centres', () => {
    const pts = latinHypercube(10, 3, new Rng(2), true);
    for (const p of pts) for (const x of p) assert.ok(Math.abs(x * 10 - Math.floor(x * 10) - 0.5) < 1e-12);
  });
});

describe('lhs optimizer', () => {
  const space = new SearchSpace({
    hyperparameters: [
      { name: 'x', type: 'float', lower: -1, upper: 1, log: false, default: 0 },
      { name: 'lr', type: 'float', lower: 1e-5, upper: 1, log: true, default: 1e-2 },
      { name: 'n', type: 'int', lower: 0, upper: 19, log: false, default: 0 },
    ],
  });
  const view: TaskView = { space, objectives: [{ name: 'f', direction: 'minimize' }], budget: { nTrials: 20 }, type: 'blackbox' };

  test('proposals come in Latin hypercubes of the budget size, each stratified in every hyperparameter', () => {
    const optimizer = lhsFactory.create(view, 3, resolveOptions(lhsFactory, {}));
    const encoded = Array.from({ length: 40 }, () => space.encode((optimizer.ask() as { config: Record<string, number> }).config));
    for (const batch of [encoded.slice(0, 20), encoded.slice(20)]) {
      for (let j = 0; j < 3; j++) assert.equal(strata(batch.map((u) => u[j]), 20), 20, `hyperparameter ${space.names[j]}`);
    }
    assert.notDeepEqual(encoded.slice(0, 20), encoded.slice(20));
  });

  test('batch_size overrides the budget', () => {
    const optimizer = lhsFactory.create(view, 3, resolveOptions(lhsFactory, { batch_size: 5 }));
    const encoded = Array.from({ length: 5 }, () => space.encode((optimizer.ask() as { config: Record<string, number> }).config));
    for (let j = 0; j < 3; j++) assert.equal(strata(encoded.map((u) => u[j]), 5), 5);
  });
});
