import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Rng } from '../../core/index.js';
import { CmaState } from '../../optimizers/cmaes/cmaState.js';
import { defaultPopulationSize, strategyParameters } from '../../optimizers/cmaes/strategyParameters.js';
import { normalCdf, normalQuantile } from '../../core/index.js';
import { symmetricEigen } from '../../optimizers/shared/symmetricEigen.js';
import { mirrorToUnit } from '../../optimizers/shared/unitCube.js';

const sphere = (x: Float64Array) => x.reduce((s, v) => s + v * v, 0);
const ellipsoid = (x: Float64Array) => x.reduce((s, v, i) => s + 10 ** ((6 * i) / (x.length - 1)) * v * v, 0);

/** Evaluations plain CMA-ES needs from mean 3 * ones, sigma 1, to reach `target`. */
function evaluationsTo(f: (x: Float64Array) => number, n: number, target: number, seed: number, limit: number): number {
  const rng = new Rng(seed);
  const state = new CmaState(new Float64Array(n).fill(3), 1, defaultPopulationSize(n));
  let evaluations = 0;
  let best = Infinity;
  while (best > target && evaluations < limit) {
    const xs = Array.from({ length: state.lambda }, () => state.sample(rng));
    const costs = xs.map(f);
    evaluations += xs.length;
    best = Math.min(best, ...costs);
    state.update(xs, costs);
  }
  return evaluations;
}

describe('CMA-ES core', () => {
  test("strategy parameters are the tutorial's defaults for n = 10", () => {
    const p = strategyParameters(10, defaultPopulationSize(10));
    assert.equal(p.lambda, 10);
    assert.equal(p.mu, 5);
    const positive = [...p.weights].slice(0, 5).reduce((s, w) => s + w, 0);
    assert.ok(Math.abs(positive - 1) < 1e-12);
    assert.ok([...p.weights].slice(5).every((w) => w < 0), 'active CMA: the worst half gets negative weights');
    assert.ok(Math.abs(p.muEff - 3.1672) < 1e-3, `mueff ${p.muEff}`);
    assert.ok(Math.abs(p.chiN - 3.0847) < 1e-3, `chiN ${p.chiN}`);
  });

  test('converges on the 10-D sphere to 1e-8 in about 1.5e3 evaluations (Hansen: ~1.5e3)', () => {
    for (const seed of [1, 2, 3]) {
      const e = evaluationsTo(sphere, 10, 1e-8, seed, 10_000);
      assert.ok(e <= 2000, `seed ${seed}: ${e} evaluations`);
    }
  });

  test('converges on the 10-D ellipsoid (condition 1e6) to 1e-8 within 6500 evaluations (learns the covariance)', () => {
    for (const seed of [1, 2]) {
      const e = evaluationsTo(ellipsoid, 10, 1e-8, seed, 20_000);
      assert.ok(e <= 6500, `seed ${seed}: ${e} evaluations`);
    }
  });
});

describe('numerical helpers', () => {
  test('symmetric eigen-decomposition reconstructs the matrix with orthonormal vectors', () => {
    const n = 7;
    const rng = new Rng(4);
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = i; j < n; j++) a[i * n + j] = a[j * n + i] = rng.normal();
    const { values, vectors } = symmetricEigen(a, n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let reconstructed = 0;
        let gram = 0;
        for (let k = 0; k < n; k++) {
          reconstructed += vectors[i * n + k] * values[k] * vectors[j * n + k];
          gram += vectors[k * n + i] * vectors[k * n + j];
        }
        assert.ok(Math.abs(reconstructed - a[i * n + j]) < 1e-10);
        assert.ok(Math.abs(gram - (i === j ? 1 : 0)) < 1e-10);
      }
    }
  });

  test('normal CDF and quantile', () => {
    assert.ok(Math.abs(normalCdf(0) - 0.5) < 1e-7);
    assert.ok(Math.abs(normalCdf(1.959963985) - 0.975) < 1e-7);
    assert.ok(Math.abs(normalQuantile(0.975) - 1.959963985) < 1e-7);
    assert.ok(Math.abs(normalQuantile(1e-6) + 4.753424309) < 1e-6);
    for (const p of [1e-9, 0.01, 0.3, 0.5, 0.8, 0.999]) assert.ok(Math.abs(normalCdf(normalQuantile(p)) - p) < 2e-7 * Math.max(p, 1e-3));
  });

  test('mirroring into the unit interval', () => {
    assert.equal(mirrorToUnit(0.25), 0.25);
    assert.ok(Math.abs(mirrorToUnit(-0.25) - 0.25) < 1e-15);
    assert.ok(Math.abs(mirrorToUnit(1.25) - 0.75) < 1e-15);
    assert.ok(Math.abs(mirrorToUnit(2.25) - 0.25) < 1e-15);
    assert.equal(mirrorToUnit(Infinity), 0.5);
  });
});
