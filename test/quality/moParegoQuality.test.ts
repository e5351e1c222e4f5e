import { moQualityAgainstRandom } from '../optimizers/moQualityCase.js';

const MULTIMODAL = 'multimodal g: no method gets near the front in this budget; parego does not beat random here at the CARP-S budget either (see the bench figure quality.mo_pairs_beating_random)';
const NEEDS_BUDGET = 'needs more than 60 trials: significant at the CARP-S budget in the bench figure quality.mo_pairs_beating_random';

/**
 * parego against random search on issue 6's twelve problems with 60 trials each (random search
 * too), 10 seeds. The GP refits before every proposal (SMAC3's BlackBoxFacade): a CARP-S-budget
 * run takes 4-20 s, a 60-trial one 0.3-0.8 s; this file about 54 s on 2 cores.
 * Measured when written (median HV parego vs random, wins-losses, Holm p over 12): zdt1 0.52 vs
 * 0.30 10-0 (0.012), zdt2 0.67 vs 0.00 9-0 (0.014), zdt6 0.89 vs 0.00 10-0, dtlz2 0.48 vs 0.22
 * 10-0, dtlz4 0.45 vs 0.00 9-1 (0.014), dtlz5 0.16 vs 0.02 10-0, dtlz7 0.40 vs 0.00 10-0.
 * Known shortfalls at 60 trials, held at their values: zdt3 0.04 vs 0.00 8-2 (0.16), dtlz6 0.28 vs 0.22 7-3 (0.17);
 * zdt4 0.00 vs 0.00 2-0 (HV saturates; IGD+ 80 vs 89), dtlz1 0.73 vs 0.70 5-5, dtlz3 0.78 vs 0.78 8-2.
 */
moQualityAgainstRandom({
  optimizer: 'parego',
  seeds: 10,
  nTrials: 60,
  knownShortfalls: {
    zdt3: { why: NEEDS_BUDGET, median: 0.042, wins: 8 },
    dtlz6: { why: NEEDS_BUDGET, median: 0.282, wins: 7 },
    zdt4: { why: MULTIMODAL, median: 0, wins: 2, igdPlus: 79.7 },
    dtlz1: { why: MULTIMODAL, median: 0.733, wins: 5 },
    dtlz3: { why: MULTIMODAL, median: 0.781, wins: 8 },
  },
});
