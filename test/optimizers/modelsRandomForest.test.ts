import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../../core/index.js';
import { RandomForest, type ForestSettings } from '../../optimizers/models/randomForest.js';
import { logScaledCosts, percentile } from '../../optimizers/rf/logScaledCosts.js';

const SMAC: ForestSettings = { nTrees: 10, ratioFeatures: 1, minSamplesSplit: 2, minSamplesLeaf: 1, maxDepth: 2 ** 20, bootstrapping: true, logY: false };

/** n points of a 2-D input (the second feature is noise) with a step in the first. */
function stepData(n: number, rng: Rng): { x: Float64Array; y: Float64Array } {
  const x = new Float64Array(2 * n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[2 * i] = rng.random();
    x[2 * i + 1] = rng.random();
    y[i] = x[2 * i] < 0.5 ? 0 : 1;
  }
  return { x, y };
}

test('forest recovers a step function and is confident away from the step', () => {
  const { x, y } = stepData(200, new Rng(1));
  const forest = new RandomForest(SMAC);
  forest.fit(x, y, 200, 2, new Rng(2));
  const out = new Float64Array(2);
  for (const [v, expected] of [[0.2, 0], [0.8, 1]] as const) {
    forest.predict([v, 0.5], out);
    assert.ok(Math.abs(out[0] - expected) < 0.05, `mean at ${v}: ${out[0]}`);
    assert.ok(out[1] < 0.01, `variance at ${v}: ${out[1]}`);
  }
  // Near the step the trees disagree: more variance than far from it.
  forest.predict([0.5, 0.5], out);
  const atStep = out[1];
  forest.predict([0.1, 0.5], out);
  assert.ok(atStep >= out[1], `variance at the step ${atStep} vs far ${out[1]}`);
});

test('one unbootstrapped tree with pure leaves reproduces the training data', () => {
  const rng = new Rng(5);
  const n = 50;
  const x = Float64Array.from({ length: n }, () => rng.random());
  const y = x.map((v) => Math.sin(9 * v));
  const forest = new RandomForest({ ...SMAC, nTrees: 1, bootstrapping: false });
  forest.fit(x, y, n, 1, new Rng(6));
  const out = new Float64Array(2);
  for (let i = 0; i < n; i++) {
    forest.predict([x[i]], out);
    assert.ok(Math.abs(out[0] - y[i]) < 1e-12, `point ${i}`);
    assert.equal(out[1], 0);
  }
});

test('log_y leaves predict log(mean(exp(y))), as SMAC', () => {
  const x = Float64Array.from([0.1, 0.1, 0.1]);
  const y = Float64Array.from([Math.log(1), Math.log(2), Math.log(6)]);
  const forest = new RandomForest({ ...SMAC, nTrees: 1, bootstrapping: false, logY: true });
  forest.fit(x, y, 3, 1, new Rng(1));
  const out = new Float64Array(2);
  forest.predict([0.1], out);
  assert.ok(Math.abs(out[0] - Math.log(3)) < 1e-12, `${out[0]}`);
});

test('forest fit is deterministic under a seed', () => {
  const { x, y } = stepData(100, new Rng(9));
  const predictions = [1, 2].map(() => {
    const forest = new RandomForest(SMAC);
    forest.fit(x, y, 100, 2, new Rng(4));
    const out = new Float64Array(2);
    forest.predict([0.47, 0.3], out);
    return Array.from(out);
  });
  assert.deepEqual(predictions[0], predictions[1]);
});

test("SMAC's log-scaled costs on a hand-worked example", () => {
  const costs = Float64Array.from([3, 1, 5, 2, 4]);
  const sorted = Float64Array.from(costs).sort();
  assert.ok(Math.abs(percentile(sorted, 5) - 1.2) < 1e-15); // numpy: 1 + 0.05 * 4 * (2 - 1)
  const lo = 1 - 0.2 - 1e-10;
  const out = logScaledCosts(costs);
  costs.forEach((c, i) => assert.ok(Math.abs(out[i] - Math.log((c - lo) / (5 - lo))) < 1e-12, `cost ${c}`));
  assert.equal(out[2], 0); // the worst cost maps to log 1
  assert.ok(out.every(Number.isFinite));
  assert.ok(logScaledCosts(Float64Array.from([2, 2, 2])).every((v) => v === 0));
});
