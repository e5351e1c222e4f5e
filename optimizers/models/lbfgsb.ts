/**
 * A compact L-BFGS-B-style minimizer for box constraints: limited-memory BFGS directions on the
 * free variables (those not pinned at a bound by their gradient), a projected backtracking
 * Armijo line search, and scipy's stopping rules (projected-gradient and relative-decrease
 * tolerances). No Cauchy point / subspace minimization as in Byrd et al.; enough for the
 * smooth, low-dimensional problems here (GP hyperparameters, acquisition polishing).
 */

/** Returns f(x) and writes the gradient into `grad`. */
export type ValueAndGradient = (x: Float64Array, grad: Float64Array) => number;

export interface BoxMinimizeOptions {
  /** Maximum iterations (scipy's maxiter; default 100). */
  readonly maxIterations?: number;
  /** Maximum function evaluations (default 200). */
  readonly maxEvaluations?: number;
  /** History size m (default 10, as scipy). */
  readonly memory?: number;
  /** Stop when the largest projected gradient component is below this (default 1e-5, as scipy). */
  readonly pgtol?: number;
  /** Stop when (f_k - f_k+1) / max(|f_k|, |f_k+1|, 1) <= ftol (default 2.2e-9, scipy's factr 1e7). */
  readonly ftol?: number;
}

export interface BoxMinimizeResult {
  readonly x: Float64Array;
  readonly f: number;
  readonly iterations: number;
  readonly evaluations: number;
}

export function minimizeBox(fg: ValueAndGradient, x0: ArrayLike<number>, lower: ArrayLike<number>, upper: ArrayLike<number>, options: BoxMinimizeOptions = {}): BoxMinimizeResult {
  const n = x0.length;
  const maxIterations = options.maxIterations ?? 100;
  const maxEvaluations = options.maxEvaluations ?? 200;
  const m = options.memory ?? 10;
  const pgtol = options.pgtol ?? 1e-5;
  const ftol = options.ftol ?? 2.220446049250313e-9;

  let x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = Math.min(upper[i], Math.max(lower[i], x0[i]));
  let g = new Float64Array(n);
  let xn = new Float64Array(n);
  let gn = new Float64Array(n);
  const d = new Float64Array(n);
  const s = new Float64Array(m * n);
  const y = new Float64Array(m * n);
  const rho = new Float64Array(m);
  const alpha = new Float64Array(m);
  let stored = 0;
  let head = 0; // index of the next slot to write

  let f = fg(x, g);
  let evaluations = 1;
  let iterations = 0;
  if (!Number.isFinite(f)) return { x, f, iterations, evaluations };

  while (iterations < maxIterations && evaluations < maxEvaluations) {
    // Projected gradient and the free set.
    let pgMax = 0;
    for (let i = 0; i < n; i++) {
      const pinned = (x[i] <= lower[i] && g[i] > 0) || (x[i] >= upper[i] && g[i] < 0);
      d[i] = pinned ? 0 : g[i];
      const a = Math.abs(d[i]);
      if (a > pgMax) pgMax = a;
    }
    if (pgMax <= pgtol) break;
    iterations++;

    // Two-loop recursion on the free components: d = -H g_free.
    for (let c = 0; c < stored; c++) {
      const k = (head - 1 - c + m) % m;
      const off = k * n;
      let a = 0;
      for (let i = 0; i < n; i++) a += s[off + i] * d[i];
      a *= rho[k];
      alpha[k] = a;
      for (let i = 0; i < n; i++) d[i] -= a * y[off + i];
    }
    if (stored > 0) {
      const k = (head - 1 + m) % m;
      const off = k * n;
      let sy = 0;
      let yy = 0;
      for (let i = 0; i < n; i++) {
        sy += s[off + i] * y[off + i];
        yy += y[off + i] * y[off + i];
      }
      const gamma = sy / yy;
      for (let i = 0; i < n; i++) d[i] *= gamma;
    }
    for (let c = stored - 1; c >= 0; c--) {
      const k = (head - 1 - c + m) % m;
      const off = k * n;
      let b = 0;
      for (let i = 0; i < n; i++) b += y[off + i] * d[i];
      b *= rho[k];
      const a = alpha[k] - b;
      for (let i = 0; i < n; i++) d[i] += a * s[off + i];
    }
    let slope = 0;
    for (let i = 0; i < n; i++) {
      const pinned = (x[i] <= lower[i] && g[i] > 0) || (x[i] >= upper[i] && g[i] < 0);
      d[i] = pinned ? 0 : -d[i];
      slope += d[i] * g[i];
    }
    if (!(slope < 0)) {
      // Not a descent direction: forget the curvature pairs and take steepest descent.
      stored = 0;
      slope = 0;
      for (let i = 0; i < n; i++) {
        const pinned = (x[i] <= lower[i] && g[i] > 0) || (x[i] >= upper[i] && g[i] < 0);
        d[i] = pinned ? 0 : -g[i];
        slope += d[i] * g[i];
      }
    }

    // Projected backtracking line search (Armijo on the projected step).
    let t = 1;
    if (stored === 0) {
      let dMax = 0;
      for (let i = 0; i < n; i++) dMax = Math.max(dMax, Math.abs(d[i]));
      t = Math.min(1, 1 / dMax);
    }
    let accepted = false;
    let fn = f;
    for (let tries = 0; tries < 30 && evaluations < maxEvaluations; tries++) {
      let gd = 0;
      let moved = false;
      for (let i = 0; i < n; i++) {
        const v = Math.min(upper[i], Math.max(lower[i], x[i] + t * d[i]));
        xn[i] = v;
        const step = v - x[i];
        if (step !== 0) moved = true;
        gd += g[i] * step;
      }
      if (!moved) break;
      fn = fg(xn, gn);
      evaluations++;
      if (Number.isFinite(fn) && fn <= f + 1e-4 * gd) {
        accepted = true;
        break;
      }
      t *= 0.5;
    }
    if (!accepted) {
      if (stored === 0) break;
      stored = 0;
      continue;
    }

    // Curvature pair.
    const off = head * n;
    let sy = 0;
    let yy = 0;
    for (let i = 0; i < n; i++) {
      const si = xn[i] - x[i];
      const yi = gn[i] - g[i];
      s[off + i] = si;
      y[off + i] = yi;
      sy += si * yi;
      yy += yi * yi;
    }
    if (sy > 1e-10 * yy && sy > 0) {
      rho[head] = 1 / sy;
      head = (head + 1) % m;
      stored = Math.min(stored + 1, m);
    }
    const decrease = f - fn;
    [x, xn] = [xn, x];
    [g, gn] = [gn, g];
    f = fn;
    if (decrease <= ftol * Math.max(Math.abs(f), Math.abs(f + decrease), 1)) break;
  }
  return { x, f, iterations, evaluations };
}
