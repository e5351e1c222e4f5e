import { moQualityAgainstRandom } from './moQualityCase.js';

/**
 * nsga2 against random search on pymoo's ZDT1, ZDT2 and DTLZ2 (CARP-S budgets): the final
 * non-dominated sets of 31 seeds each, scored by the analysis' normalized hypervolume (ideal
 * and nadir of the union of both methods' final fronts, reference 1.1). nsga2 must end with a
 * higher median hypervolume, and a one-sided Wilcoxon signed-rank test over the seeds must find
 * it better (p < 0.05).
 * NSGA-II's population shrinks to 14 on DTLZ2's 147 trials and barely moves there, hence 31 seeds
 * (runs take milliseconds). Measured when written (median HV vs random, paired wins, Wilcoxon p):
 * zdt1 0.62 vs 0.43 (31/31, 5e-10), zdt2 0.61 vs 0.21 (30/31, 1e-9), dtlz2 0.73 vs 0.70 (25/31, 3e-4).
 */
moQualityAgainstRandom('nsga2', 31);
