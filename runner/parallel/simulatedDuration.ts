import type { SimulatedTime, Task, TrialInfo, TrialValue } from '../../core/index.js';

/** What a task without a declared simulated time costs: one simulated second per trial at max fidelity. */
export const DEFAULT_SIMULATED_TIME: SimulatedTime = { source: 'cost-model', secondsAtMaxFidelity: 1 };

/**
 * Seconds a trial occupies its worker slot on a run's simulated clock. The cost model scales
 * with the fidelity, so multi-fidelity methods save simulated time by stopping early.
 * Negative or non-finite reports count as 0 (an instant trial), never as time running backwards.
 */
export function simulatedDuration(task: Task, info: TrialInfo, value: TrialValue): number {
  const model = task.simulatedTime ?? DEFAULT_SIMULATED_TIME;
  let seconds: number;
  if (model.source === 'virtual') seconds = value.virtualTime;
  else if (model.source === 'measured') seconds = value.wallTime;
  else seconds = model.secondsAtMaxFidelity * (task.fidelity && info.fidelity !== undefined ? info.fidelity / task.fidelity.max : 1);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 0;
}
