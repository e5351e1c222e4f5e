import { InvalidConfigError, SearchSpace, type SimulatedTime, type Budget, type Fidelity, type Objective, type Task, type TaskMetadata, type TrialInfo, type TrialValue } from '../core/index.js';

/** A synthetic problem on a box of real coordinates x0..x{d-1}. */
export interface VectorProblem {
  readonly id: string;
  readonly lower: readonly number[];
  readonly upper: readonly number[];
  readonly defaults?: readonly number[];
  readonly objectives: readonly Objective[];
  readonly fidelity?: Fidelity;
  readonly budget: Budget;
  readonly metadata: TaskMetadata;
  /** Duration on the simulated clock of parallel runs (synthetic functions: a cost model). */
  readonly simulatedTime?: SimulatedTime;
  /** f(x) (and fidelity, and the trial's seed for noisy problems); costs are minimized. `x` is reused between calls: do not keep it. */
  evaluate(x: Float64Array, fidelity: number | undefined, seed: number | undefined): number | number[];
}

/**
 * The cost model of synthetic functions on the simulated clock: every evaluation takes one
 * simulated second (scaled by fidelity / max where a task has a fidelity and no cost of its own).
 */
export const SYNTHETIC_SIMULATED_TIME: SimulatedTime = { source: 'cost-model', secondsAtMaxFidelity: 1 };

export function coordinateName(i: number): string {
  return `x${i}`;
}

export function boxSpace(lower: readonly number[], upper: readonly number[], defaults?: readonly number[]): SearchSpace {
  return new SearchSpace({
    hyperparameters: lower.map((lo, i) => ({
      type: 'float' as const,
      name: coordinateName(i),
      lower: lo,
      upper: upper[i],
      log: false,
      default: defaults ? defaults[i] : (lo + upper[i]) / 2,
    })),
  });
}

/** Wraps a VectorProblem as a Task: reads x0..x{d-1} from the config, checks them, times the call. */
export function vectorTask(problem: VectorProblem): Task {
  const d = problem.lower.length;
  const names = Array.from({ length: d }, (_, i) => coordinateName(i));
  const buffer = new Float64Array(d);
  return {
    id: problem.id,
    space: boxSpace(problem.lower, problem.upper, problem.defaults),
    objectives: problem.objectives,
    fidelity: problem.fidelity,
    budget: problem.budget,
    metadata: problem.metadata,
    ...(problem.simulatedTime ? { simulatedTime: problem.simulatedTime } : {}),
    evaluate(trial: TrialInfo): TrialValue {
      // One buffer per task, reused: allocating a typed array per call costs ~0.5 us and GC time.
      const x = buffer;
      for (let i = 0; i < d; i++) {
        const v = trial.config[names[i]];
        if (typeof v !== 'number') {
          const got = v === undefined ? 'it is missing' : `got ${JSON.stringify(v)}`;
          throw new InvalidConfigError(`Task '${problem.id}' needs numeric coordinate '${names[i]}' (in [${problem.lower[i]}, ${problem.upper[i]}]); ${got}.`);
        }
        x[i] = v;
      }
      const start = performance.now();
      const cost = problem.evaluate(x, trial.fidelity, trial.seed);
      const wallTime = (performance.now() - start) / 1000;
      return { cost, status: 'ok', wallTime, virtualTime: 0 };
    },
  };
}
