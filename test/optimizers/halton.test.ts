import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Rng } from '../../core/index.js';
import { HaltonSequence, firstPrimes, radicalInverse } from '../../optimizers/halton/haltonSequence.js';

function points(dimension: number, count: number, seed: number | undefined): Float64Array[] {
  const sequence = new HaltonSequence(dimension, seed === undefined ? undefined : new Rng(seed));
  return Array.from({ length: count }, () => sequence.next());
}

describe('Halton sequence', () => {
  test('bases are the first primes', () => {
    assert.deepEqual(firstPrimes(10), [2, 3, 5, 7, 11, 13, 17, 19, 23, 29]);
    assert.equal(firstPrimes(50)[49], 229);
  });

  test('unscrambled: the radical inverses from index 0', () => {
    const pts = points(2, 6, undefined).map((p) => [...p]);
    const expected = [
      [0, 0],
      [1 / 2, 1 / 3],
      [1 / 4, 2 / 3],
      [3 / 4, 1 / 9],
      [1 / 8, 4 / 9],
      [5 / 8, 7 / 9],
    ];
    pts.forEach((p, i) => p.forEach((x, j) => assert.ok(Math.abs(x - expected[i][j]) < 1e-15, `point ${i} dim ${j}: ${x}`)));
    assert.equal(radicalInverse(11, 2), 13 / 16);
  });

  test('scrambled: the first b^k points fall one per interval of width b^-k in dimension of base b', () => {
    const cases: Array<[number, number]> = [
      [0, 64],
      [1, 81],
      [2, 125],
      [3, 49],
      [9, 29 * 29],
    ];
    const pts = points(10, 29 * 29, 17);
    for (const [j, count] of cases) {
      const cells = new Set(pts.slice(0, count).map((p) => Math.floor(p[j] * count)));
      assert.equal(cells.size, count, `dimension ${j}`);
    }
  });

  test('scrambled: seeded, in [0, 1), roughly uniform, not the plain sequence', () => {
    assert.deepEqual(points(4, 20, 3), points(4, 20, 3));
    assert.notDeepEqual(points(4, 20, 3), points(4, 20, 4));
    const pts = points(50, 2000, 9);
    for (let j = 0; j < 50; j++) {
      let mean = 0;
      for (const p of pts) {
        assert.ok(p[j] >= 0 && p[j] < 1);
        mean += p[j] / pts.length;
      }
      assert.ok(Math.abs(mean - 0.5) < 0.03, `dimension ${j} mean ${mean}`);
    }
    assert.notDeepEqual([...points(2, 1, 9)[0]], [0, 0]);
  });
});
