/**
 * What the YAHPO and CARP-S catalogue tests read from the data directory (test/dataDir.ts): scenarios
 * with a surrogate are under yahpo/; the metadata of the others (config_space.json, encoding.json,
 * param_set.R, no model) under yahpo-configs/.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TaskType } from '../../core/index.js';
import { DATA_DIR, dataPath, skipWithoutData } from '../dataDir.js';

export { DATA_DIR };

/** A `skip` value for node:test: the reason when the data is absent on a developer machine; false (run, and fail) under CI=true. */
export const skipWithout = (relative: string): string | false => skipWithoutData(relative);

/** The folder holding a scenario's config_space.json and encoding.json: its data folder if there, else its metadata folder. */
export function metadataDir(scenario: string): string {
  const withModel = path.join(DATA_DIR, 'yahpo', scenario);
  return existsSync(path.join(withModel, 'config_space.json')) ? withModel : dataPath(path.join('yahpo-configs', scenario));
}

export const readMetadata = (scenario: string, file: string): string => readFileSync(path.join(metadataDir(scenario), file), 'utf8');

const CARPS_TYPES: Readonly<Record<string, TaskType>> = {
  BB: 'blackbox', MF: 'multi-fidelity', MO: 'multi-objective', MOMF: 'multi-fidelity-multi-objective',
};

export interface CarpsRow { readonly id: string; readonly collection: string; readonly type: TaskType; readonly nTrials: number }

/** The rows of CARP-S's task list (reference/carps-tasks.csv) whose id passes `keep`; an id in a subset appears twice. */
export function carpsRows(keep: (id: string) => boolean): CarpsRow[] {
  const [header, ...lines] = readFileSync(dataPath('reference/carps-tasks.csv'), 'utf8').trim().split(/\r?\n/).map((l) => l.split(','));
  const col = (name: string) => header.indexOf(name);
  return lines
    .filter((cells) => keep(cells[col('task_id')]))
    .map((cells) => ({ id: cells[col('task_id')], collection: cells[col('collection')], type: CARPS_TYPES[cells[col('task_type')]], nTrials: Number(cells[col('n_trials')]) }));
}
