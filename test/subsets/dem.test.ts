import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Rng } from '../../core/index.js';
import { boxValue, bruteForceDiscrepancy, DemSolver, exactDiscrepancy, pickPoints, toPointSet, type PointSet } from '../../subsets/index.js';

const TOLERANCE = 1e-12;

/** Uniform points, or points on a coarse grid (ties, and coordinates exactly 0 and 1). */
function randomPoints(rng: Rng, n: number, d: number, gridSteps = 0): PointSet {
  return toPointSet(Array.from({ length: n }, () => Array.from({ length: d }, () => (gridSteps ? rng.int(0, gridSteps) / gridSteps : rng.random()))));
}

describe('exact star discrepancy (DEM)', () => {
  for (let d = 1; d <= 4; d++) {
    it(`equals the brute-force oracle on 150 random sets in d=${d}, every slab size`, () => {
      const rng = new Rng(`dem-${d}`);
      for (let trial = 0; trial < 150; trial++) {
        const n = rng.int(1, d === 4 ? 10 : 16);
        const points = randomPoints(rng, n, d, trial % 3 === 0 ? rng.int(1, 5) : 0);
        const expected = bruteForceDiscrepancy(points).value;
        for (const slabSize of [1, 2, undefined]) {
          const got = new DemSolver(n, d, slabSize).solve(points);
          assert.ok(Math.abs(got.value - expected) < TOLERANCE, `d=${d} n=${n} slab=${slabSize}: ${got.value} vs ${expected}`);
          assert.ok(Math.abs(boxValue(points, got) - got.value) < TOLERANCE, 'the returned box attains the value');
        }
      }
    });
  }

  it('is invariant under the order of the points', () => {
    const rng = new Rng('order');
    for (let trial = 0; trial < 20; trial++) {
      const points = randomPoints(rng, 40, 3, trial % 2 ? 6 : 0);
      const order = rng.shuffle(Array.from({ length: points.n }, (_, i) => i));
      assert.ok(Math.abs(exactDiscrepancy(points).value - exactDiscrepancy(pickPoints(points, order)).value) < TOLERANCE);
    }
  });

  it('is unchanged when the whole set is repeated twice', () => {
    const rng = new Rng('twice');
    for (let trial = 0; trial < 20; trial++) {
      const points = randomPoints(rng, 30, 1 + (trial % 4), trial % 2 ? 4 : 0);
      const twice = pickPoints(points, [...Array(points.n).keys(), ...Array(points.n).keys()]);
      assert.ok(Math.abs(exactDiscrepancy(points).value - exactDiscrepancy(twice).value) < TOLERANCE);
    }
  });

  it('agrees with the oracle on larger sets in d=2 and d=3', () => {
    const rng = new Rng('larger');
    for (const [n, d] of [[120, 2], [40, 3]]) {
      const points = randomPoints(rng, n, d);
      assert.ok(Math.abs(exactDiscrepancy(points).value - bruteForceDiscrepancy(points).value) < TOLERANCE);
    }
  });

  it('one solver evaluates subsets given by index, repeatedly', () => {
    const rng = new Rng('reuse');
    const points = randomPoints(rng, 60, 3);
    const solver = new DemSolver(12, 3);
    for (let trial = 0; trial < 30; trial++) {
      const ids = rng.shuffle(Array.from({ length: 60 }, (_, i) => i)).slice(0, rng.int(1, 12));
      const expected = bruteForceDiscrepancy(pickPoints(points, ids)).value;
      assert.ok(Math.abs(solver.solve(points, Int32Array.from(ids)).value - expected) < TOLERANCE);
    }
  });

  it('stopAt returns a witness box at least that large; a seed box only raises the start', () => {
    const points = randomPoints(new Rng('stop'), 50, 3);
    const exact = exactDiscrepancy(points);
    const stopped = exactDiscrepancy(points, { stopAt: exact.value / 2 });
    assert.ok(stopped.value >= exact.value / 2 && stopped.value <= exact.value + TOLERANCE);
    assert.ok(Math.abs(boxValue(points, stopped) - stopped.value) < TOLERANCE);
    const weakSeed = { corner: [1, 1, 1], kind: 'closed' as const, value: 0 };
    assert.ok(Math.abs(exactDiscrepancy(points, { seed: weakSeed }).value - exact.value) < TOLERANCE);
    assert.deepEqual(exactDiscrepancy(points, { seed: exact }), exact);
  });

  it('handles points exactly at 0 and 1 (min-max rescaled data)', () => {
    const points = toPointSet([[0, 0, 0], [1, 1, 1], [1, 0, 0.5], [0, 1, 1], [0.5, 0.5, 0.5]]);
    assert.ok(Math.abs(exactDiscrepancy(points).value - bruteForceDiscrepancy(points).value) < TOLERANCE);
  });
});
