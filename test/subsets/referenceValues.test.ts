import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bruteForceDiscrepancy, exactDiscrepancy, haltonPoints, thresholdAcceptingLowerBound, toPointSet } from '../../subsets/index.js';

// Expected values were computed independently, in exact rational arithmetic (Python fractions),
// by enumerating every open and closed box on the grid of coordinates and 1; the exact
// fraction is given next to each value.

/** First n Halton points (indices 1..n, bases 2, 3, 5, 7) and their star discrepancy. */
const HALTON: Array<{ n: number; d: number; expected: number; fraction: string }> = [
  { n: 10, d: 2, expected: 0.26666666666666666, fraction: '4/15' },
  { n: 16, d: 2, expected: 0.1736111111111111, fraction: '25/144' },
  { n: 12, d: 3, expected: 0.3466666666666667, fraction: '26/75' },
  { n: 8, d: 4, expected: 0.4666666666666667, fraction: '7/15' },
];

/** Random points (4 decimals; grids of quarters for ties and coordinates 0 and 1). */
const FIXED: Array<{ name: string; points: number[][]; expected: number; fraction: string }> = [
  { name: 'random n=7 d=1', expected: 0.2977, fraction: '2977/10000', points: [[0.7701], [0.2977], [0.9475], [0.4976], [0.328], [0.6718], [0.4345]] },
  { name: 'random n=12 d=2', expected: 0.34815805666666666, fraction: '104447417/300000000', points: [[0.8735, 0.4016], [0.8164, 0.5802], [0.6813, 0.8639], [0.3573, 0.5071], [0.891, 0.541], [0.8509, 0.1223], [0.3381, 0.7676], [0.243, 0.8709], [0.3483, 0.6748], [0.0958, 0.5725], [0.6825, 0.7633], [0.2034, 0.2276]] },
  { name: 'random n=10 d=3', expected: 0.45009310578, fraction: '22504655289/50000000000', points: [[0.5359, 0.6394, 0.542], [0.5657, 0.3295, 0.5332], [0.6992, 0.6789, 0.5184], [0.9301, 0.3507, 0.6667], [0.3753, 0.335, 0.0663], [0.3689, 0.0318, 0.4241], [0.8284, 0.523, 0.9341], [0.6898, 0.1835, 0.5425], [0.994, 0.3778, 0.3867], [0.7606, 0.5991, 0.2229]] },
  { name: 'random n=9 d=4', expected: 0.43406565295742777, fraction: '78131817532337/180000000000000', points: [[0.3327, 0.6042, 0.8082, 0.9756], [0.2316, 0.4291, 0.6345, 0.5525], [0.5496, 0.7617, 0.2782, 0.2162], [0.5436, 0.339, 0.9519, 0.1072], [0.1605, 0.2846, 0.007, 0.2468], [0.7178, 0.3861, 0.5739, 0.3744], [0.1334, 0.3205, 0.4656, 0.392], [0.7555, 0.9858, 0.4319, 0.7897], [0.858, 0.7143, 0.6797, 0.3292]] },
  { name: 'random n=6 d=5', expected: 0.706837687284398, fraction: '8835471091054975619/12500000000000000000', points: [[0.116, 0.4937, 0.4956, 0.4561, 0.2224], [0.9249, 0.4096, 0.8639, 0.1648, 0.8113], [0.3582, 0.3202, 0.6366, 0.2885, 0.8442], [0.3657, 0.5242, 0.5809, 0.0747, 0.9484], [0.8915, 0.6176, 0.1202, 0.1942, 0.376], [0.0913, 0.8482, 0.2055, 0.3444, 0.1439]] },
  { name: 'grid ties n=10 d=2', expected: 0.5, fraction: '1/2', points: [[0.5, 0.25], [0.75, 0.0], [0.0, 1.0], [0.0, 0.5], [1.0, 0.0], [1.0, 0.25], [0.0, 0.0], [0.75, 0.75], [0.0, 0.25], [0.0, 1.0]] },
  { name: 'grid ties n=9 d=3', expected: 0.7777777777777778, fraction: '7/9', points: [[0.75, 0.0, 1.0], [0.0, 0.25, 1.0], [0.0, 1.0, 1.0], [0.75, 0.0, 0.25], [0.0, 1.0, 0.25], [0.5, 0.75, 0.25], [1.0, 0.0, 1.0], [0.5, 1.0, 0.25], [0.0, 1.0, 1.0]] },
];

const TOLERANCE = 1e-12;

describe('star discrepancy reference values', () => {
  for (const { n, d, expected, fraction } of HALTON) {
    it(`Halton n=${n} d=${d}: ${fraction}`, () => {
      const points = toPointSet(haltonPoints(n, d));
      assert.ok(Math.abs(exactDiscrepancy(points).value - expected) < TOLERANCE);
      assert.ok(Math.abs(bruteForceDiscrepancy(points).value - expected) < TOLERANCE);
    });
  }
  for (const { name, points: rows, expected, fraction } of FIXED) {
    it(`${name}: ${fraction}`, () => {
      const points = toPointSet(rows);
      assert.ok(Math.abs(exactDiscrepancy(points).value - expected) < TOLERANCE, `DEM ${exactDiscrepancy(points).value} vs ${expected}`);
      assert.ok(Math.abs(bruteForceDiscrepancy(points).value - expected) < TOLERANCE);
      const lower = thresholdAcceptingLowerBound(points, { iterations: 2000, trials: 1 }).value;
      assert.ok(lower <= expected + TOLERANCE, `threshold accepting ${lower} above the exact ${expected}`);
    });
  }

  it('Halton points are the radical inverses', () => {
    assert.deepEqual(haltonPoints(4, 2), [[0.5, 1 / 3], [0.25, 2 / 3], [0.75, 1 / 9], [0.125, 4 / 9]]);
  });

  it('one dimension: the closed form max_i max(i/n - x_(i), x_(i) - (i-1)/n)', () => {
    const xs = [0.91, 0.05, 0.33, 0.5, 0.62, 0.18, 0.77];
    const sorted = [...xs].sort((a, b) => a - b);
    const n = xs.length;
    const expected = Math.max(...sorted.map((x, i) => Math.max((i + 1) / n - x, x - i / n)));
    assert.ok(Math.abs(exactDiscrepancy(toPointSet(xs.map((x) => [x]))).value - expected) < TOLERANCE);
  });

  it('one point p: max(max_i p_i, 1 - prod_i p_i)', () => {
    const cases = [[0.3], [0.5, 0.5], [0.2, 0.9, 0.6], [0.95, 0.99, 0.97, 0.9], [0, 0.5], [1, 1, 1], [0.1, 0.2, 0.3, 0.4, 0.5]];
    for (const p of cases) {
      const expected = Math.max(Math.max(...p), 1 - p.reduce((a, b) => a * b, 1));
      const got = exactDiscrepancy(toPointSet([p])).value;
      assert.ok(Math.abs(got - expected) < TOLERANCE, `p=${p}: ${got} vs ${expected}`);
    }
  });
});
