import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../../core/index.js';
import { GaussianProcess, JITTER } from '../../optimizers/models/gaussianProcess.js';
import { KernelLayout, matern52, matern52GradientFactor } from '../../optimizers/models/kernel.js';

const near = (a: number, b: number, tol: number, what: string) => assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);

test('Matern 5/2 profile and its gradient factor', () => {
  assert.equal(matern52(0), 1);
  near(matern52(1), (1 + Math.sqrt(5) + 5 / 3) * Math.exp(-Math.sqrt(5)), 1e-15, 'k(1)');
  for (const r of [0.1, 0.8, 2.5]) {
    const fd = (matern52(r + 1e-6) - matern52(r - 1e-6)) / 2e-6;
    near(-fd / r, matern52GradientFactor(r), 1e-7, `-(1/r) dk/dr at ${r}`);
  }
});

test('GP posterior on a 1-D example equals the closed form', () => {
  const layout = new KernelLayout(Int32Array.from([0]), new Int32Array(0), 1);
  const gp = new GaussianProcess(layout);
  const ell = 0.3;
  const s2 = 1.5;
  const noise = 1e-4;
  gp.theta.set([Math.log(ell), Math.log(s2), Math.log(noise)]);
  const xs = [0.2, 0.7];
  const ys = [1, -0.5];
  gp.setData(Float64Array.from(xs), Float64Array.from(ys), 2);
  gp.refactorize();
  // Closed form with the 2 x 2 inverse written out.
  const k = (a: number, b: number) => s2 * matern52(Math.abs(a - b) / ell);
  const d = s2 + noise + JITTER;
  const k01 = k(xs[0], xs[1]);
  const det = d * d - k01 * k01;
  const inv = [d / det, -k01 / det, -k01 / det, d / det];
  const xStar = 0.45;
  const ks = [k(xStar, xs[0]), k(xStar, xs[1])];
  const alpha = [inv[0] * ys[0] + inv[1] * ys[1], inv[2] * ys[0] + inv[3] * ys[1]];
  const mean = ks[0] * alpha[0] + ks[1] * alpha[1];
  const quad = ks[0] * (inv[0] * ks[0] + inv[1] * ks[1]) + ks[1] * (inv[2] * ks[0] + inv[3] * ks[1]);
  const variance = s2 + noise - quad;
  const out = new Float64Array(2);
  gp.predict([xStar], out);
  near(out[0], mean, 1e-12, 'posterior mean');
  near(out[1], variance, 1e-10, 'posterior variance');
  // At a training input the mean interpolates (up to the noise) and the variance collapses to ~noise.
  gp.predict([0.2], out);
  near(out[0], 1, 1e-3, 'mean at a training point');
  assert.ok(out[1] < 3 * noise, `variance at a training point ${out[1]}`);
});

/** A GP with 2 continuous inputs and 1 categorical on 12 random points. */
function mixedGp(): GaussianProcess {
  const layout = new KernelLayout(Int32Array.from([0, 2]), Int32Array.from([1]), 3);
  const gp = new GaussianProcess(layout);
  const rng = new Rng(3);
  const n = 12;
  const x = new Float64Array(n * 3);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[3 * i] = rng.random();
    x[3 * i + 1] = rng.int(0, 2);
    x[3 * i + 2] = rng.random();
    y[i] = Math.sin(5 * x[3 * i]) + x[3 * i + 1] * 0.3 - x[3 * i + 2] + 0.05 * rng.normal();
  }
  gp.setData(x, y, n);
  return gp;
}

test('negative log posterior gradient matches central differences', () => {
  const gp = mixedGp();
  const theta = Float64Array.from([-1.1, -0.4, -0.7, 0.3, -4]);
  const grad = new Float64Array(5);
  gp.negLogPosterior(theta, grad);
  for (let i = 0; i < 5; i++) {
    const h = 1e-5;
    const plus = theta.slice();
    plus[i] += h;
    const minus = theta.slice();
    minus[i] -= h;
    const fd = (gp.negLogPosterior(plus) - gp.negLogPosterior(minus)) / (2 * h);
    near(grad[i], fd, 1e-5, `d nll / d theta[${i}]`);
  }
});

test('posterior mean and variance gradients match central differences', () => {
  const gp = mixedGp();
  gp.theta.set([-1.1, -0.4, -0.7, 0.3, -4]);
  gp.refactorize();
  const x = [0.37, 1, 0.61];
  const out = new Float64Array(2);
  const dMean = new Float64Array(2);
  const dVar = new Float64Array(2);
  gp.predictWithGradient(x, out, dMean, dVar);
  const plain = new Float64Array(2);
  gp.predict(x, plain);
  near(out[0], plain[0], 1e-12, 'same mean');
  near(out[1], plain[1], 1e-12, 'same variance');
  [0, 2].forEach((col, k) => {
    const h = 1e-6;
    const up = [...x];
    up[col] += h;
    const down = [...x];
    down[col] -= h;
    const a = new Float64Array(2);
    const b = new Float64Array(2);
    gp.predict(up, a);
    gp.predict(down, b);
    near(dMean[k], (a[0] - b[0]) / (2 * h), 1e-6, `d mean / d x${col}`);
    near(dVar[k], (a[1] - b[1]) / (2 * h), 1e-6, `d var / d x${col}`);
  });
});

test('hyperparameter fit improves the posterior and predicts a smooth function', () => {
  const layout = new KernelLayout(Int32Array.from([0]), new Int32Array(0), 1);
  const gp = new GaussianProcess(layout);
  const n = 15;
  const x = Float64Array.from({ length: n }, (_, i) => i / (n - 1));
  const f = (v: number) => Math.sin(6 * v);
  const y = x.map(f);
  gp.setData(x, y, n);
  const before = gp.negLogPosterior(gp.theta);
  gp.fitHyperparameters({ rng: new Rng(1), restarts: 10, maxIterations: 50 });
  assert.ok(gp.negLogPosterior(gp.theta) < before);
  gp.refactorize();
  const out = new Float64Array(2);
  for (const v of [0.11, 0.52, 0.93]) {
    gp.predict([v], out);
    assert.ok(Math.abs(out[0] - f(v)) < 0.01, `mean at ${v}: ${out[0]} vs ${f(v)}`);
    assert.ok(out[1] < 0.01, `variance at ${v}: ${out[1]}`);
  }
});
