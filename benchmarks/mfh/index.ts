import { UnknownNameError } from '../../core/index.js';
import type { TaskCollection, TaskDescriptor } from '../collection.js';
import { MFH_PREFIX, mfhSpecs, mfhTask, type MfhSpec } from './tasks.js';

export { mfhSpecs, mfhTask, BIAS_NOISE, MFH_FIDELITY, MFH_PREFIX, type MfhSpec, type CorrelationLevel } from './tasks.js';
export { mfHartmann, fidelityCost, hartmann3, hartmann6, type HartmannFunction } from './hartmann.js';

const byId = new Map<string, MfhSpec>(mfhSpecs.map((s) => [MFH_PREFIX + s.name, s]));

export const mfhCollection: TaskCollection = {
  name: 'mfh',
  description: "mf-prior-bench's multi-fidelity Hartmann 3/6 functions as CARP-S uses them (mfpbench/SO/mfh/...)",
  list(): TaskDescriptor[] {
    return mfhSpecs.map((s) => ({
      id: MFH_PREFIX + s.name, collection: 'mfh', type: 'multi-fidelity', dimension: s.fn.dims,
      nObjectives: 1, nTrials: s.nTrials, simulatedTime: 'virtual', available: true,
    }));
  },
  owns: (id) => id.startsWith(MFH_PREFIX),
  create(id) {
    const spec = byId.get(id);
    if (!spec) throw new UnknownNameError('mfh task', id, [...byId.keys()]);
    return mfhTask(spec);
  },
};
