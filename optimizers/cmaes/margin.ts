import { normalQuantile } from '../../core/index.js';
import type { CmaState } from './cmaState.js';

/**
 * CMA-ES with margin (Hamano, Saito, Nomura, Shirakawa, GECCO 2022): for every discrete
 * coordinate, keeps the probability of sampling outside the cell of the mean at least `alpha`
 * (default 1 / (n lambda)) by moving the mean and rescaling a per-coordinate factor A, so a
 * discrete coordinate never freezes once sigma shrinks. The discrete value of a sample is read
 * from m + A (x - m), x the raw sample the CMA update learns from.
 */
export class Margin {
  readonly A: Float64Array;

  /**
   * @param thresholds per CMA coordinate: the interior cell boundaries of a discrete coordinate
   *   (ascending, at least one), or undefined for a continuous one.
   */
  constructor(
    private readonly thresholds: ReadonlyArray<readonly number[] | undefined>,
    readonly alpha: number,
  ) {
    this.A = new Float64Array(thresholds.length).fill(1);
  }

  isDiscrete(i: number): boolean {
    return this.thresholds[i] !== undefined;
  }

  /** The coordinate a discrete slot is decoded from: m + A (x - m). */
  encode(state: CmaState, i: number, raw: number): number {
    return state.mean[i] + this.A[i] * (raw - state.mean[i]);
  }

  /** The raw coordinate whose encoding is `value` (inverse of encode). */
  rawOf(state: CmaState, i: number, value: number): number {
    return state.mean[i] + (value - state.mean[i]) / this.A[i];
  }

  /** The margin correction, applied after every CMA update. */
  correct(state: CmaState): void {
    const n = state.n;
    const alpha = this.alpha;
    const chiAlpha = normalQuantile(1 - alpha);
    for (let i = 0; i < n; i++) {
      const t = this.thresholds[i];
      if (!t) continue;
      const m = state.mean[i];
      const sdC = state.sigma * Math.sqrt(state.C[i * n + i]);
      const sd = this.A[i] * sdC;
      if (!(sd > 0) || !Number.isFinite(sd)) continue;
      let p = 0;
      while (p < t.length && t[p] <= m) p++;
      const lowLimit = p === 0 ? t[0] : t[p - 1];
      const upLimit = p === t.length ? t[t.length - 1] : t[p];
      const lowCdf = marginNormalCdf((lowLimit - m) / sd);
      const upCdf = 1 - marginNormalCdf((upLimit - m) / sd);
      const midCdf = 1 - lowCdf - upCdf;
      if (Math.max(lowCdf, upCdf) > 0.5) {
        // Mean in an edge cell: push it towards the single neighbouring threshold until Pr(cross) = alpha.
        if (Math.min(lowCdf, upCdf) < alpha) state.mean[i] = upLimit + Math.sign(m - upLimit) * sd * chiAlpha;
        continue;
      }
      const low = Math.max(lowCdf, alpha / 2);
      const up = Math.max(upCdf, alpha / 2);
      const excess = 1 - low - up - midCdf;
      const denominator = low + midCdf + up - 1.5 * alpha;
      const clip = (x: number) => Math.min(0.5 - 1e-10, Math.max(1e-10, x));
      const modifiedLow = clip(low + (excess * (low - alpha / 2)) / denominator);
      const modifiedUp = clip(up + (excess * (up - alpha / 2)) / denominator);
      const chiLow = normalQuantile(1 - modifiedLow);
      const chiUp = normalQuantile(1 - modifiedUp);
      this.A[i] = (upLimit - lowLimit) / ((chiLow + chiUp) * sdC);
      state.mean[i] = (lowLimit * chiUp + upLimit * chiLow) / (chiLow + chiUp);
    }
  }
}

/**
 * Phi via Numerical Recipes' Chebyshev fit of erfc (fractional error < 1.2e-7), not core's
 * exact normalCdf: the margin's thresholds have always been computed with this fit, and
 * switching would move CMA-ES trials on discrete spaces by rounding (the byte-identity check
 * test/golden guards them). Switching to core's normalCdf is a deliberate trial change.
 */
function marginNormalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return 0.5 * (x > 0 ? 2 - r : r);
}
