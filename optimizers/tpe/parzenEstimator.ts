import type { Rng } from '../../core/index.js';
import { LOG_SQRT_2PI, logGaussMass } from '../models/normal.js';
import type { NumericDomain, TpeDomain } from './domains.js';
import { snap } from './domains.js';
import { computeSigmas, sigmasFromOrder } from './bandwidths.js';
import { SortedKernels } from './sortedKernels.js';

export interface ParzenSettings {
  readonly priorWeight: number;
  readonly considerPrior: boolean;
  readonly considerMagicClip: boolean;
  readonly considerEndpoints: boolean;
  /** Optuna 4.x multivariate bandwidth: every kernel of a parameter gets 0.2 n^(-1/(p+4)) (high - low). */
  readonly multivariate: boolean;
}

/**
 * Optuna's _ParzenEstimator: a mixture over the observations (plus a prior kernel) of products of
 * truncated-normal kernels (numeric parameters, on the log scale where `log`, integrated over a
 * step cell where discrete) and smoothed one-hot categorical kernels.
 */
export class ParzenEstimator {
  readonly nKernels: number;
  private readonly p: number;
  private readonly cumulative: Float64Array;
  private readonly kernelConst: Float64Array;
  private readonly contPos: number[] = [];
  private readonly contDomains: NumericDomain[] = [];
  private readonly contMu: Float64Array;
  private readonly contSigma: Float64Array;
  private readonly contInvSigma: Float64Array;
  private readonly discPos: number[] = [];
  private readonly discDomains: NumericDomain[] = [];
  private readonly discMu: Float64Array;
  private readonly discSigma: Float64Array;
  private readonly catPos: number[] = [];
  private readonly catSizes: number[] = [];
  /** Per categorical parameter: kernel-major probabilities and their logs. */
  private readonly catProb: Float64Array[] = [];
  private readonly catLogProb: Float64Array[] = [];
  private readonly xc: Float64Array;
  /** One continuous parameter: its observation kernels sorted by mean, for windowed densities. */
  private readonly window: SortedKernels | undefined;

  /**
   * @param domains the parameters, in column order of `obs`
   * @param obs m x p internal values (no NaN), oldest trial first
   * @param weights m observation weights (Optuna's `weights` function)
   * @param orders per column, the observations' indices sorted by value (ties by index) when the
   *   caller keeps them sorted already; else computeSigmas sorts
   */
  constructor(domains: readonly TpeDomain[], obs: Float64Array, m: number, weights: Float64Array, settings: ParzenSettings, orders?: readonly (Int32Array | undefined)[]) {
    const p = domains.length;
    this.p = p;
    const withPrior = settings.considerPrior || m === 0;
    const nK = m + (withPrior ? 1 : 0);
    this.nKernels = nK;
    // Mixture weights: observation weights, then the prior's; normalized.
    const w = new Float64Array(nK);
    let total = 0;
    for (let i = 0; i < m; i++) total += w[i] = weights[i];
    if (withPrior) total += w[nK - 1] = m === 0 ? 1 : settings.priorWeight;
    this.cumulative = new Float64Array(nK);
    this.kernelConst = new Float64Array(nK);
    let acc = 0;
    for (let k = 0; k < nK; k++) {
      acc += w[k] / total;
      this.cumulative[k] = acc;
      this.kernelConst[k] = Math.log(w[k] / total);
    }
    domains.forEach((d, j) => {
      if (d.kind === 'categorical') {
        this.catPos.push(j);
        this.catSizes.push(d.choices.length);
      } else if (d.step === 0) {
        this.contPos.push(j);
        this.contDomains.push(d);
      } else {
        this.discPos.push(j);
        this.discDomains.push(d);
      }
    });
    const nc = this.contPos.length;
    const nd = this.discPos.length;
    this.contMu = new Float64Array(nK * nc);
    this.contSigma = new Float64Array(nK * nc);
    this.contInvSigma = new Float64Array(nK * nc);
    this.discMu = new Float64Array(nK * nd);
    this.discSigma = new Float64Array(nK * nd);
    const mus = new Float64Array(m);
    const sigmas = new Float64Array(m);
    const fill = (dom: NumericDomain, pos: number, mu: Float64Array, sigma: Float64Array, j: number, stride: number) => {
      for (let i = 0; i < m; i++) {
        const v = obs[i * p + pos];
        mus[i] = dom.log ? Math.log(v) : v;
      }
      const order = orders?.[pos];
      if (order && !settings.multivariate) sigmasFromOrder(dom, mus, order, m, settings, sigmas);
      else computeSigmas(dom, mus, m, p, settings, sigmas);
      for (let i = 0; i < m; i++) {
        mu[i * stride + j] = mus[i];
        sigma[i * stride + j] = sigmas[i];
      }
      if (withPrior) {
        mu[m * stride + j] = 0.5 * (dom.tLow + dom.tHigh);
        sigma[m * stride + j] = dom.tHigh - dom.tLow;
      }
      for (let k = 0; k < nK; k++) {
        const s = sigma[k * stride + j];
        const u = mu[k * stride + j];
        this.kernelConst[k] -= logGaussMass((dom.tLow - u) / s, (dom.tHigh - u) / s);
      }
    };
    this.contDomains.forEach((dom, j) => {
      fill(dom, this.contPos[j], this.contMu, this.contSigma, j, nc);
      for (let k = 0; k < nK; k++) {
        const s = this.contSigma[k * nc + j];
        this.contInvSigma[k * nc + j] = 1 / s;
        this.kernelConst[k] -= Math.log(s) + LOG_SQRT_2PI;
      }
    });
    this.discDomains.forEach((dom, j) => fill(dom, this.discPos[j], this.discMu, this.discSigma, j, nd));
    this.catPos.forEach((pos, j) => {
      const size = this.catSizes[j];
      const prob = new Float64Array(nK * size);
      const smoothing = settings.priorWeight / (m + 1);
      for (let i = 0; i < m; i++) {
        const row = prob.subarray(i * size, (i + 1) * size);
        row.fill(smoothing);
        row[obs[i * p + pos]] += 1;
        const sum = 1 + size * smoothing;
        for (let c = 0; c < size; c++) row[c] /= sum;
      }
      if (withPrior) prob.fill(1 / size, m * size, nK * size);
      this.catProb.push(prob);
      this.catLogProb.push(prob.map(Math.log));
    });
    this.xc = new Float64Array(nc);
    if (nc === 1 && nd === 0 && this.catPos.length === 0 && m > 0) {
      this.window = new SortedKernels(this.contMu, this.contSigma, this.kernelConst, m, withPrior, orders?.[this.contPos[0]]);
    }
  }

