import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SpecError, TASK_TYPES, type TaskType } from '../core/index.js';
import { parseTaskType } from '../subsets/index.js';

/** Where shipped baselines live: results/baselines/<type>/<set>/ in the project. */
export const SHIPPED_BASELINES_DIR = fileURLToPath(new URL('../../results/baselines/', import.meta.url));

/** A shipped subset named as `subset:<type>/<set>`. */
export interface SubsetName {
  readonly type: TaskType;
  readonly set: string;
  /** The reference as users write it, e.g. subset:blackbox/dev. */
  readonly spec: string;
}

/** Parses `subset:<type>/<set>`: baselines ship only for hpoarena's own subsets. */
export function parseSubsetName(spec: string): SubsetName {
  const match = /^subset:([^/]+)\/([\w.-]+)$/.exec(spec.trim());
  if (!match) {
    throw new SpecError(`Baselines are named by a shipped subset 'subset:<type>/<set>' (types: ${TASK_TYPES.join(', ')}), e.g. subset:blackbox/dev; got '${spec}'.`);
  }
  return { type: parseTaskType(match[1]), set: match[2], spec: `subset:${match[1]}/${match[2]}` };
}

export function baselineDir(root: string, subset: SubsetName): string {
  return join(root, subset.type, subset.set);
}
