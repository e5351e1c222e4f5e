import { SpecError } from '../../core/index.js';
import { studentizedRangeCdf } from './distributions.js';

/**
 * q_alpha of the Nemenyi test: the studentized range quantile (infinite degrees of freedom)
 * divided by sqrt(2), for k = 2..20 treatments, as in Demšar (2006, JMLR 7, Table 5a).
 * Computed at 10 digits (scipy.stats.studentized_range.ppf(1 - alpha, k, inf) / sqrt(2)) and
 * checked in the tests against Demšar's printed table and this module's own integration.
 */
export const NEMENYI_Q: Readonly<Record<'0.05' | '0.1', readonly number[]>> = {
  '0.05': [
    1.9599639845, 2.3437005864, 2.5690317725, 2.7277743709, 2.8497054196, 2.9483200175, 3.0308784496, 3.1017303413,
    3.1636835771, 3.2186536073, 3.2680039245, 3.3127385934, 3.3536177519, 3.3912302838, 3.4260413794, 3.4584247073,
    3.4886847994, 3.5170730087, 3.5437991315,
  ],
  '0.1': [
    1.6448536270, 2.0522927305, 2.2913414969, 2.4595157643, 2.5885206019, 2.6927321010, 2.7798836082, 2.8546064312,
    2.9198888401, 2.9777682513, 3.0296941832, 3.0767334683, 3.1196933331, 3.1591988189, 3.1957434330, 3.2297234009,
    3.2614614896, 3.2912239866, 3.3192330595,
  ],
};

export type NemenyiAlpha = 0.05 | 0.1;

export function nemenyiQ(k: number, alpha: NemenyiAlpha = 0.05): number {
  if (alpha !== 0.05 && alpha !== 0.1) throw new SpecError(`Nemenyi alpha must be 0.05 or 0.1, got ${alpha}.`);
  if (!Number.isInteger(k) || k < 2 || k > 20) throw new SpecError(`The Nemenyi table covers 2 to 20 optimizers, got ${k}.`);
  return NEMENYI_Q[alpha === 0.05 ? '0.05' : '0.1'][k - 2];
}

/** CD = q_alpha sqrt(k (k + 1) / (6 n)) for k treatments ranked on n blocks. */
export function criticalDifference(k: number, n: number, alpha: NemenyiAlpha = 0.05): number {
  if (!(n >= 1)) throw new SpecError(`The critical difference needs at least one block, got ${n}.`);
  return nemenyiQ(k, alpha) * Math.sqrt((k * (k + 1)) / (6 * n));
}

export interface NemenyiResult {
  readonly k: number;
  readonly n: number;
  readonly alpha: NemenyiAlpha;
  readonly criticalDifference: number;
  /** pValues[i][j]: P(range > observed) for the pair, from the studentized range (as scikit-posthocs). */
  readonly pValues: number[][];
  /** Maximal groups (indices, sorted by mean rank) whose mean ranks differ by less than the CD. */
  readonly cliques: number[][];
}

/** Nemenyi post-hoc test on mean ranks from a Friedman test over n blocks. */
export function nemenyiTest(meanRanks: readonly number[], n: number, alpha: NemenyiAlpha = 0.05): NemenyiResult {
  const k = meanRanks.length;
  const cd = criticalDifference(k, n, alpha);
  const scale = Math.sqrt((k * (k + 1)) / (6 * n));
  const pValues = meanRanks.map((ri, i) =>
    meanRanks.map((rj, j) => (i === j ? 1 : 1 - studentizedRangeCdf((Math.abs(ri - rj) / scale) * Math.SQRT2, k))),
  );
  return { k, n, alpha, criticalDifference: cd, pValues, cliques: cliques(meanRanks, cd) };
}

/** Groups of treatments not significantly different: consecutive (by rank) runs spanning less than `cd`. */
export function cliques(meanRanks: readonly number[], cd: number): number[][] {
  const order = meanRanks.map((_, i) => i).sort((a, b) => meanRanks[a] - meanRanks[b]);
  const groups: number[][] = [];
  let lastEnd = -1;
  for (let start = 0; start < order.length; start++) {
    let end = start;
    while (end + 1 < order.length && meanRanks[order[end + 1]] - meanRanks[order[start]] < cd) end++;
    if (end > start && end > lastEnd) {
      groups.push(order.slice(start, end + 1));
      lastEnd = end;
    }
  }
  return groups;
}