  /** Draws `count` points (row-major count x p internal values) into `out`. */
  sample(rng: Rng, count: number, out: Float64Array): void {
    const p = this.p;
    const nc = this.contPos.length;
    const nd = this.discPos.length;
    for (let c = 0; c < count; c++) {
      const k = this.pickKernel(rng.random());
      for (let j = 0; j < nc; j++) {
        const dom = this.contDomains[j];
        const v = truncatedNormal(rng, this.contMu[k * nc + j], this.contSigma[k * nc + j], dom.tLow, dom.tHigh);
        out[c * p + this.contPos[j]] = snap(dom, dom.log ? Math.exp(v) : v);
      }
      for (let j = 0; j < nd; j++) {
        const dom = this.discDomains[j];
        const v = truncatedNormal(rng, this.discMu[k * nd + j], this.discSigma[k * nd + j], dom.tLow, dom.tHigh);
        out[c * p + this.discPos[j]] = snap(dom, dom.log ? Math.exp(v) : v);
      }
      for (let j = 0; j < this.catPos.length; j++) {
        const size = this.catSizes[j];
        const prob = this.catProb[j];
        let r = rng.random();
        let choice = size - 1;
        for (let i = 0; i < size; i++) {
          r -= prob[k * size + i];
          if (r < 0) {
            choice = i;
            break;
          }
        }
        out[c * p + this.catPos[j]] = choice;
      }
    }
  }

  /**
   * Per discrete parameter, the log mass of every kernel on the step cell of each distinct
   * candidate value (candidates repeat grid values often, so each is computed once, as Optuna does).
   */
  private discreteMasses(x: Float64Array, count: number): { tables: Float64Array[]; rowOf: Int32Array } {
    const nd = this.discPos.length;
    const nK = this.nKernels;
    const rowOf = new Int32Array(count * nd);
    const tables: Float64Array[] = [];
    const alone = nd === 1 && this.contPos.length === 0 && this.catPos.length === 0;
    for (let j = 0; j < nd; j++) {
      const dom = this.discDomains[j];
      const rows = new Map<number, number>();
      const table = new Float64Array(count * nK);
      for (let c = 0; c < count; c++) {
        const v = x[c * this.p + this.discPos[j]];
        let row = rows.get(v);
        if (row === undefined) {
          row = rows.size;
          rows.set(v, row);
          const lo = dom.log ? Math.log(Math.max(v - dom.step / 2, Number.MIN_VALUE)) : v - dom.step / 2;
          const hi = dom.log ? Math.log(v + dom.step / 2) : v + dom.step / 2;
          this.cellMasses(j, lo, hi, table.subarray(row * nK, (row + 1) * nK), alone);
        }
        rowOf[c * nd + j] = row;
      }
      tables.push(table);
    }
    return { tables, rowOf };
  }

