import { taskTypeOf, type Fidelity, type Objective, type SearchSpace, type Task, type TaskView, type TrialInfo, type TrialStatus, type TrialValue } from '../../core/index.js';
import { trialSeed } from '../runLoop.js';

/** Which task type a conformance task has. */
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
 * The task a conformance run evaluates: `syntheticCost` with crashes of every kind injected at
 * fixed trial indices (`outcome`). The index comes from the trial seed the run loop hands out
 * (trialSeed(runSeed, index)), so a resumed run that replays a prefix without evaluating it
 * still sees the same outcome at each index. With `parallel`, trials take 1 to 4 simulated
 * seconds (scaled by fidelity), varied by index, so trials in flight finish out of ask order.
 */
export function conformanceTask(view: TaskView, runSeed: number, maxTrials: number, parallel = false): Task {
  const indexOfSeed = new Map<number, number>();
  for (let i = 0; i <= maxTrials; i++) indexOfSeed.set(trialSeed(runSeed, i), i);
  let evaluated = 0;
  return {
    id: 'conformance/synthetic',
    space: view.space,
    objectives: view.objectives,
    fidelity: view.fidelity,
    budget: view.budget,
    metadata: { collection: 'conformance', kind: 'synthetic' },
    ...(parallel ? { simulatedTime: { source: 'virtual' as const } } : {}),
    evaluate(trial) {
      // An optimizer that sets its own trial seeds gets outcomes in evaluation order.
      const index = (trial.seed !== undefined ? indexOfSeed.get(trial.seed) : undefined) ?? evaluated;
      evaluated++;
      const value = outcome(view, trial, index);
      return parallel ? { ...value, virtualTime: simulatedSeconds(view, trial, index) } : value;
    },
  };
}

/** 1 to 4 seconds by trial index (a fixed irregular pattern), times fidelity / max. */
function simulatedSeconds(view: TaskView, trial: TrialInfo, index: number): number {
  const fraction = view.fidelity ? (trial.fidelity ?? view.fidelity.max) / view.fidelity.max : 1;
  return (1 + ((index * 7) % 13) / 4) * fraction;
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
 * The trial outcomes a run sees: mostly ok, with crashes of every kind at fixed trial indices
 * (the first two trials crash, so optimizers meet a crash before any success). NaN and infinite
 * costs pass through the run loop's checked evaluation like a real task's would.
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
