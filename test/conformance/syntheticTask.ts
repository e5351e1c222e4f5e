import type { Fidelity, Objective, SearchSpace, TaskView, TrialInfo, TrialStatus, TrialValue } from '../../core/index.js';
import { taskTypeOf } from '../../core/index.js';

/** Which task type a conformance view has. */
export interface ViewShape {
  readonly fidelity?: Fidelity;
  readonly objectives: number;
}

export const FIDELITY: Fidelity = { name: 'epochs', min: 1, max: 27, integer: true };

export function viewFor(space: SearchSpace, nTrials: number, shape: ViewShape): TaskView {
  const objectives: Objective[] = Array.from({ length: shape.objectives }, (_, k) => ({ name: `f${k}`, direction: 'minimize' }));
  const partial = { objectives, fidelity: shape.fidelity };
  return { space, objectives, fidelity: shape.fidelity, budget: { nTrials }, type: taskTypeOf(partial) };
}

/**
 * A synthetic cost on the unit-cube encoding (active slots only): a sphere around 0.3 per slot,
 * plus a second sphere around 0.7 for a second objective, plus a fidelity penalty
 * (1 - fidelity / max) on multi-fidelity views. Deterministic in the config.
 */
export function syntheticCost(view: TaskView, info: TrialInfo): number | number[] {
  const u = view.space.encode(info.config);
  const sphere = (centre: number) => {
    let s = 0;
    for (const x of u) if (!Number.isNaN(x)) s += (x - centre) ** 2;
    return s;
  };
  const fidelityPenalty = view.fidelity ? 1 - (info.fidelity ?? view.fidelity.max) / view.fidelity.max : 0;
  if (view.objectives.length === 1) return sphere(0.3) + fidelityPenalty;
  return view.objectives.map((_, k) => sphere(k === 0 ? 0.3 : 0.7) + fidelityPenalty);
}

/**
 * The trial outcomes a run tells: mostly ok, with crashes of every kind at fixed trial indices
 * (the first two trials crash, so optimizers meet a crash before any success).
 */
export function outcome(view: TaskView, info: TrialInfo, index: number): TrialValue {
  const value = (cost: number | number[], status: TrialStatus = 'ok'): TrialValue => ({ cost, status, wallTime: 0.001, virtualTime: 0 });
  const nan = view.objectives.length === 1 ? NaN : view.objectives.map(() => NaN);
  const inf = view.objectives.length === 1 ? Infinity : view.objectives.map(() => Infinity);
  if (index < 2) return value(nan, 'crashed');
  if (index % 7 === 3) return value(nan);
  if (index % 11 === 5) return value(inf);
  if (index % 13 === 6) return value(nan, 'crashed');
  if (index % 17 === 8) return value(syntheticCost(view, info), 'timeout');
  if (index % 19 === 9) return value(inf, 'memoryout');
  return value(syntheticCost(view, info));
}
