/**
 * CMA-ES strategy parameters, the defaults of Hansen's tutorial ("The CMA Evolution Strategy:
 * A Tutorial", 2016, Table 1), including negative (active) recombination weights.
 */
export interface StrategyParameters {
  readonly n: number;
  readonly lambda: number;
  readonly mu: number;
  /** lambda weights, sorted best first: positive for the mu best (sum 1), negative for the rest. */
  readonly weights: Float64Array;
  readonly muEff: number;
  readonly cm: number;
  readonly cSigma: number;
  readonly dSigma: number;
  readonly cc: number;
  readonly c1: number;
  readonly cMu: number;
  /** E||N(0, I)||. */
  readonly chiN: number;
}

export function defaultPopulationSize(n: number): number {
  return 4 + Math.floor(3 * Math.log(n));
}

export function strategyParameters(n: number, lambda: number): StrategyParameters {
  const mu = Math.floor(lambda / 2);
  const raw = Array.from({ length: lambda }, (_, i) => Math.log((lambda + 1) / 2) - Math.log(i + 1));
  const positive = raw.slice(0, mu);
  const negative = raw.slice(mu);
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  const sumSq = (xs: number[]) => xs.reduce((s, x) => s + x * x, 0);
  const muEff = sum(positive) ** 2 / sumSq(positive);
  const muEffMinus = negative.length > 0 && sumSq(negative) > 0 ? sum(negative) ** 2 / sumSq(negative) : 0;

  const alphaCov = 2;
  const c1 = alphaCov / ((n + 1.3) ** 2 + muEff);
  const cMu = Math.min(1 - c1 - 1e-8, (alphaCov * (muEff - 2 + 1 / muEff)) / ((n + 2) ** 2 + (alphaCov * muEff) / 2));
  const alphaMuMinus = 1 + c1 / cMu;
  const alphaMuEffMinus = 1 + (2 * muEffMinus) / (muEff + 2);
  const alphaPosDefMinus = (1 - c1 - cMu) / (n * cMu);
  const minAlpha = Math.min(alphaMuMinus, alphaMuEffMinus, alphaPosDefMinus);

  const positiveSum = raw.filter((w) => w > 0).reduce((s, w) => s + w, 0);
  const negativeSum = -raw.filter((w) => w < 0).reduce((s, w) => s + w, 0);
  const weights = Float64Array.from(raw, (w) => (w >= 0 ? w / positiveSum : negativeSum > 0 ? (minAlpha * w) / negativeSum : 0));

  const cSigma = (muEff + 2) / (n + muEff + 5);
  const dSigma = 1 + 2 * Math.max(0, Math.sqrt((muEff - 1) / (n + 1)) - 1) + cSigma;
  const cc = (4 + muEff / n) / (n + 4 + (2 * muEff) / n);
  const chiN = Math.sqrt(n) * (1 - 1 / (4 * n) + 1 / (21 * n * n));
  return { n, lambda, mu, weights, muEff, cm: 1, cSigma, dSigma, cc, c1, cMu, chiN };
}
