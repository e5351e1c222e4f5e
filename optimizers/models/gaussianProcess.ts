import type { Rng } from '../../core/index.js';
import { KernelLayout, PairDifferences, matern52, matern52GradientFactor } from './kernel.js';
import { minimizeBox } from './lbfgsb.js';
import { cholesky, dot, halfLogDet, inverseFromCholesky, solveCholesky, solveLower, solveLowerTransposed } from './linalg.js';
import { hyperparameterBounds, initialHyperparameters, logPriors, samplePrior } from './gpPriors.js';
import { LOG_SQRT_2PI } from './normal.js';

/** Added to the diagonal on top of the noise hyperparameter, against round-off in Cholesky. */
export const JITTER = 1e-8;

export interface HyperparameterFitOptions {
  readonly rng: Rng;
  /** Samples drawn from the priors (uniform in the log bounds for lengthscales) and screened by posterior. */
  readonly restarts: number;
  /** Iteration cap of each L-BFGS-B run. */
  readonly maxIterations: number;
}

/**
 * A zero-mean GP on standardized targets with the kernel of kernel.ts. Hyperparameters are
 * fitted by maximizing the log marginal likelihood plus SMAC's priors (gpPriors.ts) with
 * analytic gradients.
 */
export class GaussianProcess {
  readonly theta: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  private n = 0;
  private x = new Float64Array(0);
  private y = new Float64Array(0);
  private pairs: PairDifferences | undefined;
  private chol = new Float64Array(0);
  private kinv = new Float64Array(0);
  private work = new Float64Array(0);
  private r2 = new Float64Array(0);
  private ham = new Float64Array(0);
  private kSignal = new Float64Array(0);
  private gradFactor = new Float64Array(0);
  private alpha = new Float64Array(0);
  private kvec = new Float64Array(0);
  private factor = new Float64Array(0);
  private solved = new Float64Array(0);
  private readonly weights: Float64Array;
  private signal = 1;
  private noise = 0;
  private diagonal = 0;

  constructor(readonly layout: KernelLayout) {
    const t = layout.nTheta;
    this.theta = new Float64Array(t);
    this.lower = new Float64Array(t);
    this.upper = new Float64Array(t);
    hyperparameterBounds(layout, this.lower, this.upper);
    initialHyperparameters(layout, this.theta);
    this.weights = new Float64Array(layout.nContinuous + layout.nCategorical);
  }

  get size(): number {
    return this.n;
  }

  /** Sets the training data (row-major n x width inputs without NaN, standardized targets); keeps theta. */
  setData(x: Float64Array, y: Float64Array, n: number): void {
    this.n = n;
    this.x = x.slice(0, n * this.layout.width);
    this.y = y.slice(0, n);
    this.pairs = new PairDifferences(this.layout, this.x, n);
    if (this.chol.length < n * n) {
      this.chol = new Float64Array(n * n);
      this.kinv = new Float64Array(n * n);
      this.work = new Float64Array(n * n);
    }
    const nPairs = this.pairs.nPairs;
    if (this.r2.length < nPairs) {
      this.r2 = new Float64Array(nPairs);
      this.ham = new Float64Array(nPairs);
      this.kSignal = new Float64Array(nPairs);
      this.gradFactor = new Float64Array(nPairs);
    }
    this.alpha = new Float64Array(n);
    this.kvec = new Float64Array(n);
    this.factor = new Float64Array(n);
    this.solved = new Float64Array(n);
  }

