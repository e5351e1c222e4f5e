import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Rng, SpecError } from '../../core/index.js';
import { exactDiscrepancy, pickPoints, selectSets, shiftSelect, toPointSet, type PointSet } from '../../subsets/index.js';

function randomPoints(seed: string, n: number, d: number): PointSet {
  const rng = new Rng(seed);
  return toPointSet(Array.from({ length: n }, () => Array.from({ length: d }, () => rng.random())));
}

const POINTS = randomPoints('shift', 200, 3);

describe('shift subset selection', () => {
  it('is deterministic by seed, and reports the exact discrepancy of its subset', () => {
    const a = shiftSelect(POINTS, { k: 12, tries: 5, seed: 3 });
    const b = shiftSelect(POINTS, { k: 12, tries: 5, seed: 3 });
    assert.deepEqual(a.ids, b.ids);
    assert.equal(a.discrepancy, b.discrepancy);
    assert.equal(a.ids.length, 12);
    assert.equal(new Set(a.ids).size, 12);
    assert.ok(Math.abs(exactDiscrepancy(pickPoints(POINTS, a.ids)).value - a.discrepancy) < 1e-12);
  });

  it('different seeds explore differently', () => {
    const runs = [1, 2, 3, 4].map((seed) => shiftSelect(POINTS, { k: 12, tries: 2, seed, start: 'random' }).ids.join(','));
    assert.ok(new Set(runs).size > 1);
  });

  it('beats random subsets by a wide margin, from either start rule', () => {
    const rng = new Rng('random-subsets');
    const random = Array.from({ length: 10 }, () => exactDiscrepancy(pickPoints(POINTS, rng.shuffle([...Array(POINTS.n).keys()]).slice(0, 15))).value);
    const bestRandom = Math.min(...random);
    for (const start of ['greedy', 'random'] as const) {
      const found = shiftSelect(POINTS, { k: 15, tries: 5, seed: 0, start });
      assert.ok(found.discrepancy < bestRandom, `${start}: ${found.discrepancy} vs best random ${bestRandom}`);
    }
  });

  it('the extended neighbourhood never does worse than plain shifting from the same starts', () => {
    const plain = shiftSelect(POINTS, { k: 10, tries: 4, seed: 9, neighbourhood: 'shift' });
    const extended = shiftSelect(POINTS, { k: 10, tries: 4, seed: 9, neighbourhood: 'extended' });
    assert.ok(extended.discrepancy <= plain.discrepancy + 1e-12);
  });

  it('k = n returns every point; k = 1 picks one point', () => {
    const small = randomPoints('small', 6, 2);
    assert.deepEqual(shiftSelect(small, { k: 6 }).ids, [0, 1, 2, 3, 4, 5]);
    const one = shiftSelect(small, { k: 1, tries: 3 });
    assert.equal(one.ids.length, 1);
    const best = Math.min(...[...Array(6).keys()].map((i) => exactDiscrepancy(pickPoints(small, [i])).value));
    assert.ok(Math.abs(one.discrepancy - best) < 1e-12, 'with k = 1 every swap is tried');
  });

  it('rejects k larger than n, k < 1 and bad options with a SpecError naming the value', () => {
    assert.throws(() => shiftSelect(POINTS, { k: 201 }), (e: unknown) => e instanceof SpecError && /k = 201/.test(e.message) && /200 points/.test(e.message));
    assert.throws(() => shiftSelect(POINTS, { k: 0 }), (e: unknown) => e instanceof SpecError && /k = 0/.test(e.message));
    assert.throws(() => shiftSelect(POINTS, { k: 2.5 }), SpecError);
    assert.throws(() => shiftSelect(POINTS, { k: 5, tries: 0 }), (e: unknown) => e instanceof SpecError && /tries = 0/.test(e.message));
    assert.throws(() => shiftSelect(POINTS, { k: 5, start: 'best' as never }), (e: unknown) => e instanceof SpecError && /'best'/.test(e.message));
  });
});

describe('dev and test sets', () => {
  for (const mode of ['sequential', 'split'] as const) {
    it(`${mode}: disjoint sets of k, deterministic, each with its exact discrepancy`, () => {
      const sets = selectSets(POINTS, { k: 10, sets: ['dev', 'test'], mode, tries: 3, seed: 1 });
      assert.deepEqual(sets.map((s) => s.name), ['dev', 'test']);
      for (const set of sets) {
        assert.equal(set.ids.length, 10);
        assert.ok(Math.abs(exactDiscrepancy(pickPoints(POINTS, set.ids)).value - set.discrepancy) < 1e-12);
      }
      const dev = new Set(sets[0].ids);
      assert.ok(sets[1].ids.every((i) => !dev.has(i)), 'dev and test share no task');
      assert.deepEqual(selectSets(POINTS, { k: 10, sets: ['dev', 'test'], mode, tries: 3, seed: 1 }), sets);
    });
  }

  it('three sets, and every point used when the sets fill the pool', () => {
    const small = randomPoints('fill', 9, 2);
    const sets = selectSets(small, { k: 3, sets: ['a', 'b', 'c'], tries: 2 });
    assert.deepEqual(sets.flatMap((s) => s.ids).sort((x, y) => x - y), [...Array(9).keys()]);
  });

  it('rejects impossible or malformed requests with a SpecError', () => {
    assert.throws(() => selectSets(POINTS, { k: 101, sets: ['dev', 'test'] }), (e: unknown) => e instanceof SpecError && /k = 101/.test(e.message) && /202 tasks/.test(e.message));
    assert.throws(() => selectSets(POINTS, { k: 5, sets: [] }), SpecError);
    assert.throws(() => selectSets(POINTS, { k: 5, sets: ['dev', 'dev'] }), (e: unknown) => e instanceof SpecError && /'dev'/.test(e.message));
    assert.throws(() => selectSets(POINTS, { k: 5, sets: ['dev', ''] }), SpecError);
    assert.throws(() => selectSets(POINTS, { k: 5, sets: ['dev'], mode: 'halves' as never }), (e: unknown) => e instanceof SpecError && /'halves'/.test(e.message));
  });
});
