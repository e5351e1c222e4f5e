import { moQualityAgainstRandom } from './moQualityCase.js';

const BUDGET_BOUND = 'NSGA-II is no better than random search at 147 trials here (population 14, ~10 generations), but is at 2000 (checked below)';

/**
 * nsga2 against random search on issue 6's twelve problems at their CARP-S budgets, 31 seeds
 * (runs take milliseconds; 10 seeds leave DTLZ1/2/5 and ZDT6 short of significance after Holm,
 * see the bench figure quality.mo_pairs_beating_random). Measured when written (median HV nsga2
 * vs random, wins-losses of 31, Holm p over 12): zdt1 0.62 vs 0.44 31-0, zdt2 0.61 vs 0.21 31-0,
 * zdt3 0.59 vs 0.43 31-0, zdt4 0.47 vs 0.00 29-0, zdt6 0.40 vs 0.01 31-0, dtlz1 0.98 vs 0.95 26-5,
 * dtlz2 0.67 vs 0.62 24-7 (9e-4), dtlz3 0.93 vs 0.85 30-1, dtlz5 0.50 vs 0.44 23-8 (3e-4),
 * dtlz7 0.61 vs 0.33 29-2; every other p below 2e-6. Known shortfalls, held at their values: dtlz4 0.37 vs 0.36 18-13
 * (p 0.10), dtlz6 0.49 vs 0.50 5-26. At 2000 trials (population 100): dtlz4 0.58 vs 0.10,
 * dtlz6 0.69 vs 0.57, 10-0 each with 10 seeds. About 5 s on 2 cores.
 */
moQualityAgainstRandom({
  optimizer: 'nsga2',
  seeds: 31,
  knownShortfalls: { dtlz4: { why: BUDGET_BOUND, median: 0.366, wins: 18 }, dtlz6: { why: BUDGET_BOUND, median: 0.485, wins: 5 } },
});
moQualityAgainstRandom({ optimizer: 'nsga2', seeds: 10, problems: ['dtlz4', 'dtlz6'], nTrials: 2000 });
