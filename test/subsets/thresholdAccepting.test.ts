import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Rng, SpecError } from '../../core/index.js';
import { boxValue, exactDiscrepancy, starDiscrepancy, thresholdAcceptingLowerBound, toPointSet, type PointSet } from '../../subsets/index.js';

function randomPoints(seed: string, n: number, d: number, gridSteps = 0): PointSet {
  const rng = new Rng(seed);
  return toPointSet(Array.from({ length: n }, () => Array.from({ length: d }, () => (gridSteps ? rng.int(0, gridSteps) / gridSteps : rng.random()))));
}

describe('threshold accepting lower bound', () => {
  it('never exceeds the exact value, and its box attains the reported value', () => {
    for (let d = 1; d <= 5; d++) {
      for (const grid of [0, 4]) {
        const points = randomPoints(`ta-${d}-${grid}`, 25, d, grid);
        const exact = exactDiscrepancy(points).value;
        const found = thresholdAcceptingLowerBound(points, { iterations: 3000, trials: 1, seed: d });
        assert.ok(found.value <= exact + 1e-12, `d=${d}: ${found.value} > exact ${exact}`);
        assert.ok(Math.abs(boxValue(points, found) - found.value) < 1e-12);
      }
    }
  });

  it('reaches the exact value on small sets', () => {
    for (const [n, d] of [[20, 2], [30, 3]]) {
      const points = randomPoints(`ta-small-${d}`, n, d);
      const exact = exactDiscrepancy(points).value;
      const found = thresholdAcceptingLowerBound(points, { iterations: 20_000, trials: 2 }).value;
      assert.ok(found >= exact - 1e-12, `n=${n} d=${d}: ${found} vs exact ${exact}`);
    }
  });

  it('is deterministic by seed', () => {
    const points = randomPoints('ta-seed', 60, 4);
    assert.deepEqual(thresholdAcceptingLowerBound(points, { iterations: 2000, seed: 5 }), thresholdAcceptingLowerBound(points, { iterations: 2000, seed: 5 }));
  });

  it('starDiscrepancy labels it as a lower bound; bad options are SpecErrors', () => {
    const points = randomPoints('ta-label', 10, 2);
    assert.equal(starDiscrepancy(points, { method: 'ta', iterations: 500 }).lowerBound, true);
    assert.equal(starDiscrepancy(points).lowerBound, false);
    assert.throws(() => starDiscrepancy(points, { method: 'guess' }), (e: unknown) => e instanceof SpecError && /'guess'/.test(e.message));
    assert.throws(() => thresholdAcceptingLowerBound(points, { iterations: 0 }), SpecError);
    assert.throws(() => thresholdAcceptingLowerBound(points, { trials: 0 }), SpecError);
  });
});
