/**
 * Where the YAHPO tests find their data: $HPOARENA_DATA_DIR, else shared/ beside the repository. Scenarios
 * with a surrogate are under yahpo/; the metadata of the others (config_space.json, encoding.json,
 * param_set.R, no model) under yahpo-configs/. The only place these tests read that layout.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TaskType } from '../../core/index.js';

export const DATA_DIR = path.resolve(process.env.HPOARENA_DATA_DIR ?? path.join(process.cwd(), '../shared'));

/** A `skip` value for node:test: the reason when the data is absent on a developer machine; false (run, and fail) under CI=true. */
export function skipWithout(relative: string): string | false {
  if (existsSync(path.join(DATA_DIR, relative)) || process.env.CI === 'true') return false;
  return `skipped: ${relative} is missing from the data directory (set HPOARENA_DATA_DIR; CI provides it)`;
}

/** The folder holding a scenario's config_space.json and encoding.json: its data folder if there, else its metadata folder. */
export function metadataDir(scenario: string): string {
  const withModel = path.join(DATA_DIR, 'yahpo', scenario);
  return existsSync(path.join(withModel, 'config_space.json')) ? withModel : path.join(DATA_DIR, 'yahpo-configs', scenario);
}

export const readMetadata = (scenario: string, file: string): string => readFileSync(path.join(metadataDir(scenario), file), 'utf8');

const CARPS_TYPES: Readonly<Record<string, TaskType>> = {
  BB: 'blackbox', MF: 'multi-fidelity', MO: 'multi-objective', MOMF: 'multi-fidelity-multi-objective',
};

export interface CarpsRow { readonly id: string; readonly collection: string; readonly type: TaskType; readonly nTrials: number }

/** The rows of CARP-S's task list (reference/carps-tasks.csv) whose id passes `keep`; an id in a subset appears twice. */
export function carpsRows(keep: (id: string) => boolean): CarpsRow[] {
  const [header, ...lines] = readFileSync(path.join(DATA_DIR, 'reference/carps-tasks.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
  const col = (name: string) => header.indexOf(name);
  return lines
    .filter((cells) => keep(cells[col('task_id')]))
    .map((cells) => ({ id: cells[col('task_id')], collection: cells[col('collection')], type: CARPS_TYPES[cells[col('task_type')]], nTrials: Number(cells[col('n_trials')]) }));
}
