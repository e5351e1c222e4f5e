import { UnknownNameError, defaultNTrials, taskTypeOf, type Task } from '../../core/index.js';
import type { TaskCollection, TaskDescriptor } from '../collection.js';
import { vectorTask } from '../vectorTask.js';
import { singleObjectiveProblems, type SingleObjectiveProblem } from './singleObjective.js';

const SO_PREFIX = 'Pymoo/SO/unconstraint/';

function singleObjectiveTask(problem: SingleObjectiveProblem): Task {
  const d = problem.dimension;
  return vectorTask({
    id: SO_PREFIX + problem.name,
    lower: Array(d).fill(problem.lower),
    upper: Array(d).fill(problem.upper),
    defaults: Array(d).fill(problem.defaultValue),
    objectives: [{ name: 'objective_0', direction: 'minimize' }],
    budget: { nTrials: defaultNTrials(d) },
    metadata: { collection: 'pymoo', kind: 'synthetic', optimum: problem.optimum, source: `pymoo.problems.single.${problem.name}` },
    evaluate: (x) => problem.evaluate(x),
  });
}

const builders = new Map<string, () => Task>(
  Object.values(singleObjectiveProblems).map((p) => [SO_PREFIX + p.name, () => singleObjectiveTask(p)]),
);

export const pymooCollection: TaskCollection = {
  name: 'pymoo',
  description: "pymoo's synthetic test problems as CARP-S uses them (Pymoo/...)",
  list(): TaskDescriptor[] {
    return [...builders.keys()].map((id) => {
      const task = builders.get(id)!();
      return {
        id, collection: 'pymoo', type: taskTypeOf(task), dimension: task.space.dimension,
        nObjectives: task.objectives.length, nTrials: task.budget.nTrials, available: true,
      };
    });
  },
  owns: (id) => id.startsWith('Pymoo/'),
  create(id) {
    const build = builders.get(id);
    if (!build) throw new UnknownNameError('pymoo task', id, [...builders.keys()]);
    return build();
  },
};
