import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  a12Magnitude, bootstrapIntervals, cliffsDelta, cliffsDeltaMagnitude, mean, signedRankCounts, standardError, tInterval,
  varghaDelaneyA12, wilcoxonSignedRank,
} from '../../analysis/statistics/index.js';
import { SCIPY } from './fixtures/scipyReference.js';
import { assertClose } from './helpers.js';

test('exact Wilcoxon: scipy documentation example (Fisher\'s Zea mays differences)', () => {
  const d = [6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75];
  const two = wilcoxonSignedRank(d);
  assert.equal(two.method, 'exact');
  assert.equal(two.statistic, SCIPY.wil_doc[0]);
  assertClose(two.pValue, SCIPY.wil_doc[1], 1e-12);
  assertClose(wilcoxonSignedRank(d, undefined, { alternative: 'greater' }).pValue, SCIPY.wil_doc[2], 1e-12);
  assertClose(wilcoxonSignedRank(d, undefined, { alternative: 'less' }).pValue, SCIPY.wil_doc[3], 1e-12);
  const twelve = [0.5, -1.2, 2.3, 3.1, -0.4, 1.7, 2.9, 0.8, 1.1, -2.6, 3.8, 4.4];
  assertClose(wilcoxonSignedRank(twelve).pValue, SCIPY.wil_exact12[0], 1e-12);
  assertClose(wilcoxonSignedRank(twelve, undefined, { alternative: 'less' }).pValue, SCIPY.wil_exact12[1], 1e-12);
  assert.equal(wilcoxonSignedRank(twelve).statistic, SCIPY.wil_exact12[2]);
});

test('the exact null distribution counts subsets by sum', () => {
  assert.deepEqual(signedRankCounts(3), [1, 1, 1, 2, 1, 1, 1]);
  const counts = signedRankCounts(20);
  assert.equal(counts.reduce((s, c) => s + c, 0), 2 ** 20);
});

test('normal approximation with tie and continuity correction (scipy correction=True/False)', () => {
  const ties = [1, 2, 2, 3, 0, -1, 4, 5, 5, -2, 3, 6, 7, 8, 9, 1, 2];
  const corrected = wilcoxonSignedRank(ties);
  assert.equal(corrected.method, 'asymptotic');
  assert.equal(corrected.zeros, 1);
  assert.equal(corrected.n, 16);
  assert.equal(corrected.statistic, SCIPY.wil_ties_asym[2]);
  assertClose(corrected.pValue, SCIPY.wil_ties_asym[0], 1e-9);
  assertClose(wilcoxonSignedRank(ties, undefined, { correction: false }).pValue, SCIPY.wil_ties_asym[1], 1e-9);
  const [x, y, pPlain, pCorrected, pLess] = SCIPY.wil_large;
  assertClose(wilcoxonSignedRank(x, y, { correction: false }).pValue, pPlain, 1e-9);
  assertClose(wilcoxonSignedRank(x, y).pValue, pCorrected, 1e-9);
  assertClose(wilcoxonSignedRank(x, y, { alternative: 'less' }).pValue, pLess, 1e-9);
});

test('Demšar Table 6, C4.5 vs C4.5+m: zeros dropped, asymptotic p as scipy', () => {
  const c45 = [0.763, 0.599, 0.954, 0.628, 0.882, 0.936, 0.661, 0.583, 0.775, 1.0, 0.94, 0.619, 0.972, 0.957];
  const c45m = [0.768, 0.591, 0.971, 0.661, 0.888, 0.931, 0.668, 0.583, 0.838, 1.0, 0.962, 0.666, 0.981, 0.978];
  const result = wilcoxonSignedRank(c45, c45m);
  assert.equal(result.zeros, 2);
  assert.equal(result.statistic, SCIPY.wil_demsar[0]);
  assertClose(result.pValue, SCIPY.wil_demsar[1], 1e-9);
  assertClose(wilcoxonSignedRank(c45, c45m, { correction: false }).pValue, SCIPY.wil_demsar[2], 1e-9);
});

test('small samples with ties or zeros use the exact sign-flip permutation distribution', () => {
  const xs = [1.5, -0.5, 2.0, 2.0, 0.0, 3.1, -1.0, 4.2];
  const result = wilcoxonSignedRank(xs);
  assert.equal(result.method, 'permutation');
  assertClose(result.pValue, SCIPY.wil_perm[0], 1e-12);
  assertClose(wilcoxonSignedRank(xs, undefined, { alternative: 'greater' }).pValue, SCIPY.wil_perm[1], 1e-12);
  assertClose(wilcoxonSignedRank(xs, undefined, { method: 'asymptotic' }).pValue, SCIPY.wil_perm[2], 1e-9);
});

test('identical samples give p = 1 and a zero effect', () => {
  const result = wilcoxonSignedRank([1, 2, 3], [1, 2, 3]);
  assert.equal(result.method, 'degenerate');
  assert.equal(result.pValue, 1);
  assert.equal(result.rankBiserial, 0);
});

test('effect sizes: Cliff\'s delta, A12 and the matched-pairs rank-biserial', () => {
  // Hand count: x = [1, 2, 3], y = [2, 2, 4]: x > y in 1 pair (3 > 2, 3 > 2 -> 2 pairs), x < y in 6 pairs, ties 1.
  // pairs: (1,2)< (1,2)< (1,4)< (2,2)= (2,2)= (2,4)< (3,2)> (3,2)> (3,4)<  -> greater 2, less 5, ties 2
  assertClose(cliffsDelta([1, 2, 3], [2, 2, 4]), (2 - 5) / 9, 1e-15);
  assertClose(varghaDelaneyA12([1, 2, 3], [2, 2, 4]), (2 + 1) / 9, 1e-15);
  assert.equal(cliffsDelta([5, 6], [1, 2]), 1);
  assert.equal(varghaDelaneyA12([1, 2], [5, 6]), 0);
  assert.equal(cliffsDeltaMagnitude(0.1), 'negligible');
  assert.equal(cliffsDeltaMagnitude(-0.4), 'medium');
  assert.equal(a12Magnitude(0.75), 'large');
  // Kerby (2014): r = (W+ - W-) / (W+ + W-); for the Zea mays data W- = 10 + 14 = 24, W+ = 96.
  const r = wilcoxonSignedRank([6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75]);
  assert.equal(r.wMinus, 24);
  assert.equal(r.wPlus, 96);
  assertClose(r.rankBiserial, 72 / 120, 1e-15);
});

test('descriptive statistics and intervals', () => {
  const values = [2, 4, 4, 4, 5, 5, 7, 9];
  assert.equal(mean(values), 5);
  assertClose(standardError(values), Math.sqrt(32 / 7) / Math.sqrt(8), 1e-14);
  const t = tInterval(values, 0.95);
  assertClose(t.high - 5, 2.3646242510102993 * standardError(values), 1e-9); // scipy.stats.t.ppf(0.975, 7)
  const a = bootstrapIntervals(values, (s) => [mean(s)], { seed: 7, resamples: 2000 });
  const b = bootstrapIntervals(values, (s) => [mean(s)], { seed: 7, resamples: 2000 });
  assert.deepEqual(a, b, 'same seed, same interval');
  assert.ok(a[0].low < 5 && a[0].high > 5 && a[0].low > 3 && a[0].high < 7);
});
