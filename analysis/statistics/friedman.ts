import { SpecError } from '../../core/index.js';
import { chiSquareSf, fSf } from './distributions.js';
import { rankAverage } from './ranking.js';

export interface FriedmanResult {
  /** Blocks (tasks) and treatments (optimizers). */
  readonly n: number;
  readonly k: number;
  /** Mean rank of each treatment (1 = best, i.e. lowest value). */
  readonly meanRanks: number[];
  /** Friedman's chi-square, corrected for ties as scipy.stats.friedmanchisquare does. */
  readonly chiSquare: number;
  readonly df: number;
  readonly pValue: number;
  /** Iman & Davenport's F = (n-1) chi2 / (n(k-1) - chi2), F(k-1, (k-1)(n-1)) distributed. */
  readonly imanDavenportF: number;
  readonly imanDavenportDf: readonly [number, number];
  readonly imanDavenportPValue: number;
}

/**
 * Friedman's test on an n x k matrix (rows: blocks such as tasks, columns: treatments such
 * as optimizers; lower is better). Ranks within a row average ties and the statistic is
 * divided by 1 - Σ(t³ - t) / (n k (k² - 1)).
 */
export function friedmanTest(matrix: readonly (readonly number[])[]): FriedmanResult {
  const n = matrix.length;
  const k = n > 0 ? matrix[0].length : 0;
  if (n < 2 || k < 2) throw new SpecError(`The Friedman test needs at least 2 blocks and 2 treatments, got ${n} x ${k}.`);
  const rankSums = new Array<number>(k).fill(0);
  let tieSum = 0;
  for (const row of matrix) {
    if (row.length !== k) throw new SpecError(`Every row of the Friedman matrix needs ${k} values, got ${row.length}.`);
    if (!row.every(Number.isFinite)) throw new SpecError('The Friedman test needs finite values in every cell (complete blocks).');
    const { ranks, ties } = rankAverage(row);
    for (let j = 0; j < k; j++) rankSums[j] += ranks[j];
    for (const t of ties) tieSum += t * t * t - t;
  }
  const sumOfSquares = rankSums.reduce((s, r) => s + r * r, 0);
  const correction = 1 - tieSum / (k * (k * k - 1) * n);
  const raw = (12 / (n * k * (k + 1))) * sumOfSquares - 3 * n * (k + 1);
  const chiSquare = correction > 0 ? raw / correction : 0;
  const df = k - 1;
  const dfDenominator = (k - 1) * (n - 1);
  const denominator = n * (k - 1) - chiSquare;
  const imanDavenportF = denominator <= 1e-12 * n * k ? Infinity : ((n - 1) * chiSquare) / denominator;
  return {
    n, k, meanRanks: rankSums.map((r) => r / n), chiSquare, df, pValue: chiSquareSf(chiSquare, df),
    imanDavenportF, imanDavenportDf: [df, dfDenominator], imanDavenportPValue: fSf(imanDavenportF, df, dfDenominator),
  };
}

/**
 * Friedman's chi-square and Iman-Davenport's F from mean ranks alone (Demšar 2006, eqs. in
 * section 3.2.2; no tie correction): for published tables that give only the mean ranks.
 */
export function friedmanFromMeanRanks(meanRanks: readonly number[], n: number): Omit<FriedmanResult, 'meanRanks'> & { meanRanks: number[] } {
  const k = meanRanks.length;
  const chiSquare = ((12 * n) / (k * (k + 1))) * (meanRanks.reduce((s, r) => s + r * r, 0) - (k * (k + 1) ** 2) / 4);
  const df = k - 1;
  const dfDenominator = (k - 1) * (n - 1);
  const denominator = n * (k - 1) - chiSquare;
  const imanDavenportF = denominator <= 1e-12 * n * k ? Infinity : ((n - 1) * chiSquare) / denominator;
  return {
    n, k, meanRanks: [...meanRanks], chiSquare, df, pValue: chiSquareSf(chiSquare, df),
    imanDavenportF, imanDavenportDf: [df, dfDenominator], imanDavenportPValue: fSf(imanDavenportF, df, dfDenominator),
  };
}
