import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng, hypervolume, hypervolumeInclusionExclusion, insertNonDominated, nonDominated } from '../../core/index.js';
import { hypervolumeLoss, igdPlus, objectiveScale } from '../../analysis/index.js';
import { assertClose } from './helpers.js';

test('hypervolume: hand-computed 1, 2 and 3 objective cases', () => {
  assert.equal(hypervolume([[0.25], [0.5]], [1]), 0.75);
  // Staircase: boxes [1,4]x[3,4], [2,4]x[2,4], [3,4]x[1,4] -> 3 + 2*... = 1*3 + 1*2 + 1*1 = 6.
  assert.equal(hypervolume([[1, 3], [2, 2], [3, 1]], [4, 4]), 6);
  // Dominated and outside points add nothing; a point on the reference boundary adds nothing.
  assert.equal(hypervolume([[1, 3], [2, 2], [3, 1], [3, 3], [5, 0], [4, 0]], [4, 4]), 6);
  assert.equal(hypervolume([], [1, 1]), 0);
  // Two unit cubes overlapping in a 0.5 x 1 x 1 slab: 1 + 1 - 0.5 = 1.5.
  assertClose(hypervolume([[0, 0, 0], [0.5, 0, 0]], [1, 1, 1]), 1, 1e-15);
  assertClose(hypervolume([[0, 0.5, 0], [0.5, 0, 0]], [1, 1, 1]), 1 - 0.25, 1e-15);
  // The 3-D staircase of the corner of a unit cube split in 8: three points on the axes' faces.
  assertClose(hypervolume([[0, 0.5, 0.5], [0.5, 0, 0.5], [0.5, 0.5, 0]], [1, 1, 1]), 0.5, 1e-15);
  // 4-D: a single box and two boxes with overlap (WFG path).
  assertClose(hypervolume([[0.5, 0.5, 0.5, 0.5]], [1, 1, 1, 1]), 0.0625, 1e-15);
  assertClose(hypervolume([[0, 0, 0, 0.5], [0.5, 0, 0, 0]], [1, 1, 1, 1]), 0.5 + 0.5 - 0.25, 1e-15);
});

test('hypervolume equals inclusion-exclusion on random sets (2 to 6 objectives)', () => {
  const rng = new Rng('hv');
  for (let m = 2; m <= 6; m++) {
    for (let trial = 0; trial < 12; trial++) {
      const n = 1 + rng.int(0, 10);
      const points = Array.from({ length: n }, () => Array.from({ length: m }, () => rng.random()));
      // Put some points on a simplex so few are dominated, and repeat one.
      if (trial % 2) points.forEach((p) => { const s = p.reduce((a, b) => a + b, 0); p.forEach((_, i) => (p[i] /= s)); });
      points.push([...points[0]]);
      const reference = Array(m).fill(1.05);
      assertClose(hypervolume(points, reference), hypervolumeInclusionExclusion(points, reference), 1e-12, 1e-14, `m=${m}, n=${n}`);
    }
  }
});

test('hypervolume agrees with a Monte Carlo estimate', () => {
  const rng = new Rng('mc');
  const points = Array.from({ length: 30 }, () => {
    const p = [rng.random(), rng.random(), rng.random(), rng.random()];
    const s = Math.hypot(...p);
    return p.map((v) => v / s);
  });
  const reference = [1.1, 1.1, 1.1, 1.1];
  const exact = hypervolume(points, reference);
  const samples = 200_000;
  let hits = 0;
  for (let i = 0; i < samples; i++) {
    const x = reference.map((r) => rng.random() * r);
    if (points.some((p) => p.every((v, j) => v <= x[j]))) hits++;
  }
  const box = reference.reduce((a, b) => a * b, 1);
  const estimate = (hits / samples) * box;
  const se = box * Math.sqrt((hits / samples) * (1 - hits / samples) / samples);
  assert.ok(Math.abs(estimate - exact) < 4 * se, `exact ${exact}, Monte Carlo ${estimate} ± ${se}`);
});

test('non-dominated filtering and incremental insertion', () => {
  const points = [[1, 5], [2, 2], [2, 2], [3, 3], [5, 1], [0.5, 6], [4, 1]];
  assert.deepEqual(nonDominated(points), [[0.5, 6], [1, 5], [2, 2], [4, 1]]);
  assert.deepEqual(nonDominated([[1, 1, 1], [1, 1, 1], [0, 2, 2], [2, 2, 2]]), [[0, 2, 2], [1, 1, 1]]);
  const front: number[][] = [];
  for (const p of points) insertNonDominated(front, p);
  assert.deepEqual([...front].sort((a, b) => a[0] - b[0]), [[0.5, 6], [1, 5], [2, 2], [4, 1]]);
});

test('IGD+: hand-computed distances', () => {
  const front = [[0, 1], [1, 0]];
  // a = (0.5, 0.5): d+ to (0,1) = sqrt(0.5^2 + 0) = 0.5; to (1,0) = 0.5. Mean 0.5.
  assertClose(igdPlus([[0.5, 0.5]], front), 0.5, 1e-15);
  // A point dominating the front has distance 0.
  assert.equal(igdPlus([[0, 0]], front), 0);
  // a = (2, 2): to (0,1) sqrt(4 + 1); to (1,0) sqrt(1 + 4). Adding (0, 1): distance 0 to (0,1), 1 to (1,0).
  assertClose(igdPlus([[2, 2]], front), Math.sqrt(5), 1e-15);
  assertClose(igdPlus([[2, 2], [0, 1]], front), 0.5, 1e-15);
  assert.equal(igdPlus([], front), Infinity);
});

test('reference point and hypervolume loss: normalized by the ideal and nadir of all points', () => {
  const points = [[1, 10], [2, 5], [4, 0], [5, 12]];
  const scale = objectiveScale(points);
  assert.deepEqual(scale.ideal, [1, 0]);
  assert.deepEqual(scale.nadir, [4, 10]); // of the non-dominated points only
  assert.deepEqual(scale.reference, [1.1, 1.1]);
  // The ideal point alone dominates the whole box: loss 0. Nothing: loss 1.
  assertClose(hypervolumeLoss([[1, 0]], scale), 0, 0, 1e-15);
  assert.equal(hypervolumeLoss([], scale), 1);
  // (4, 10) normalizes to (1, 1): dominated box 0.1 x 0.1 of 1.1 x 1.1.
  assertClose(hypervolumeLoss([[4, 10]], scale), 1 - 0.01 / 1.21, 1e-12);
});
