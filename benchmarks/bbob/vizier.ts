/**
 * CARP-S's bbob_vizier tasks (carps/configs/task/BBOBVizier): the 24 BBOB functions at dimension 20,
 * instance 0, the setting of the Vizier paper, with n_trials 100. CARP-S builds them with the same
 * BBOBObjectiveFunction (IOH's BBOB) as its bbob/ tasks, so each is our bbob/20/{f}/0 under CARP-S's
 * own id and budget.
 */
import { UnknownNameError, type Task } from '../../core/index.js';
import type { TaskCollection, TaskDescriptor } from '../collection.js';
import { bbobProblem } from './functions.js';
import { bbobTask } from './task.js';
import { FUNCTION_IDS } from './taskId.js';

export const VIZIER_PREFIX = 'bbob_vizier/';
export const VIZIER_DIMENSION = 20;
export const VIZIER_INSTANCE = 0;
/** CARP-S's optimization_resources.n_trials for every bbob_vizier task (not ceil(20 + 40 sqrt(d)) = 199). */
export const VIZIER_N_TRIALS = 100;

const vizierId = (fid: number) => `${VIZIER_PREFIX}${VIZIER_DIMENSION}/${fid}/${VIZIER_INSTANCE}`;
const FID_BY_ID: ReadonlyMap<string, number> = new Map(FUNCTION_IDS.map((fid) => [vizierId(fid), fid]));

const descriptors: readonly TaskDescriptor[] = FUNCTION_IDS.map((fid) => ({
  id: vizierId(fid),
  collection: 'bbob_vizier',
  type: 'blackbox',
  dimension: VIZIER_DIMENSION,
  nObjectives: 1,
  nTrials: VIZIER_N_TRIALS,
  simulatedTime: 'cost-model',
  available: true,
}));

export const bbobVizierCollection: TaskCollection = {
  name: 'bbob_vizier',
  description: "CARP-S's bbob_vizier tasks: the 24 BBOB functions at d=20, instance 0 (the Vizier paper's setting), 100 trials",
  list: () => descriptors,
  owns: (id) => id.startsWith(VIZIER_PREFIX),
  create(id): Task {
    const fid = FID_BY_ID.get(id);
    if (fid === undefined) throw new UnknownNameError('bbob_vizier task', id, [...FID_BY_ID.keys()]);
    return bbobTask(bbobProblem(fid, VIZIER_DIMENSION, VIZIER_INSTANCE), id, { collection: 'bbob_vizier', nTrials: VIZIER_N_TRIALS });
  },
};
