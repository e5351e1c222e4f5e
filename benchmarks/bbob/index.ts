import { defaultNTrials, type Task } from '../../core/index.js';
import type { TaskCollection, TaskDescriptor } from '../collection.js';
import { bbobProblem } from './functions.js';
import { bbobTask } from './task.js';
import { CARPS_DIMENSIONS, CARPS_INSTANCES, FUNCTION_IDS, ID_PREFIX, formatTaskId, parseTaskId } from './taskId.js';

export { BBOB_FUNCTIONS, bbobProblem } from './functions.js';
export type { BbobProblem } from './problem.js';
export { bbobTask, type BbobTaskOptions } from './task.js';
export { bbobVizierCollection, VIZIER_DIMENSION, VIZIER_INSTANCE, VIZIER_N_TRIALS } from './vizier.js';
export { FUNCTION_IDS, MAX_DIMENSION, MAX_INSTANCE, MIN_DIMENSION, formatTaskId, parseTaskId, type BbobTaskKey } from './taskId.js';

function carpsDescriptors(): TaskDescriptor[] {
  return CARPS_DIMENSIONS.flatMap((dimension) =>
    FUNCTION_IDS.flatMap((fid) =>
      CARPS_INSTANCES.map((instance) => ({
        id: formatTaskId({ dimension, fid, instance }),
        collection: 'bbob',
        type: 'blackbox' as const,
        dimension,
        nObjectives: 1,
        nTrials: defaultNTrials(dimension),
        simulatedTime: 'cost-model' as const,
        available: true,
      })),
    ),
  );
}

let listed: TaskDescriptor[] | undefined;

/**
 * The 24 noiseless BBOB functions of COCO. `list` gives CARP-S's 360 tasks; `create` also builds
 * any other bbob/{dimension}/{function}/{instance} (dimension 2..1000, instance 0..200000).
 */
export const bbobCollection: TaskCollection = {
  name: 'bbob',
  description: "COCO's 24 noiseless BBOB functions as CARP-S uses them (bbob/{dim}/{fid}/{instance}); other dimensions and instances on request",
  list(): readonly TaskDescriptor[] {
    listed ??= carpsDescriptors();
    return listed;
  },
  owns: (id) => id.startsWith(ID_PREFIX),
  create(id): Task {
    const key = parseTaskId(id);
    return bbobTask(bbobProblem(key.fid, key.dimension, key.instance), formatTaskId(key));
  },
};
