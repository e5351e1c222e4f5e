import type { TaskType } from '../core/index.js';

/**
 * The optimizers whose runs ship as baselines, per task type: CARP-S's default portfolio
 * (its paper's optimizers, each at its default options and the task's CARP-S budget).
 * On multi-fidelity tasks 'random' samples at the full fidelity.
 */
export const BASELINE_PORTFOLIOS: Readonly<Record<TaskType, readonly string[]>> = {
  blackbox: ['random', 'sobol', 'tpe', 'gp', 'rf', 'cmaes', 'de'],
  'multi-fidelity': ['random', 'sh', 'hyperband', 'bohb', 'dehb', 'smac-mf', 'asha'],
  'multi-objective': ['random', 'nsga2', 'motpe', 'parego', 'rf-parego'],
  'multi-fidelity-multi-objective': ['random', 'momf-parego'],
};
