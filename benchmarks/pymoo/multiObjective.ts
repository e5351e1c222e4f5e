/** The 29 multi-objective pymoo tasks of CARP-S (Pymoo/MO/... and Pymoo/ManyO/...). */
import type { Task } from '../../core/index.js';
import { vectorTask } from '../vectorTask.js';
import { dtlzProblems } from './dtlz.js';
import { dtlzVariantProblems } from './dtlzVariants.js';
import { miscProblems } from './misc.js';
import type { MultiObjectiveProblem } from './moProblem.js';
import { wfgProblems } from './wfgFronts.js';
import { zdtProblems } from './zdt.js';

export const multiObjectiveProblems: readonly MultiObjectiveProblem[] = [
  ...miscProblems, ...zdtProblems, ...dtlzVariantProblems, ...dtlzProblems, ...wfgProblems,
];

export function multiObjectiveTaskId(problem: MultiObjectiveProblem): string {
  return `Pymoo/${problem.group}/unconstraint/${problem.name}`;
}

/** CARP-S names the objectives objective_0, objective_1, ... */
function objectiveNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `objective_${i}`);
}

export function multiObjectiveTask(problem: MultiObjectiveProblem): Task {
  return vectorTask({
    id: multiObjectiveTaskId(problem),
    lower: problem.lower,
    upper: problem.upper,
    objectives: objectiveNames(problem.nObjectives).map((name) => ({ name, direction: 'minimize' as const })),
    budget: { nTrials: problem.nTrials },
    metadata: {
      collection: 'pymoo',
      kind: 'synthetic',
      source: problem.source,
      paretoFront: 'available',
      paretoFrontMethod: problem.front.method,
      paretoFrontDescription: problem.front.description,
      idealPoint: [...problem.front.ideal],
      nadirPoint: [...problem.front.nadir],
    },
    evaluate: (x) => problem.evaluate(x),
  });
}
