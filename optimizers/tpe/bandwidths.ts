import type { NumericDomain } from './domains.js';
import type { ParzenSettings } from './parzenEstimator.js';

const EPS = 1e-12;

/**
 * Optuna's kernel bandwidths for one numeric parameter (transformed observations `mus`, m of
 * them): univariate, the larger gap to the sorted neighbours (the domain ends count as
 * neighbours only with consider_endpoints); multivariate (Optuna 4.x), 0.2 m^(-1/(p+4)) of the
 * range. Then clipped (see clip).
 */
export function computeSigmas(dom: NumericDomain, mus: Float64Array, m: number, p: number, settings: ParzenSettings, out: Float64Array): void {
  if (settings.multivariate) {
    out.fill(0.2 * Math.pow(Math.max(m, 1), -1 / (p + 4)) * (dom.tHigh - dom.tLow), 0, m);
    clip(dom, m, settings, out);
    return;
  }
  // Sorted order, ties in observation order: rank = first equal value + how many came before.
  const sorted = mus.slice(0, m).sort();
  const seen = new Int32Array(m);
  const order = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    const v = mus[i];
    let lo = 0;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    order[lo + seen[lo]++] = i;
  }
  sigmasFromOrder(dom, mus, order, m, settings, out);
}

/** The univariate rule of computeSigmas when the sorted order of the observations is known (order[rank] = index). */
export function sigmasFromOrder(dom: NumericDomain, mus: Float64Array, order: Int32Array, m: number, settings: ParzenSettings, out: Float64Array): void {
  const last = m - 1;
  for (let r = 0; r < m; r++) {
    const i = order[r];
    const v = mus[i];
    if (!settings.considerEndpoints && m >= 2 && (r === 0 || r === last)) out[i] = r === 0 ? mus[order[1]] - v : v - mus[order[last - 1]];
    else out[i] = Math.max(v - (r === 0 ? dom.tLow : mus[order[r - 1]]), (r === last ? dom.tHigh : mus[order[r + 1]]) - v);
  }
  clip(dom, m, settings, out);
}

/** Optuna's clip of the widths: [range / min(100, 1 + n_kernels), range] with the magic clip (n_kernels = m + 1), else [1e-12, range]. */
function clip(dom: NumericDomain, m: number, settings: ParzenSettings, out: Float64Array): void {
  const range = dom.tHigh - dom.tLow;
  const minSigma = settings.considerMagicClip ? range / Math.min(100, 1 + (m + 1)) : EPS;
  for (let i = 0; i < m; i++) out[i] = Math.min(range, Math.max(minSigma, out[i]));
}
