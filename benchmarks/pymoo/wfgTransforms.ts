/**
 * The WFG toolkit's transformations, reductions and shapes, as pymoo writes them
 * (pymoo/problems/many/wfg.py), on one point at a time. Every result passes through
 * correctTo01, which snaps values within 1e-10 outside [0, 1] back onto it.
 */

function correctTo01(v: number, epsilon = 1e-10): number {
  if (v < 0 && v >= -epsilon) return 0;
  if (v > 1 && v <= 1 + epsilon) return 1;
  return v;
}

// ---------------------------------------------------------------- transformations

export function shiftLinear(y: number, shift = 0.35): number {
  return correctTo01(Math.abs(y - shift) / Math.abs(Math.floor(shift - y) + shift));
}

/** pymoo's _transformation_shift_deceptive and _transformation_param_deceptive (the same formula). */
export function shiftDeceptive(y: number, A = 0.35, B = 0.005, C = 0.05): number {
  const tmp1 = (Math.floor(y - A + B) * (1 - C + (A - B) / B)) / (A - B);
  const tmp2 = (Math.floor(A + B - y) * (1 - C + (1 - A - B) / B)) / (1 - A - B);
  return correctTo01(1 + (Math.abs(y - A) - B) * (tmp1 + tmp2 + 1 / B));
}

export function shiftMultiModal(y: number, A: number, B: number, C: number): number {
  const tmp1 = Math.abs(y - C) / (2 * (Math.floor(C - y) + C));
  const tmp2 = (4 * A + 2) * Math.PI * (0.5 - tmp1);
  return correctTo01((1 + Math.cos(tmp2) + 4 * B * tmp1 ** 2) / (B + 2));
}

export function biasFlat(y: number, a: number, b: number, c: number): number {
  const v = a + Math.min(0, Math.floor(y - b)) * ((a * (b - y)) / b)
    - Math.min(0, Math.floor(c - y)) * (((1 - a) * (y - c)) / (1 - c));
  return correctTo01(v);
}

export function biasPoly(y: number, alpha: number): number {
  return correctTo01(y ** alpha);
}

export function paramDependent(y: number, yDeg: number, A = 0.98 / 49.98, B = 0.02, C = 50): number {
  const aux = A - (1 - 2 * yDeg) * Math.abs(Math.floor(0.5 - yDeg) + A);
  return correctTo01(y ** (B + (C - B) * aux));
}

// ---------------------------------------------------------------- reductions

export function weightedSum(y: readonly number[], w: readonly number[]): number {
  let num = 0, den = 0;
  for (let i = 0; i < y.length; i++) {
    num += y[i] * w[i];
    den += w[i];
  }
  return correctTo01(num / den);
}

export function mean(y: readonly number[]): number {
  let s = 0;
  for (const v of y) s += v;
  return correctTo01(s / y.length);
}

export function nonSeparable(y: readonly number[], A: number): number {
  const m = y.length;
  const half = Math.ceil(A / 2);
  let num = 0;
  for (let j = 0; j < m; j++) {
    num += y[j];
    for (let k = 0; k < A - 1; k++) num += Math.abs(y[j] - y[(1 + j + k) % m]);
  }
  const den = (m * half * (1 + 2 * A - 2 * half)) / A;
  return correctTo01(num / den);
}

// ---------------------------------------------------------------- shapes (x has M - 1 entries, m = 1..M)

export function concave(x: readonly number[], m: number): number {
  const M = x.length;
  let v = 1;
  if (m === 1) {
    for (let i = 0; i < M; i++) v *= Math.sin(0.5 * x[i] * Math.PI);
  } else if (m <= M) {
    for (let i = 0; i < M - m + 1; i++) v *= Math.sin(0.5 * x[i] * Math.PI);
    v *= Math.cos(0.5 * x[M - m + 1] * Math.PI);
  } else {
    v = Math.cos(0.5 * x[0] * Math.PI);
  }
  return correctTo01(v);
}

export function convex(x: readonly number[], m: number): number {
  const M = x.length;
  let v = 1;
  if (m === 1) {
    for (let i = 0; i < M; i++) v *= 1 - Math.cos(0.5 * x[i] * Math.PI);
  } else if (m <= M) {
    for (let i = 0; i < M - m + 1; i++) v *= 1 - Math.cos(0.5 * x[i] * Math.PI);
    v *= 1 - Math.sin(0.5 * x[M - m + 1] * Math.PI);
  } else {
    v = 1 - Math.sin(0.5 * x[0] * Math.PI);
  }
  return correctTo01(v);
}

export function linear(x: readonly number[], m: number): number {
  const M = x.length;
  let v = 1;
  if (m === 1) {
    for (let i = 0; i < M; i++) v *= x[i];
  } else if (m <= M) {
    for (let i = 0; i < M - m + 1; i++) v *= x[i];
    v *= 1 - x[M - m + 1];
  } else {
    v = 1 - x[0];
  }
  return correctTo01(v);
}

export function mixed(x: number, A = 5, alpha = 1): number {
  const aux = 2 * A * Math.PI;
  return correctTo01((1 - x - Math.cos(aux * x + 0.5 * Math.PI) / aux) ** alpha);
}

export function disconnected(x: number, alpha = 1, beta = 1, A = 5): number {
  const aux = Math.cos(A * Math.PI * x ** beta);
  return correctTo01(1 - x ** alpha * aux ** 2);
}
