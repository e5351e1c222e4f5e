import { defaultNTrials, type Objective, type Task } from '../../core/index.js';
import { SYNTHETIC_SIMULATED_TIME, vectorTask } from '../vectorTask.js';
import type { BbobProblem } from './problem.js';

/** CARP-S's objective name for BBOB tasks (carps/configs/task/BBOB/*.yaml). */
const OBJECTIVES: readonly Objective[] = [{ name: 'quality', direction: 'minimize' }];
export const LOWER = -5;
const UPPER = 5;

/**
 * A BBOB problem as a vector task on x0..x{d-1} in [-5, 5] (default 0, as CARP-S).
 * The cost is f(x) with fopt included, as CARP-S returns it (ioh's problem(x)); regret = cost - metadata.optimum.
 * Coordinates outside the box are evaluated as COCO does (the functions' own penalties apply); a NaN coordinate gives NaN.
 */
/** How a task id family presents the problem: its collection and budget (bbob_vizier shares the functions, not the budget). */
export interface BbobTaskOptions {
  readonly collection?: string;
  readonly nTrials?: number;
}

export function bbobTask(problem: BbobProblem, id: string, options: BbobTaskOptions = {}): Task {
  const d = problem.dimension;
  return vectorTask({
    id,
    lower: Array(d).fill(LOWER),
    upper: Array(d).fill(UPPER),
    defaults: Array(d).fill(0),
    objectives: OBJECTIVES,
    budget: { nTrials: options.nTrials ?? defaultNTrials(d) },
    simulatedTime: SYNTHETIC_SIMULATED_TIME,
    metadata: {
      collection: options.collection ?? 'bbob',
      kind: 'synthetic',
      optimum: problem.fopt,
      xopt: Array.from(problem.xopt),
      function: problem.fid,
      functionName: problem.name,
      dimension: d,
      instance: problem.instance,
      source: `COCO bbob suite f${problem.fid} (numbbo/coco-experiment), instance ${problem.instance} as in COCO and IOHprofiler`,
    },
    evaluate(x) {
      for (let i = 0; i < d; i++) if (x[i] !== x[i]) return NaN;
      return problem.evaluate(x);
    },
  });
}
