import { readFileSync } from 'node:fs';
import { dataPath, skipWithoutData } from '../dataDir.js';

/** CARP-S's task catalogue (one row per task and subset membership), the reference the collections' ids and budgets are checked against. */
const CATALOGUE = 'reference/carps-tasks.csv';

export interface CarpsRow {
  readonly taskId: string;
  /** CARP-S's collection name (e.g. 'BBOB', 'Pymoo') or the subset the row belongs to. */
  readonly collection: string;
  /** BB, MF, MO or MOMF. */
  readonly type: string;
  readonly nTrials: number;
}

/** Skip option for tests that read the catalogue. */
export const skipWithoutCatalogue = skipWithoutData(CATALOGUE);

/** The catalogue rows whose task id starts with `prefix` (the file has no quoted cells). */
export function carpsRows(prefix: string): CarpsRow[] {
  const [header, ...lines] = readFileSync(dataPath(CATALOGUE), 'utf8').trim().split(/\r?\n/).map((line) => line.split(','));
  const column = (name: string) => header.indexOf(name);
  return lines
    .map((cells) => ({ taskId: cells[column('task_id')], collection: cells[column('collection')], type: cells[column('task_type')], nTrials: Number(cells[column('n_trials')]) }))
    .filter((row) => row.taskId.startsWith(prefix));
}
