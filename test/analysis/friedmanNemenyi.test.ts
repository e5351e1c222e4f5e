import { test } from 'node:test';
import assert from 'node:assert/strict';
import { criticalDifference, friedmanFromMeanRanks, friedmanTest, holmAdjust, nemenyiQ, nemenyiTest, NEMENYI_Q, rankAverage } from '../../analysis/statistics/index.js';
import { normalSf } from '../../core/index.js';
import { SCIPY } from './fixtures/scipyReference.js';
import { assertClose } from './helpers.js';

/** Demšar (2006), Table 6: AUC of C4.5, C4.5+m, C4.5+cf, C4.5+m+cf on 14 data sets (higher is better). */
const DEMSAR_AUC = [
  [0.763, 0.768, 0.771, 0.798], [0.599, 0.591, 0.590, 0.569], [0.954, 0.971, 0.968, 0.967], [0.628, 0.661, 0.654, 0.657],
  [0.882, 0.888, 0.886, 0.898], [0.936, 0.931, 0.916, 0.931], [0.661, 0.668, 0.609, 0.685], [0.583, 0.583, 0.563, 0.625],
  [0.775, 0.838, 0.866, 0.875], [1.000, 1.000, 1.000, 1.000], [0.940, 0.962, 0.965, 0.962], [0.619, 0.666, 0.614, 0.669],
  [0.972, 0.981, 0.975, 0.975], [0.957, 0.978, 0.946, 0.970],
];
const DEMSAR_MEAN_RANKS = [3.143, 2.0, 2.893, 1.964];

test('ranks average ties (scipy.stats.rankdata)', () => {
  const { ranks, ties } = rankAverage([3, 1, 4, 1, 5, 9, 2, 6, 5, 3]);
  assert.deepEqual(ranks, [4.5, 1.5, 6, 1.5, 7.5, 10, 3, 9, 7.5, 4.5]);
  assert.deepEqual(ties.sort(), [1, 1, 1, 1, 2, 2, 2].sort());
});

test('Friedman: scipy documentation example and tie handling', () => {
  const before = [72, 96, 88, 92, 74, 76, 82];
  const after = [120, 120, 132, 120, 101, 96, 112];
  const fiveMin = [76, 95, 104, 96, 84, 72, 76];
  const result = friedmanTest(before.map((_, i) => [before[i], after[i], fiveMin[i]]));
  assertClose(result.chiSquare, SCIPY.friedman_doc[0], 1e-12);
  assertClose(result.pValue, SCIPY.friedman_doc[1], 1e-9);
  assertClose(result.chiSquare, 10.571428571428571, 1e-9); // printed in scipy's docs
  const tied = friedmanTest([[1, 1, 2], [2, 2, 2], [3, 1, 1], [1, 2, 3], [2, 1, 1]]);
  assertClose(tied.chiSquare, SCIPY.friedman_ties[0], 1e-12);
  assertClose(tied.pValue, SCIPY.friedman_ties[1], 1e-9);
});

test('Friedman and Iman-Davenport on Demšar (2006) Table 6', () => {
  // From the data (lower cost = higher AUC), with scipy's tie correction.
  const result = friedmanTest(DEMSAR_AUC.map((row) => row.map((v) => -v)));
  assertClose(result.chiSquare, SCIPY.friedman_auc[0], 1e-12);
  assertClose(result.pValue, SCIPY.friedman_auc[1], 1e-9);
  assert.deepEqual(result.imanDavenportDf, [3, 39]);
  // From the published mean ranks, without tie correction: chi2_F = 9.28, F_F = 3.69 (section 3.2.2).
  const published = friedmanFromMeanRanks(DEMSAR_MEAN_RANKS, 14);
  assertClose(published.chiSquare, 9.28, 0, 0.005);
  assertClose(published.imanDavenportF, 3.69, 0, 0.005);
  assert.ok(published.imanDavenportPValue < 0.05 && published.imanDavenportPValue > 0.01); // F(3, 39) critical value 2.85
  // Hand computation: 13 * chi2 / (14 * 3 - chi2).
  assertClose(published.imanDavenportF, (13 * published.chiSquare) / (42 - published.chiSquare), 1e-12);
});

test('Iman-Davenport F is infinite (p = 0) when every block ranks alike', () => {
  const result = friedmanTest([[1, 2, 3], [1, 2, 3], [1, 2, 3]]);
  assertClose(result.chiSquare, 6, 1e-12);
  assert.equal(result.imanDavenportF, Infinity);
  assert.equal(result.imanDavenportPValue, 0);
});

test('Nemenyi: q table as printed by Demšar, critical differences 1.25 and 1.12, two cliques', () => {
  const printed05 = [1.960, 2.343, 2.569, 2.728, 2.850, 2.949, 3.031, 3.102, 3.164];
  const printed10 = [1.645, 2.052, 2.291, 2.459, 2.589, 2.693, 2.780, 2.855, 2.920];
  printed05.forEach((q, i) => assertClose(nemenyiQ(i + 2, 0.05), q, 0, 0.0011));
  printed10.forEach((q, i) => assertClose(nemenyiQ(i + 2, 0.1), q, 0, 0.0011));
  assert.equal(NEMENYI_Q['0.05'].length, 19); // k = 2..20
  assertClose(criticalDifference(4, 14, 0.05), 1.25, 0, 0.005);
  assertClose(criticalDifference(4, 14, 0.1), 1.12, 0, 0.005);
  const result = nemenyiTest(DEMSAR_MEAN_RANKS, 14, 0.1);
  // C4.5 is worse than C4.5+m and C4.5+m+cf; C4.5+cf belongs to both groups (Figure 1a).
  assert.deepEqual(result.cliques, [[3, 1, 2], [2, 0]]);
  assert.equal(nemenyiTest(DEMSAR_MEAN_RANKS, 14, 0.05).cliques.length, 1);
  // Pairwise p-values from the studentized range; the biggest gap (1.179 < CD 1.25) is not significant at 0.05.
  // scipy.stats.studentized_range.sf(|R_i - R_j| / SE * sqrt(2), 4, inf), as scikit-posthocs computes them.
  assertClose(result.pValues[0][3], 0.07402338390346863, 1e-7);
  assertClose(result.pValues[3][0], 0.07402338390346863, 1e-7);
  assertClose(result.pValues[0][1], 0.08861054889981224, 1e-7);
  assertClose(result.pValues[2][3], 0.2263235066718262, 1e-7);
  assert.equal(result.pValues[1][1], 1);
});

test('Holm: R p.adjust example and Demšar comparisons with a control', () => {
  const adjusted = holmAdjust([0.01, 0.04, 0.03, 0.005, 0.2, 0.04]);
  [0.05, 0.12, 0.12, 0.03, 0.2, 0.12].forEach((p, i) => assertClose(adjusted[i], p, 1e-12));
  // Demšar 3.2.2: z = (3.143 - R_i) / 0.488 for C4.5+m+cf, C4.5+m, C4.5+cf -> p = 0.016, 0.019, 0.607.
  const se = Math.sqrt((4 * 5) / (6 * 14));
  const p = [1.964, 2.0, 2.893].map((r) => 2 * normalSf((3.143 - r) / se));
  [0.016, 0.019, 0.607].forEach((expected, i) => assertClose(p[i], expected, 0, 0.002)); // the paper rounds z
  const holm = holmAdjust(p);
  assert.ok(holm[0] < 0.05 && holm[1] < 0.05 && holm[2] > 0.05, 'Holm rejects the first two hypotheses only');
});