  /** Builds K at theta into the Cholesky buffer and factorizes it; false if not positive definite. */
  private factorize(theta: ArrayLike<number>, extraJitter = 0): boolean {
    const { layout, n } = this;
    const pairs = this.pairs!;
    const nPairs = pairs.nPairs;
    const c = layout.nContinuous;
    const weights = this.weights;
    layout.inverseLengthscales(theta, weights);
    const s2 = Math.exp(theta[layout.signalIndex]);
    const noise = Math.exp(theta[layout.noiseIndex]);
    this.signal = s2;
    this.noise = noise;
    this.diagonal = s2 + noise + JITTER + extraJitter;
    const r2 = this.r2;
    const ham = this.ham;
    r2.fill(0, 0, nPairs);
    ham.fill(0, 0, nPairs);
    const values = pairs.values;
    for (let d = 0; d < weights.length; d++) {
      const w = weights[d];
      const target = d < c ? r2 : ham;
      const off = d * nPairs;
      for (let p = 0; p < nPairs; p++) target[p] += w * values[off + p];
    }
    const a = this.chol;
    let p = 0;
    for (let i = 0; i < n; i++) {
      const ri = i * n;
      for (let j = 0; j < i; j++) {
        const r = Math.sqrt(r2[p]);
        const h = ham[p];
        const scale = h === 0 ? s2 : s2 * Math.exp(-h);
        const k = scale * matern52(r);
        a[ri + j] = k;
        this.kSignal[p] = k;
        this.gradFactor[p] = scale * matern52GradientFactor(r);
        p++;
      }
      a[ri + i] = this.diagonal;
    }
    if (!cholesky(a, n)) return false;
    const alpha = this.alpha;
    alpha.set(this.y);
    solveCholesky(a, n, alpha);
    return true;
  }

  /** Negative log marginal likelihood minus the log priors at theta; gradient written to `grad` when given. */
  negLogPosterior(theta: ArrayLike<number>, grad?: Float64Array): number {
    const { layout, n } = this;
    if (!this.factorize(theta)) {
      if (grad) grad.fill(0);
      return 1e25;
    }
    const alpha = this.alpha;
    const prior = logPriors(theta[layout.signalIndex], theta[layout.noiseIndex]);
    const nll = 0.5 * dot(this.y, 0, alpha, 0, n) + halfLogDet(this.chol, n) + n * LOG_SQRT_2PI - prior.value;
    if (!grad) return Number.isFinite(nll) ? nll : 1e25;

    // 0.5 tr((alpha alpha^T - K^-1) dK/dtheta): W over the pairs, then one dot product per hyperparameter.
    inverseFromCholesky(this.chol, n, this.kinv, this.work);
    const pairs = this.pairs!;
    const nPairs = pairs.nPairs;
    const kinv = this.kinv;
    const wk = this.r2; // reused: W_ij * k_ij
    const wg = this.ham; // reused: W_ij * Matern gradient factor
    let gSignal = 0;
    let p = 0;
    for (let i = 0; i < n; i++) {
      const ai = alpha[i];
      const ri = i * n;
      for (let j = 0; j < i; j++) {
        const wij = ai * alpha[j] - kinv[ri + j];
        const v = wij * this.kSignal[p];
        wk[p] = v;
        gSignal += v;
        wg[p] = wij * this.gradFactor[p];
        p++;
      }
    }
    let traceW = 0;
    for (let i = 0; i < n; i++) traceW += alpha[i] * alpha[i] - kinv[i * n + i];
    gSignal += 0.5 * traceW * this.signal;
    const c = layout.nContinuous;
    const values = pairs.values;
    const weights = this.weights;
    // d/dlog l of the Matern term carries 1/l^2 = w_d; of the Hamming term 1/l^2 = 2 w_h.
    for (let d = 0; d < weights.length; d++) {
      const g = d < c ? dot(wg, 0, values, d * nPairs, nPairs) * weights[d] : dot(wk, 0, values, d * nPairs, nPairs) * 2 * weights[d];
      grad[d] = -g;
    }
    grad[layout.signalIndex] = -gSignal - prior.dSignal;
    grad[layout.noiseIndex] = -0.5 * traceW * this.noise - prior.dNoise;
    return nll;
  }

  /**
   * Maximizes the log posterior over theta: L-BFGS-B from the current theta (warm start); the
   * best of `restarts` prior samples gets its own run when its posterior already beats the warm
   * start's. Keeps the best and factorizes there for prediction.
   */
  fitHyperparameters(options: HyperparameterFitOptions): void {
    const t = this.layout.nTheta;
    const fg = (theta: Float64Array, grad: Float64Array) => this.negLogPosterior(theta, grad);
    const run = (start: Float64Array) => minimizeBox(fg, start, this.lower, this.upper, { maxIterations: options.maxIterations, maxEvaluations: 2 * options.maxIterations });
    const warm = run(this.theta.slice());
    let bestTheta: Float64Array = warm.x;
    let bestF = warm.f;
    const candidate = new Float64Array(t);
    let screened: Float64Array | undefined;
    let screenedF = Infinity;
    for (let r = 0; r < options.restarts; r++) {
      samplePrior(options.rng, this.layout, this.lower, this.upper, candidate);
      const value = this.negLogPosterior(candidate);
      if (value < screenedF) {
        screenedF = value;
        screened = candidate.slice();
      }
    }
    if (screened && screenedF < bestF) {
      const result = run(screened);
      if (result.f < bestF) {
        bestF = result.f;
        bestTheta = result.x;
      }
    }
    this.theta.set(bestTheta);
    this.refactorize();
  }

