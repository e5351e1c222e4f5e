/**
 * The covariance of SMAC's black-box GP: s2 * Matern52(continuous dims, ARD) *
 * Hamming(categorical dims, ARD). Hyperparameters live in log space, in this order:
 * [log l_1..l_C (Matern), log l_1..l_H (Hamming), log s2, log noise].
 */

const SQRT5 = Math.sqrt(5);

export class KernelLayout {
  readonly nContinuous: number;
  readonly nCategorical: number;
  /** Number of hyperparameters: lengthscales + signal variance + noise. */
  readonly nTheta: number;

  constructor(
    /** Column of each continuous input in a row of X. */
    readonly continuous: Int32Array,
    /** Column of each categorical input (compared for equality). */
    readonly categorical: Int32Array,
    /** Row length of X. */
    readonly width: number,
  ) {
    this.nContinuous = continuous.length;
    this.nCategorical = categorical.length;
    this.nTheta = this.nContinuous + this.nCategorical + 2;
  }

  get signalIndex(): number {
    return this.nContinuous + this.nCategorical;
  }

  get noiseIndex(): number {
    return this.nContinuous + this.nCategorical + 1;
  }

  /** Fills `weights` with 1/l^2 (continuous) then 1/(2 l^2) (categorical) from theta. */
  inverseLengthscales(theta: ArrayLike<number>, weights: Float64Array): void {
    const c = this.nContinuous;
    for (let d = 0; d < c; d++) weights[d] = Math.exp(-2 * theta[d]);
    for (let h = 0; h < this.nCategorical; h++) weights[c + h] = 0.5 * Math.exp(-2 * theta[c + h]);
  }
}

/** Matern 5/2 profile (1 + sqrt5 r + 5/3 r^2) exp(-sqrt5 r). */
export function matern52(r: number): number {
  const sr = SQRT5 * r;
  return (1 + sr + (5 / 3) * r * r) * Math.exp(-sr);
}

/** -(1/r) d matern52 / dr = 5/3 (1 + sqrt5 r) exp(-sqrt5 r): the factor of every gradient. */
export function matern52GradientFactor(r: number): number {
  const sr = SQRT5 * r;
  return (5 / 3) * (1 + sr) * Math.exp(-sr);
}

/**
 * Pairwise differences of the training inputs, computed once per data set, dimension-major:
 * values[d * nPairs + p] for the pair p = (i, j), i > j, numbered (1,0), (2,0), (2,1), (3,0), ...:
 * the squared difference of continuous dimension d, then (d >= nContinuous) the 0/1 mismatch
 * of each categorical dimension.
 */
export class PairDifferences {
  readonly nPairs: number;
  readonly values: Float64Array;

  constructor(layout: KernelLayout, x: Float64Array, n: number) {
    const c = layout.nContinuous;
    const nPairs = (n * (n - 1)) / 2;
    this.nPairs = nPairs;
    this.values = new Float64Array(nPairs * (c + layout.nCategorical));
    const w = layout.width;
    for (let d = 0; d < c + layout.nCategorical; d++) {
      const out = this.values.subarray(d * nPairs, (d + 1) * nPairs);
      const col = d < c ? layout.continuous[d] : layout.categorical[d - c];
      let p = 0;
      for (let i = 1; i < n; i++) {
        const xi = x[i * w + col];
        for (let j = 0; j < i; j++) {
          const diff = xi - x[j * w + col];
          out[p++] = d < c ? diff * diff : diff === 0 ? 0 : 1;
        }
      }
    }
  }
}
