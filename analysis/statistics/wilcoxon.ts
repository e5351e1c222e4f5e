import { SpecError } from '../../core/index.js';
import { normalCdf, normalSf } from '../../core/index.js';
import { rankAverage } from './ranking.js';

export type Alternative = 'two-sided' | 'less' | 'greater';
export type WilcoxonMethod = 'auto' | 'exact' | 'asymptotic' | 'permutation';

export interface WilcoxonOptions {
  readonly alternative?: Alternative;
  /** 'auto' (default) decides as scipy does: see wilcoxonSignedRank. */
  readonly method?: WilcoxonMethod;
  /** Continuity correction of the normal approximation (default true, as R; scipy defaults to false). */
  readonly correction?: boolean;
}

export interface WilcoxonResult {
  /** min(W+, W-) for two-sided tests, W+ otherwise (scipy's convention). */
  readonly statistic: number;
  readonly wPlus: number;
  readonly wMinus: number;
  /** Non-zero differences (zeros are dropped: Wilcoxon's original 'wilcox' method). */
  readonly n: number;
  readonly zeros: number;
  readonly pValue: number;
  readonly method: 'exact' | 'asymptotic' | 'permutation' | 'degenerate';
  /** z of the normal approximation (after the continuity correction), where used. */
  readonly z?: number;
  /** Matched-pairs rank-biserial correlation (W+ - W-) / (W+ + W-), in [-1, 1]. */
  readonly rankBiserial: number;
}

const EXACT_LIMIT = 50;
const PERMUTATION_LIMIT = 13;

/**
 * Wilcoxon signed-rank test of x - y (or of x alone). Zeros are dropped ('wilcox').
 * method 'auto' follows scipy.stats.wilcoxon: with at most 50 pairs and neither ties nor
 * zeros, the exact null distribution; with ties or zeros and at most 13 pairs, the exact
 * sign-flip permutation distribution; otherwise the normal approximation with the tie
 * correction of the variance (and the continuity correction when `correction`).
 * When every difference is zero there is no evidence either way: p = 1, method 'degenerate'.
 */
export function wilcoxonSignedRank(x: readonly number[], y?: readonly number[], options: WilcoxonOptions = {}): WilcoxonResult {
  const alternative = options.alternative ?? 'two-sided';
  const correction = options.correction ?? true;
  if (y && y.length !== x.length) throw new SpecError(`Wilcoxon signed-rank needs paired samples of equal length, got ${x.length} and ${y.length}.`);
  const all = x.map((v, i) => v - (y ? y[i] : 0));
  if (!all.every(Number.isFinite)) throw new SpecError('Wilcoxon signed-rank needs finite differences.');
  const d = all.filter((v) => v !== 0);
  const zeros = all.length - d.length;
  const n = d.length;
  const { ranks, ties } = rankAverage(d.map(Math.abs));
  let wPlus = 0;
  let wMinus = 0;
  d.forEach((v, i) => (v > 0 ? (wPlus += ranks[i]) : (wMinus += ranks[i])));
  const rankBiserial = n === 0 ? 0 : (wPlus - wMinus) / (wPlus + wMinus);
  const statistic = alternative === 'two-sided' ? Math.min(wPlus, wMinus) : wPlus;
  const base = { statistic, wPlus, wMinus, n, zeros, rankBiserial };
  if (n === 0) return { ...base, pValue: 1, method: 'degenerate' };
  const hasTies = ties.some((t) => t > 1);
  let method = options.method ?? 'auto';
  if (method === 'auto') {
    if (all.length > EXACT_LIMIT) method = 'asymptotic';
    else if (!hasTies && zeros === 0) method = 'exact';
    else if (all.length <= PERMUTATION_LIMIT) method = 'permutation';
    else method = 'asymptotic';
  }
  if (method === 'exact') return { ...base, method, pValue: exactPValue(wPlus, n, alternative) };
  if (method === 'permutation') return { ...base, method, pValue: permutationPValue(ranks, d, wPlus, alternative) };
  const mean = (n * (n + 1)) / 4;
  const tieTerm = ties.reduce((s, t) => s + t * t * t - t, 0);
  const se = Math.sqrt((n * (n + 1) * (2 * n + 1) - tieTerm / 2) / 24);
  let z = (wPlus - mean) / se;
  if (correction) {
    const sign = alternative === 'greater' ? 1 : alternative === 'less' ? -1 : Math.sign(z);
    z -= (sign * 0.5) / se;
  }
  const pValue = alternative === 'greater' ? normalSf(z) : alternative === 'less' ? normalCdf(z) : Math.min(1, 2 * normalSf(Math.abs(z)));
  return { ...base, method: 'asymptotic', z, pValue };
}

/** Counts of subsets of {1..n} by their sum: the exact null distribution of W+ (times 2^n). */
export function signedRankCounts(n: number): number[] {
  const max = (n * (n + 1)) / 2;
  const counts = new Array<number>(max + 1).fill(0);
  counts[0] = 1;
  for (let r = 1; r <= n; r++) {
    for (let s = (r * (r + 1)) / 2; s >= r; s--) counts[s] += counts[s - r];
  }
  return counts;
}

function exactPValue(wPlus: number, n: number, alternative: Alternative): number {
  if (n > 60) throw new SpecError(`The exact Wilcoxon distribution is limited to 60 pairs, got ${n}; use method 'asymptotic'.`);
  const counts = signedRankCounts(n);
  const total = 2 ** n;
  // Non-integral statistics (ties) are rounded conservatively, as scipy does.
  const cdf = (w: number) => counts.slice(0, Math.max(0, w + 1)).reduce((s, c) => s + c, 0) / total;
  const sf = (w: number) => counts.slice(Math.max(0, w)).reduce((s, c) => s + c, 0) / total;
  if (alternative === 'less') return cdf(Math.ceil(wPlus));
  if (alternative === 'greater') return sf(Math.floor(wPlus));
  return Math.min(1, 2 * Math.min(sf(Math.floor(wPlus)), cdf(Math.ceil(wPlus))));
}

/** Exact sign-flip permutation p-value of W+ (keeps the tied ranks; scipy's permutation_test). */
function permutationPValue(ranks: readonly number[], d: readonly number[], observed: number, alternative: Alternative): number {
  const n = d.length;
  if (n > 20) throw new SpecError(`The Wilcoxon permutation distribution is limited to 20 non-zero pairs, got ${n}; use method 'asymptotic'.`);
  const total = 2 ** n;
  const gamma = Math.abs(observed) * 100 * Number.EPSILON;
  let atMost = 0;
  let atLeast = 0;
  for (let mask = 0; mask < total; mask++) {
    let w = 0;
    for (let i = 0; i < n; i++) if (mask & (1 << i)) w += ranks[i];
    if (w <= observed + gamma) atMost++;
    if (w >= observed - gamma) atLeast++;
  }
  if (alternative === 'less') return atMost / total;
  if (alternative === 'greater') return atLeast / total;
  return Math.min(1, (2 * Math.min(atMost, atLeast)) / total);
}
