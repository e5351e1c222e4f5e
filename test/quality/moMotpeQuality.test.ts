import { moQualityAgainstRandom } from '../optimizers/moQualityCase.js';

/**
 * motpe against random search on issue 6's twelve problems at their CARP-S budgets, 10 seeds;
 * about 42 s on 2 cores. Measured when written (median HV motpe vs random, wins-losses, Holm p
 * over 12): 10-0 (p 0.012) on zdt1-4, zdt6, dtlz2-7 (e.g. zdt1 0.74 vs 0.45, zdt4 0.80 vs 0.44,
 * dtlz6 0.59 vs 0.50); dtlz1 0.97 vs 0.95, 8-2 (p 0.014).
 */
moQualityAgainstRandom({ optimizer: 'motpe', seeds: 10 });
