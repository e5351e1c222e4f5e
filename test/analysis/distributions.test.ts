import { test } from 'node:test';
import { erf, erfc, normalCdf, normalSf } from '../../core/index.js';
import {
  betaIncomplete, chiSquareSf, fSf, gammaP, gammaQ, logGamma, studentizedRangeCdf,
  studentizedRangeQuantile, tQuantile, tSf, NEMENYI_Q,
} from '../../analysis/statistics/index.js';
import { SCIPY } from './fixtures/scipyReference.js';
import { assertClose } from './helpers.js';

test('log-gamma and the regularized incomplete gamma match scipy.special', () => {
  for (const [x, expected] of SCIPY.gammaln) assertClose(logGamma(x), expected, 1e-12, 1e-13, `lgamma(${x})`);
  for (const [a, x, p, q] of SCIPY.gammainc) {
    assertClose(gammaP(a, x), p, 1e-10, 0, `P(${a}, ${x})`);
    assertClose(gammaQ(a, x), q, 1e-10, 0, `Q(${a}, ${x})`);
  }
});

test('erfc keeps its relative accuracy far into the tail', () => {
  for (const [x, expected] of SCIPY.erfc) assertClose(erfc(x), expected, 1e-12, 0, `erfc(${x})`);
  assertClose(erf(0.5), 1 - 0.4795001221869535, 1e-12);
  assertClose(erf(-0.5), -(1 - 0.4795001221869535), 1e-12);
});

test('normal, chi-square, F and t tails match scipy.stats', () => {
  for (const [z, sf, cdf] of SCIPY.normsf) {
    assertClose(normalSf(z), sf, 1e-12, 0, `sf(${z})`);
    assertClose(normalCdf(z), cdf, 1e-12, 0, `cdf(${z})`);
  }
  for (const [x, df, expected] of SCIPY.chi2sf) assertClose(chiSquareSf(x, df), expected, 1e-10, 0, `chi2.sf(${x}, ${df})`);
  for (const [f, d1, d2, expected] of SCIPY.fsf) assertClose(fSf(f, d1, d2), expected, 1e-9, 0, `f.sf(${f}, ${d1}, ${d2})`);
  for (const [t, df, expected] of SCIPY.tsf) assertClose(tSf(t, df), expected, 1e-9, 0, `t.sf(${t}, ${df})`);
  for (const [p, df, expected] of SCIPY.tppf) assertClose(tQuantile(p, df), expected, 1e-9, 0, `t.ppf(${p}, ${df})`);
  for (const [x, a, b, expected] of SCIPY.betainc) assertClose(betaIncomplete(x, a, b), expected, 1e-10, 0, `I_${x}(${a}, ${b})`);
});

test('the studentized range CDF (infinite df) matches scipy and reproduces the Nemenyi table', () => {
  for (const [q, k, expected] of SCIPY.srcdf) assertClose(studentizedRangeCdf(q, k), expected, 1e-8, 1e-10, `ptukey(${q}, ${k})`);
  // Two groups: the range of two normals is |X1 - X2| ~ sqrt(2)|Z|.
  assertClose(studentizedRangeCdf(Math.SQRT2 * 1.96, 2), 1 - 2 * normalSf(1.96), 1e-10);
  for (const alpha of ['0.05', '0.1'] as const) {
    NEMENYI_Q[alpha].forEach((q, i) => {
      const k = i + 2;
      assertClose(studentizedRangeQuantile(1 - Number(alpha), k) / Math.SQRT2, q, 1e-7, 0, `q_${alpha}(k=${k})`);
    });
  }
});
