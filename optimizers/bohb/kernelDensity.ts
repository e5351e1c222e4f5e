/**
 * A multivariate product-kernel density estimate as statsmodels' KDEMultivariate (which BOHB fits):
 * Gaussian kernels on continuous columns ('c'), Aitchison-Aitken kernels on unordered ones ('u'),
 * bandwidths by the normal reference rule 1.06 sd n^(-1/(4+p)) (sd with ddof 0), clipped below at
 * `minBandwidth` (HpBandSter's min_bandwidth). An Aitchison-Aitken bandwidth above (c-1)/c would
 * make a level less likely than the others (and above 1 negative): it is capped at (c-1)/c, the
 * uniform kernel.
 */
export class KernelDensity {
  readonly n: number;
  readonly p: number;
  readonly bandwidth: Float64Array;
  private readonly logNorm: Float64Array;
  private readonly logSame: Float64Array;
  private readonly logOther: Float64Array;

  /**
   * @param levels per column: 0 for continuous, else the number of categories
   * @param data n x p row-major, no NaN (categorical columns hold level indices)
   */
  constructor(readonly levels: readonly number[], readonly data: Float64Array, minBandwidth: number) {
    const p = levels.length;
    const n = p === 0 ? 0 : data.length / p;
    this.n = n;
    this.p = p;
    this.bandwidth = new Float64Array(p);
    this.logNorm = new Float64Array(p);
    this.logSame = new Float64Array(p);
    this.logOther = new Float64Array(p);
    const factor = 1.06 * Math.pow(n, -1 / (4 + p));
    for (let j = 0; j < p; j++) {
      let mean = 0;
      for (let i = 0; i < n; i++) mean += data[i * p + j];
      mean /= n;
      let variance = 0;
      for (let i = 0; i < n; i++) variance += (data[i * p + j] - mean) ** 2;
      let h = Math.max(minBandwidth, factor * Math.sqrt(variance / n));
      const c = levels[j];
      if (c > 1) h = Math.min(h, (c - 1) / c);
      this.bandwidth[j] = h;
      this.logNorm[j] = -Math.log(h) - 0.5 * Math.log(2 * Math.PI);
      this.logSame[j] = Math.log(1 - h);
      this.logOther[j] = c > 1 ? Math.log(h / (c - 1)) : 0;
    }
  }

  /** log density at `x` (p values): log of the mean over data points of the kernel product. */
  logPdf(x: ArrayLike<number>): number {
    const { n, p, data, levels, bandwidth } = this;
    let max = -Infinity;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < p; j++) {
        const d = data[i * p + j];
        if (levels[j] === 0) {
          const z = (x[j] - d) / bandwidth[j];
          s += this.logNorm[j] - 0.5 * z * z;
        } else s += x[j] === d ? this.logSame[j] : this.logOther[j];
      }
      if (s > max) {
        sum = sum * Math.exp(max - s) + 1;
        max = s;
      } else sum += Math.exp(s - max);
    }
    return n === 0 ? -Infinity : max + Math.log(sum) - Math.log(n);
  }

  /** Row i of the data. */
  row(i: number): Float64Array {
    return this.data.subarray(i * this.p, (i + 1) * this.p);
  }
}
