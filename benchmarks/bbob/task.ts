import { InvalidConfigError, defaultNTrials, type Objective, type Task, type TrialInfo, type TrialValue } from '../../core/index.js';
import { boxSpace, coordinateName } from '../vectorTask.js';
import type { BbobProblem } from './problem.js';

/** CARP-S's objective name for BBOB tasks (carps/configs/task/BBOB/*.yaml). */
export const OBJECTIVES: readonly Objective[] = [{ name: 'quality', direction: 'minimize' }];
export const LOWER = -5;
export const UPPER = 5;

/**
 * A BBOB problem as a Task on x0..x{d-1} in [-5, 5] (default 0, as CARP-S). Like vectorTask, but it
 * reads the config into one Float64Array reused across calls, so an evaluation allocates only its result.
 * The cost is f(x) with fopt included, as CARP-S returns it (ioh's problem(x)); regret = cost - metadata.optimum.
 * Coordinates outside the box are evaluated as COCO does (the functions' own penalties apply).
 */
/** How a task id family presents the problem: its collection and budget (bbob_vizier shares the functions, not the budget). */
export interface BbobTaskOptions {
  readonly collection?: string;
  readonly nTrials?: number;
}

export function bbobTask(problem: BbobProblem, id: string, options: BbobTaskOptions = {}): Task {
  const d = problem.dimension;
  const names = Array.from({ length: d }, (_, i) => coordinateName(i));
  const x = new Float64Array(d);
  return {
    id,
    space: boxSpace(Array(d).fill(LOWER), Array(d).fill(UPPER), Array(d).fill(0)),
    objectives: OBJECTIVES,
    budget: { nTrials: options.nTrials ?? defaultNTrials(d) },
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
    evaluate(trial: TrialInfo): TrialValue {
      const config = trial.config;
      let nan = false;
      for (let i = 0; i < d; i++) {
        const v = config[names[i]];
        if (typeof v !== 'number') {
          const got = v === undefined ? 'it is missing' : `got ${JSON.stringify(v)}`;
          throw new InvalidConfigError(`Task '${id}' needs numeric coordinate '${names[i]}' (in [${LOWER}, ${UPPER}]); ${got}.`);
        }
        if (v !== v) nan = true;
        x[i] = v;
      }
      const start = performance.now();
      const cost = nan ? NaN : problem.evaluate(x);
      const wallTime = (performance.now() - start) / 1000;
      return { cost, status: 'ok', wallTime, virtualTime: 0 };
    },
  };
}