  /** Factorizes at the current theta (adding jitter until positive definite) for prediction. */
  refactorize(): void {
    let extra = 0;
    while (!this.factorize(this.theta, extra)) extra = extra === 0 ? 1e-6 : extra * 10;
  }

  /** Cross-covariances k(x, X) into `kvec` (and the Matern gradient factor per point into `factor` if given). */
  private crossCovariance(x: ArrayLike<number>, kvec: Float64Array, factor?: Float64Array): void {
    const { layout, n } = this;
    const w = layout.width;
    const c = layout.nContinuous;
    const weights = this.weights;
    const cont = layout.continuous;
    const cat = layout.categorical;
    const xs = this.x;
    for (let i = 0; i < n; i++) {
      const row = i * w;
      let r2 = 0;
      for (let d = 0; d < c; d++) {
        const diff = x[cont[d]] - xs[row + cont[d]];
        r2 += diff * diff * weights[d];
      }
      let ham = 0;
      for (let h = 0; h < layout.nCategorical; h++) if (x[cat[h]] !== xs[row + cat[h]]) ham += weights[c + h];
      const r = Math.sqrt(r2);
      const scale = ham === 0 ? this.signal : this.signal * Math.exp(-ham);
      kvec[i] = scale * matern52(r);
      if (factor) factor[i] = scale * matern52GradientFactor(r);
    }
  }

  /** Posterior mean and variance (including the noise term, as sklearn/SMAC) at x; writes [mean, var] into out. */
  predict(x: ArrayLike<number>, out: Float64Array): void {
    const n = this.n;
    const kvec = this.kvec;
    this.crossCovariance(x, kvec);
    const mean = dot(kvec, 0, this.alpha, 0, n);
    solveLower(this.chol, n, kvec);
    out[0] = mean;
    out[1] = Math.max(this.diagonal - JITTER - dot(kvec, 0, kvec, 0, n), 1e-10);
  }

  /**
   * Posterior mean and variance at x, and their gradients with respect to the continuous inputs
   * (in layout.continuous order) into dMean / dVar.
   */
  predictWithGradient(x: ArrayLike<number>, out: Float64Array, dMean: Float64Array, dVar: Float64Array): void {
    const { layout, n } = this;
    const kvec = this.kvec;
    const factor = this.factor;
    this.crossCovariance(x, kvec, factor);
    const alpha = this.alpha;
    const mean = dot(kvec, 0, alpha, 0, n);
    // v = L^-1 k, then K^-1 k = L^-T v.
    const v = this.solved;
    v.set(kvec);
    solveLower(this.chol, n, v);
    const q = dot(v, 0, v, 0, n);
    solveLowerTransposed(this.chol, n, v);
    out[0] = mean;
    out[1] = Math.max(this.diagonal - JITTER - q, 1e-10);
    const c = layout.nContinuous;
    const w = layout.width;
    dMean.fill(0);
    dVar.fill(0);
    for (let i = 0; i < n; i++) {
      // dk_i/dx_d = -factor_i (x_d - X_id) / l_d^2
      const a = factor[i] * alpha[i];
      const b = factor[i] * v[i];
      const row = i * w;
      for (let d = 0; d < c; d++) {
        const col = layout.continuous[d];
        const diff = (x[col] - this.x[row + col]) * this.weights[d];
        dMean[d] -= a * diff;
        dVar[d] += 2 * b * diff;
      }
    }
  }

  /** Posterior mean at the training inputs (what SMAC's predict_x_best uses for the incumbent). */
  trainingMeans(out: Float64Array): void {
    const extra = this.diagonal - this.signal;
    for (let i = 0; i < this.n; i++) out[i] = this.y[i] - extra * this.alpha[i];
  }
}
