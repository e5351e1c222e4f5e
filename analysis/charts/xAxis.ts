import type { Analysis } from '../pipeline/index.js';

/** The x axis of anytime charts, as the analysis's axis option says: budget fraction or simulated time. */
export function anytimeAxisTitle(analysis: Analysis): string {
  return analysis.options.axis === 'time' ? "simulated time (fraction of the task's longest run)" : 'budget used (fraction of n_trials)';
}

/** A task's drill-down x axis: budget fraction, or simulated seconds up to the task's horizon. */
export function taskAxis(analysis: Analysis, task: string): { field: 'fraction' | 'time'; title: string; domain: [number, number]; horizon?: number } {
  const horizon = analysis.options.axis === 'time' ? analysis.horizons?.get(task) : undefined;
  if (horizon === undefined) return { field: 'fraction', title: 'budget used (fraction)', domain: [0, 1] };
  return { field: 'time', title: 'simulated time (s)', domain: [0, horizon], horizon };
}
