import assert from 'node:assert/strict';
import { test } from 'node:test';
import { minimizeBox } from '../../optimizers/models/lbfgsb.js';
import { cholesky, halfLogDet, inverseFromCholesky, solveCholesky } from '../../optimizers/models/linalg.js';

const near = (a: number, b: number, tol: number, what: string) => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);

// A = L L^T with L = [[2, 0, 0], [1, 2, 0], [0.2, 0.4, sqrt(2.8)]] (worked out by hand).
const A = [4, 2, 0.4, 2, 5, 1, 0.4, 1, 3];

test('Cholesky factor of a 3 x 3 matrix matches the hand computation', () => {
  const a = Float64Array.from(A);
  assert.equal(cholesky(a, 3), true);
  const expected = [2, 1, 2, 0.2, 0.4, Math.sqrt(2.8)];
  const lower = [a[0], a[3], a[4], a[6], a[7], a[8]];
  lower.forEach((v, i) => near(v, expected[i], 1e-15, `L entry ${i}`));
  near(halfLogDet(a, 3), Math.log(2 * 2 * Math.sqrt(2.8)), 1e-15, 'half log det');
});

test('solve and inverse from the Cholesky factor', () => {
  const a = Float64Array.from(A);
  cholesky(a, 3);
  const x = Float64Array.from([1, -2, 0.5]);
  solveCholesky(a, 3, x);
  const b = [0, 1, 2].map((i) => A[3 * i] * x[0] + A[3 * i + 1] * x[1] + A[3 * i + 2] * x[2]);
  b.forEach((v, i) => near(v, [1, -2, 0.5][i], 1e-14, `A x = b row ${i}`));
  const inv = new Float64Array(9);
  inverseFromCholesky(a, 3, inv, new Float64Array(9));
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      let s = 0;
      for (let k = 0; k < 3; k++) s += A[3 * i + k] * inv[3 * k + j];
      near(s, i === j ? 1 : 0, 1e-14, `(A A^-1)_${i}${j}`);
    }
  }
});

test('Cholesky reports a matrix that is not positive definite', () => {
  assert.equal(cholesky(Float64Array.from([1, 2, 2, 1]), 2), false);
});

test('inverse of a larger random SPD matrix', () => {
  const n = 40;
  const m = new Float64Array(n * n);
  let seed = 7;
  const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  const b = Float64Array.from({ length: n * n }, rand);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    let s = i === j ? n : 0;
    for (let k = 0; k < n; k++) s += b[i * n + k] * b[j * n + k];
    m[i * n + j] = s;
  }
  const l = m.slice();
  assert.ok(cholesky(l, n));
  const inv = new Float64Array(n * n);
  inverseFromCholesky(l, n, inv, new Float64Array(n * n));
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    let s = 0;
    for (let k = 0; k < n; k++) s += m[i * n + k] * inv[k * n + j];
    near(s, i === j ? 1 : 0, 1e-11, `(M M^-1)_${i},${j}`);
  }
});

test('minimizeBox: Rosenbrock inside a box, and a quadratic whose minimum lies outside it', () => {
  const rosen = (x: Float64Array, g: Float64Array) => {
    const [a, b] = x;
    g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
    g[1] = 200 * (b - a * a);
    return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
  };
  const r = minimizeBox(rosen, [-1.2, 1], [-2, -2], [2, 2], { maxIterations: 500, maxEvaluations: 2000, pgtol: 1e-10, ftol: 1e-15 });
  near(r.x[0], 1, 1e-4, 'x');
  near(r.x[1], 1, 1e-4, 'y');
  const quad = (x: Float64Array, g: Float64Array) => {
    g[0] = 2 * (x[0] - 3);
    g[1] = 2 * (x[1] + 1);
    return (x[0] - 3) ** 2 + (x[1] + 1) ** 2;
  };
  const q = minimizeBox(quad, [0.5, 0.5], [0, 0], [1, 1]);
  assert.deepEqual(Array.from(q.x), [1, 0]);
});