  /**
   * log mass of every kernel of discrete parameter j on [lo, hi] (transformed). When it is the
   * only parameter (`alone`), kernels whose score bound log w + log((b - a) phi(d)) (d: distance
   * of the standardized cell [a, b] from 0) falls 40 nats below an exact score cannot matter to
   * the log-sum-exp (under 1e-17 relative): they get -Infinity without the costly tail mass.
   */
  private cellMasses(j: number, lo: number, hi: number, out: Float64Array, alone: boolean): void {
    const nd = this.discPos.length;
    const nK = this.nKernels;
    if (!alone) {
      for (let k = 0; k < nK; k++) {
        const u = this.discMu[k * nd + j];
        const sg = this.discSigma[k * nd + j];
        out[k] = logGaussMass((lo - u) / sg, (hi - u) / sg);
      }
      return;
    }
    let best = 0;
    for (let k = 0; k < nK; k++) {
      const u = this.discMu[k];
      const sg = this.discSigma[k];
      const a = (lo - u) / sg;
      const b = (hi - u) / sg;
      const d = a > 0 ? a : b < 0 ? -b : 0;
      out[k] = this.kernelConst[k] + Math.log(b - a) - 0.5 * d * d - LOG_SQRT_2PI;
      if (out[k] > out[best]) best = k;
    }
    const exact = (k: number) => logGaussMass((lo - this.discMu[k]) / this.discSigma[k], (hi - this.discMu[k]) / this.discSigma[k]);
    const floor = this.kernelConst[best] + exact(best) - 40;
    for (let k = 0; k < nK; k++) out[k] = out[k] < floor ? -Infinity : exact(k);
  }

  private pickKernel(u: number): number {
    const cum = this.cumulative;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** log density of each of the `count` points in `x` (row-major, internal values) into `out`. */
  logPdf(x: Float64Array, count: number, out: Float64Array): void {
    const p = this.p;
    const nK = this.nKernels;
    const nc = this.contPos.length;
    const nd = this.discPos.length;
    const ncat = this.catPos.length;
    const xc = this.xc;
    const mu = this.contMu;
    const inv = this.contInvSigma;
    const { tables, rowOf } = this.discreteMasses(x, count);
    for (let c = 0; c < count; c++) {
      for (let j = 0; j < nc; j++) {
        const v = x[c * p + this.contPos[j]];
        xc[j] = this.contDomains[j].log ? Math.log(v) : v;
      }
      if (this.window) {
        out[c] = this.window.logPdf(xc[0]);
        continue;
      }
      // Streaming log-sum-exp: kernels more than 40 nats below the running max add under 1e-17
      // relative and skip their exp.
      let max = -Infinity;
      let sum = 0;
      for (let k = 0; k < nK; k++) {
        let s = this.kernelConst[k];
        const off = k * nc;
        let q = 0;
        for (let j = 0; j < nc; j++) {
          const z = (xc[j] - mu[off + j]) * inv[off + j];
          q += z * z;
        }
        s -= 0.5 * q;
        for (let j = 0; j < nd; j++) s += tables[j][rowOf[c * nd + j] * nK + k];
        for (let j = 0; j < ncat; j++) {
          const size = this.catSizes[j];
          s += this.catLogProb[j][k * size + x[c * p + this.catPos[j]]];
        }
        if (s > max) {
          sum = sum * Math.exp(max - s) + 1;
          max = s;
        } else if (s > max - 40) sum += Math.exp(s - max);
      }
      out[c] = max === -Infinity ? -Infinity : max + Math.log(sum);
    }
  }
}

/** N(mu, sigma) truncated to [low, high], by rejection (mass >= ~0.34 for Optuna's kernels), then inverse fallback. */
function truncatedNormal(rng: Rng, mu: number, sigma: number, low: number, high: number): number {
  for (let i = 0; i < 64; i++) {
    const v = mu + sigma * rng.normal();
    if (v >= low && v <= high) return v;
  }
  return Math.min(high, Math.max(low, mu));
}
