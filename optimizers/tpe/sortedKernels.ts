/**
 * The density of a one-parameter continuous Parzen estimator, evaluated from its kernels sorted by
 * mean: the prior kernel first, then the observation kernels outwards from x until the bound
 * constMax - (distance / sigmaMax)^2 / 2 falls 40 nats below the running maximum. What is left
 * out adds under 1e-17 relative to the log-sum-exp, so the result is the full mixture's.
 */
export class SortedKernels {
  private readonly mu: Float64Array;
  private readonly inv: Float64Array;
  private readonly consts: Float64Array;
  private readonly constMax: number;
  private readonly halfInvSigmaMax2: number;
  private readonly prior: { mu: number; inv: number; constant: number } | undefined;

  /**
   * @param mu, sigma, consts per kernel: mean, width and log weight minus log normalizer; the m
   *   observation kernels first, then (withPrior) the prior kernel
   * @param order the observation kernels sorted by mean, when known
   */
  constructor(mu: Float64Array, sigma: Float64Array, consts: Float64Array, m: number, withPrior: boolean, order?: Int32Array) {
    const ranks = order ?? Int32Array.from({ length: m }, (_, i) => i).sort((a, b) => mu[a] - mu[b] || a - b);
    this.mu = new Float64Array(m);
    this.inv = new Float64Array(m);
    this.consts = new Float64Array(m);
    let constMax = -Infinity;
    let sigmaMax = 0;
    for (let r = 0; r < m; r++) {
      const k = ranks[r];
      this.mu[r] = mu[k];
      this.inv[r] = 1 / sigma[k];
      this.consts[r] = consts[k];
      constMax = Math.max(constMax, consts[k]);
      sigmaMax = Math.max(sigmaMax, sigma[k]);
    }
    this.constMax = constMax;
    this.halfInvSigmaMax2 = 0.5 / (sigmaMax * sigmaMax);
    this.prior = withPrior ? { mu: mu[m], inv: 1 / sigma[m], constant: consts[m] } : undefined;
  }

  /** log density at x (on the kernels' axis, i.e. log x for log-scale parameters). */
  logPdf(x: number): number {
    let max = -Infinity;
    let sum = 0;
    if (this.prior) {
      const z = (x - this.prior.mu) * this.prior.inv;
      max = this.prior.constant - 0.5 * z * z;
      sum = 1;
    }
    const { mu, inv, consts } = this;
    const m = mu.length;
    let lo = 0;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (mu[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    for (let dir = -1; dir <= 1; dir += 2) {
      for (let r = dir < 0 ? lo - 1 : lo; r >= 0 && r < m; r += dir) {
        const d = x - mu[r];
        if (this.constMax - d * d * this.halfInvSigmaMax2 < max - 40) break;
        const z = d * inv[r];
        const s = consts[r] - 0.5 * z * z;
        if (s > max) {
          sum = sum * Math.exp(max - s) + 1;
          max = s;
        } else if (s > max - 40) sum += Math.exp(s - max);
      }
    }
    return max + Math.log(sum);
  }
}
