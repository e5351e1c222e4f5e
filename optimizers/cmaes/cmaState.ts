import type { Rng } from '../../core/index.js';
import { symmetricEigen } from '../shared/symmetricEigen.js';
import { strategyParameters, type StrategyParameters } from './strategyParameters.js';

/**
 * The search distribution N(m, sigma^2 C) of CMA-ES and its update (Hansen's tutorial, with active
 * negative weights). Unbounded and unaware of search spaces: it samples vectors and learns from
 * (vector, cost) pairs of one generation.
 */
export class CmaState {
  readonly params: StrategyParameters;
  readonly mean: Float64Array;
  sigma: number;
  /** Row-major n x n covariance. */
  readonly C: Float64Array;
  readonly pc: Float64Array;
  readonly pSigma: Float64Array;
  /** Eigenvectors of C (columns) and square roots of its eigenvalues. */
  private B: Float64Array;
  private D: Float64Array;
  private eigenGeneration = -1;
  generation = 0;

  constructor(mean: ArrayLike<number>, sigma: number, lambda: number) {
    const n = mean.length;
    this.params = strategyParameters(n, lambda);
    this.mean = Float64Array.from(mean);
    this.sigma = sigma;
    this.C = new Float64Array(n * n);
    this.B = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      this.C[i * n + i] = 1;
      this.B[i * n + i] = 1;
    }
    this.D = new Float64Array(n).fill(1);
    this.pc = new Float64Array(n);
    this.pSigma = new Float64Array(n);
  }

  get n(): number {
    return this.params.n;
  }

  get lambda(): number {
    return this.params.lambda;
  }

  /** Square roots of the eigenvalues of C (refreshed if stale). */
  axisLengths(): Float64Array {
    this.refreshEigen();
    return this.D;
  }

  /** Eigenvectors of C, column i belongs to axisLengths()[i]. */
  axes(): Float64Array {
    this.refreshEigen();
    return this.B;
  }

  /** x = m + sigma * B D z, z ~ N(0, I). */
  sample(rng: Rng): Float64Array {
    this.refreshEigen();
    const n = this.n;
    const dz = new Float64Array(n);
    for (let i = 0; i < n; i++) dz[i] = this.D[i] * rng.normal();
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += this.B[i * n + k] * dz[k];
      x[i] = this.mean[i] + this.sigma * s;
    }
    return x;
  }

  /** One generation's update from lambda evaluated vectors (costs finite; lower is better). */
  update(xs: readonly Float64Array[], costs: readonly number[]): void {
    const { n, lambda, mu, weights, muEff, cm, cSigma, dSigma, cc, c1, cMu, chiN } = this.params;
    if (xs.length !== lambda) throw new Error(`CMA-ES update needs ${lambda} solutions, got ${xs.length}.`);
    this.refreshEigen();
    const order = Array.from({ length: lambda }, (_, i) => i).sort((a, b) => costs[a] - costs[b] || a - b);
    const ys = order.map((i) => {
      const y = new Float64Array(n);
      for (let k = 0; k < n; k++) y[k] = (xs[i][k] - this.mean[k]) / this.sigma;
      return y;
    });
    const yw = new Float64Array(n);
    for (let i = 0; i < mu; i++) for (let k = 0; k < n; k++) yw[k] += weights[i] * ys[i][k];
    for (let k = 0; k < n; k++) this.mean[k] += cm * this.sigma * yw[k];

    const invSqrtYw = this.invSqrtC(yw);
    const sigmaFactor = Math.sqrt(cSigma * (2 - cSigma) * muEff);
    let psNorm = 0;
    for (let k = 0; k < n; k++) {
      this.pSigma[k] = (1 - cSigma) * this.pSigma[k] + sigmaFactor * invSqrtYw[k];
      psNorm += this.pSigma[k] ** 2;
    }
    psNorm = Math.sqrt(psNorm);
    this.generation += 1;
    const hSigmaBound = (1.4 + 2 / (n + 1)) * chiN;
    const hSigma = psNorm / Math.sqrt(1 - (1 - cSigma) ** (2 * this.generation)) < hSigmaBound ? 1 : 0;
    const ccFactor = Math.sqrt(cc * (2 - cc) * muEff);
    for (let k = 0; k < n; k++) this.pc[k] = (1 - cc) * this.pc[k] + hSigma * ccFactor * yw[k];

    // Negative weights are rescaled so their total contribution stays bounded (w°_i in the tutorial).
    const effective = Float64Array.from(weights, (w, i) => {
      if (w >= 0) return w;
      const z = this.invSqrtC(ys[i]);
      let norm2 = 0;
      for (let k = 0; k < n; k++) norm2 += z[k] * z[k];
      return norm2 > 0 ? (w * n) / norm2 : 0;
    });
    let weightSum = 0;
    for (let i = 0; i < lambda; i++) weightSum += weights[i];
    const deltaH = (1 - hSigma) * cc * (2 - cc);
    const decay = 1 + c1 * deltaH - c1 - cMu * weightSum;
    for (let r = 0; r < n; r++) {
      for (let c = r; c < n; c++) {
        let rankMu = 0;
        for (let i = 0; i < lambda; i++) rankMu += effective[i] * ys[i][r] * ys[i][c];
        const value = decay * this.C[r * n + c] + c1 * this.pc[r] * this.pc[c] + cMu * rankMu;
        this.C[r * n + c] = value;
        this.C[c * n + r] = value;
      }
    }
    this.sigma *= Math.exp(Math.min(1, (cSigma / dSigma) * (psNorm / chiN - 1)));
  }

  /** C^{-1/2} v = B D^{-1} B^T v. */
  private invSqrtC(v: ArrayLike<number>): Float64Array {
    const n = this.n;
    const t = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += this.B[i * n + k] * v[i];
      t[k] = s / this.D[k];
    }
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += this.B[i * n + k] * t[k];
      out[i] = s;
    }
    return out;
  }

  /** Recomputes B and D lazily: at most every 1 / (10 n (c1 + cmu)) generations, as the tutorial suggests. */
  private refreshEigen(): void {
    const { n, c1, cMu } = this.params;
    const interval = Math.max(1, Math.floor(1 / (10 * n * (c1 + cMu))));
    if (this.eigenGeneration >= 0 && this.generation - this.eigenGeneration < interval) return;
    this.eigenGeneration = this.generation;
    const { values, vectors } = symmetricEigen(this.C, n);
    let maxValue = 0;
    for (const v of values) maxValue = Math.max(maxValue, v);
    const floor = Math.max(maxValue * 1e-20, 1e-300);
    this.B = vectors;
    this.D = Float64Array.from(values, (v) => Math.sqrt(Math.max(v, floor)));
  }

  /** Condition number of C (ratio of extreme eigenvalues). */
  condition(): number {
    const d = this.axisLengths();
    let lo = Infinity;
    let hi = 0;
    for (const x of d) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    return (hi / lo) ** 2;
  }

  /** True when every entry is a finite number (a numerical breakdown calls for a restart). */
  isFinite(): boolean {
    if (!(Number.isFinite(this.sigma) && this.sigma > 0)) return false;
    for (const x of this.mean) if (!Number.isFinite(x)) return false;
    for (const x of this.C) if (!Number.isFinite(x)) return false;
    return true;
  }
}
