/**
 * Example task-collection plugin: shifted sphere functions `example/sphere/{dim}` for any
 * dimension 1..64 (2, 4 and 8 are listed). Each task is a box [-5, 5]^dim built with
 * `vectorTask`, which reads x0..x{dim-1} from the config and times the call; the minimum 0
 * lies at x_i = 1 / (i + 1).
 *
 *   npx tsc
 *   npx hpoarena tasks 'example/*' --plugin dist/shiftedSphere.js
 *   npx hpoarena run --plugin dist/shiftedSphere.js --optimizers random --tasks example/sphere/4 --seeds 1-5
 */
import { UnknownNameError, defaultNTrials, registerTaskCollection, vectorTask, type Task, type TaskCollection, type TaskDescriptor } from 'hpoarena';

const PREFIX = 'example/sphere/';
const LISTED = [2, 4, 8];
const MAX_DIMENSION = 64;

function dimensionOf(id: string): number | undefined {
  const text = id.slice(PREFIX.length);
  const dim = Number(text);
  return id.startsWith(PREFIX) && /^\d+$/.test(text) && dim >= 1 && dim <= MAX_DIMENSION ? dim : undefined;
}

function sphereTask(dim: number): Task {
  const lower = Array<number>(dim).fill(-5);
  const upper = Array<number>(dim).fill(5);
  return vectorTask({
    id: `${PREFIX}${dim}`,
    lower,
    upper,
    objectives: [{ name: 'value', direction: 'minimize' }],
    budget: { nTrials: defaultNTrials(dim) },
    metadata: { collection: 'example', kind: 'synthetic', optimum: 0 },
    evaluate(x) {
      let sum = 0;
      for (let i = 0; i < x.length; i++) sum += (x[i] - 1 / (i + 1)) ** 2;
      return sum;
    },
  });
}

function describe(dim: number): TaskDescriptor {
  return { id: `${PREFIX}${dim}`, collection: 'example', type: 'blackbox', dimension: dim, nObjectives: 1, nTrials: defaultNTrials(dim), available: true };
}

export const sphereCollection: TaskCollection = {
  name: 'example',
  description: 'Shifted sphere functions on [-5, 5]^dim (example plugin).',
  list: () => LISTED.map(describe),
  owns: (id) => id.startsWith(PREFIX),
  create(id) {
    const dim = dimensionOf(id);
    if (dim === undefined) throw new UnknownNameError('task', id, LISTED.map((d) => `${PREFIX}${d}`));
    return sphereTask(dim);
  },
};

registerTaskCollection(sphereCollection);
