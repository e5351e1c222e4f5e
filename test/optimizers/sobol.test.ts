import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Rng, SearchSpace, resolveOptions, type TaskView } from '../../core/index.js';
import { sobolFactory } from '../../optimizers/sobol/sobol.js';
import { SobolSequence, type SobolScramble } from '../../optimizers/sobol/sobolSequence.js';

function points(dimension: number, count: number, scramble: SobolScramble, seed = 1): Float64Array[] {
  const sequence = new SobolSequence(dimension, scramble, new Rng(seed));
  return Array.from({ length: count }, () => sequence.next());
}

/** Every interval [k/2^m, (k+1)/2^m) of coordinate j holds exactly one of the 2^m points. */
function assertStratified(pts: Float64Array[], j: number, label: string): void {
  const cells = new Set(pts.map((p) => Math.floor(p[j] * pts.length)));
  assert.equal(cells.size, pts.length, `${label}: coordinate ${j} is not stratified`);
}

describe('Sobol sequence', () => {
  test('unscrambled: the first points are the known sequence (Gray-code order, as scipy and Joe-Kuo)', () => {
    const expected = [
      [0, 0, 0],
      [0.5, 0.5, 0.5],
      [0.75, 0.25, 0.25],
      [0.25, 0.75, 0.75],
      [0.375, 0.375, 0.625],
      [0.875, 0.875, 0.125],
      [0.625, 0.125, 0.875],
      [0.125, 0.625, 0.375],
    ];
    assert.deepEqual(points(3, 8, 'none').map((p) => [...p]), expected);
  });

  test('unscrambled: far points of high dimensions match scipy.stats.qmc.Sobol (new-joe-kuo-6.21201)', () => {
    const pts = points(1024, 1024, 'none');
    const dims = [0, 1, 9, 49, 63, 200, 1023];
    const reference: Record<number, number[]> = {
      13: [0.8125, 0.6875, 0.4375, 0.9375, 0.0625, 0.5625, 0.4375],
      100: [0.4140625, 0.2578125, 0.6953125, 0.6640625, 0.6484375, 0.8515625, 0.9453125],
      777: [0.6923828125, 0.9365234375, 0.3232421875, 0.9521484375, 0.4267578125, 0.9912109375, 0.4521484375],
      1023: [0.0009765625, 0.7529296875, 0.8505859375, 0.8232421875, 0.0400390625, 0.6591796875, 0.9951171875],
    };
    for (const [index, values] of Object.entries(reference)) assert.deepEqual(dims.map((j) => pts[Number(index)][j]), values, `point ${index}`);
  });

  test('unscrambled: deep direction numbers (point 70001 of 64 dimensions) match scipy', () => {
    const sequence = new SobolSequence(64, 'none', new Rng(1));
    let p = sequence.next();
    for (let i = 1; i <= 70001; i++) p = sequence.next();
    assert.deepEqual([0, 1, 9, 49, 63].map((j) => p[j]), [0.5765609741210938, 0.6329269409179688, 0.06212615966796875, 0.9466171264648438, 0.5178298950195312]);
  });

  for (const scramble of ['owen', 'lms'] as const) {
    test(`${scramble} scrambling keeps every 1-D projection of the first 2^m points stratified (64 dimensions)`, () => {
      const pts = points(64, 64, scramble, 7);
      for (let j = 0; j < 64; j++) assertStratified(pts, j, scramble);
    });

    test(`${scramble} scrambling keeps dimensions 1-2 a (0, 6, 2)-net: one point per elementary interval`, () => {
      const pts = points(2, 64, scramble, 11);
      for (let a = 0; a <= 6; a++) {
        const cells = new Set(pts.map((p) => `${Math.floor(p[0] * 2 ** a)}:${Math.floor(p[1] * 2 ** (6 - a))}`));
        assert.equal(cells.size, 64, `intervals of shape 2^-${a} x 2^-${6 - a}`);
      }
    });

    test(`${scramble} scrambling is seeded: same seed same points, another seed other points`, () => {
      assert.deepEqual(points(5, 16, scramble, 3), points(5, 16, scramble, 3));
      assert.notDeepEqual(points(5, 16, scramble, 3), points(5, 16, scramble, 4));
      const pts = points(5, 16, scramble, 3);
      assert.ok(pts.some((p) => p.some((x) => x * 16 !== Math.floor(x * 16))), 'scrambled points should not sit on the 1/16 grid');
    });
  }

  test('dimensions past the 1024 of the table are filled, all coordinates in [0, 1)', () => {
    for (const p of points(1100, 4, 'owen')) {
      assert.equal(p.length, 1100);
      assert.ok(p.every((x) => x >= 0 && x < 1));
    }
  });
});

describe('sobol optimizer', () => {
  const space = new SearchSpace({
    hyperparameters: [
      { name: 'x', type: 'float', lower: -4, upper: 4, log: false, default: 0 },
      { name: 'y', type: 'float', lower: 0, upper: 1, log: false, default: 0.5 },
    ],
  });
  const view: TaskView = { space, objectives: [{ name: 'f', direction: 'minimize' }], budget: { nTrials: 8 }, type: 'blackbox' };

  test("scramble 'none' proposes the decoded sequence", () => {
    const optimizer = sobolFactory.create(view, 1, resolveOptions(sobolFactory, { scramble: 'none' }));
    const xs = Array.from({ length: 4 }, () => optimizer.ask() as { config: Record<string, number> });
    assert.deepEqual(
      xs.map((i) => [i.config.x, i.config.y]),
      [
        [-4, 0],
        [0, 0.5],
        [2, 0.25],
        [-2, 0.75],
      ],
    );
  });

  test('the default (Owen) proposals are stratified in each hyperparameter', () => {
    const optimizer = sobolFactory.create(view, 5, resolveOptions(sobolFactory, {}));
    const us = Array.from({ length: 32 }, () => space.encode((optimizer.ask() as { config: Record<string, number> }).config));
    for (let j = 0; j < 2; j++) assert.equal(new Set(us.map((u) => Math.floor(u[j] * 32))).size, 32);
  });
});
