import { UnknownNameError, defaultNTrials, type Task } from '../../core/index.js';
import type { TaskCollection, TaskDescriptor } from '../collection.js';
import { SYNTHETIC_SIMULATED_TIME, vectorTask } from '../vectorTask.js';
import { multiObjectiveProblems, multiObjectiveTask, multiObjectiveTaskId } from './multiObjective.js';
import { singleObjectiveProblems, type SingleObjectiveProblem } from './singleObjective.js';

export { paretoFront, frontBounds, hasParetoFront } from './paretoFronts.js';
export { multiObjectiveProblems, multiObjectiveTaskId } from './multiObjective.js';
export type { MultiObjectiveProblem, ParetoFrontDefinition } from './moProblem.js';

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
    simulatedTime: SYNTHETIC_SIMULATED_TIME,
    metadata: { collection: 'pymoo', kind: 'synthetic', optimum: problem.optimum, source: `pymoo.problems.single.${problem.name}` },
    evaluate: (x) => problem.evaluate(x),
  });
}

interface Entry {
  readonly descriptor: TaskDescriptor;
  build(): Task;
}

const entries = new Map<string, Entry>([
  ...Object.values(singleObjectiveProblems).map((p): [string, Entry] => [SO_PREFIX + p.name, {
    descriptor: {
      id: SO_PREFIX + p.name, collection: 'pymoo', type: 'blackbox', dimension: p.dimension,
      nObjectives: 1, nTrials: defaultNTrials(p.dimension), simulatedTime: 'cost-model', available: true,
    },
    build: () => singleObjectiveTask(p),
  }]),
  ...multiObjectiveProblems.map((p): [string, Entry] => [multiObjectiveTaskId(p), {
    descriptor: {
      id: multiObjectiveTaskId(p), collection: 'pymoo', type: 'multi-objective', dimension: p.lower.length,
      nObjectives: p.nObjectives, nTrials: p.nTrials, simulatedTime: 'cost-model', available: true,
    },
    build: () => multiObjectiveTask(p),
  }]),
]);

export const pymooCollection: TaskCollection = {
  name: 'pymoo',
  description: "pymoo's synthetic test problems as CARP-S uses them (Pymoo/SO, Pymoo/MO, Pymoo/ManyO)",
  list(): TaskDescriptor[] {
    return [...entries.values()].map((e) => e.descriptor);
  },
  owns: (id) => id.startsWith('Pymoo/'),
  create(id) {
    const entry = entries.get(id);
    if (!entry) throw new UnknownNameError('pymoo task', id, [...entries.keys()]);
    return entry.build();
  },
};
