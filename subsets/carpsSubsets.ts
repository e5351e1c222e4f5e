import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataMissingError, SpecError, TASK_TYPES, type TaskType } from '../core/index.js';
import { parseTaskType } from './embedding.js';
import { SHIPPED_SUBSETS_DIR } from './subsetFile.js';

export const CARPS_SUBSETS_FORMAT = 'hpoarena-carps-subsets/1';

/** CARP-S's published dev/test subsets as task ids, keyed `<type>/<set>` (e.g. 'blackbox/dev'). */
export interface CarpsSubsetsFile {
  readonly format: typeof CARPS_SUBSETS_FORMAT;
  readonly source: string;
  readonly sets: Readonly<Record<string, readonly string[]>>;
}

export const CARPS_SUBSETS_PATH = join(SHIPPED_SUBSETS_DIR, 'carps', 'subsets.json');

/** CARP-S names the MOMF subsets 'multi-fidelity-objective'. */
const CARPS_TYPE_NAMES: Readonly<Record<string, TaskType>> = { 'multi-fidelity-objective': 'multi-fidelity-multi-objective' };

/**
 * The subsets listed in a CARP-S task catalogue CSV (columns task_id, subset, subset_task_type;
 * no quoted cells): every row with a subset is one member. Ids keep the catalogue's order.
 */
export function carpsSubsetsFromCsv(text: string, source: string): CarpsSubsetsFile {
  const [header, ...rows] = text.trim().split(/\r?\n/).map((line) => line.split(','));
  const column = (name: string): number => {
    const at = header.indexOf(name);
    if (at < 0) throw new SpecError(`CARP-S task catalogue '${source}' has no '${name}' column (columns: ${header.join(', ')}).`);
    return at;
  };
  const [idAt, setAt, typeAt] = [column('task_id'), column('subset'), column('subset_task_type')];
  const sets: Record<string, string[]> = {};
  for (const cells of rows) {
    const set = cells[setAt]?.trim();
    if (!set) continue;
    const carpsType = cells[typeAt].trim();
    const key = `${CARPS_TYPE_NAMES[carpsType] ?? parseTaskType(carpsType)}/${set}`;
    (sets[key] ??= []).push(cells[idAt].trim());
  }
  const sorted = Object.fromEntries(Object.keys(sets).sort().map((key) => [key, sets[key]]));
  return { format: CARPS_SUBSETS_FORMAT, source, sets: sorted };
}

export function readCarpsSubsets(path: string = CARPS_SUBSETS_PATH): CarpsSubsetsFile {
  if (!existsSync(path)) throw new DataMissingError(`The CARP-S subset list '${path}' is missing; it ships with hpoarena (reinstall, or restore it with git).`);
  const file = JSON.parse(readFileSync(path, 'utf8')) as CarpsSubsetsFile;
  if (file.format !== CARPS_SUBSETS_FORMAT) throw new SpecError(`'${path}' is not a CARP-S subset list: expected "format": "${CARPS_SUBSETS_FORMAT}".`);
  return file;
}

/** Task ids of `carps:<type>/<set>`, e.g. carps:blackbox/dev; some may not be runnable here. */
export function resolveCarpsSubset(spec: string, path: string = CARPS_SUBSETS_PATH): string[] {
  const name = spec.slice('carps:'.length);
  const { sets } = readCarpsSubsets(path);
  const ids = sets[name];
  if (!ids) {
    const [type] = name.split('/');
    if (!name.includes('/') || !TASK_TYPES.includes(type as TaskType)) {
      throw new SpecError(`CARP-S subset '${spec}' should read 'carps:<type>/<set>' with a type of ${TASK_TYPES.join(', ')}, e.g. carps:blackbox/dev.`);
    }
    throw new SpecError(`CARP-S has no subset '${spec}'. Available: ${Object.keys(sets).map((s) => `carps:${s}`).join(', ')}.`);
  }
  return [...ids];
}

/** `<type>/<set>` of every CARP-S subset. */
export function listCarpsSubsets(path: string = CARPS_SUBSETS_PATH): string[] {
  return Object.keys(readCarpsSubsets(path).sets);
}
