import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataMissingError, SpecError, TASK_TYPES, type TaskType } from '../core/index.js';
import { parseTaskType } from './embedding.js';
import type { SetMode } from './selectSets.js';
import type { StartRule } from './startSubset.js';

export const SUBSET_FORMAT = 'hpoarena-subset/1';

/** Where shipped subset files live: subsets/data/<type>/<set>.json in the project. */
export const SHIPPED_SUBSETS_DIR = fileURLToPath(new URL('../../subsets/data/', import.meta.url));

/** One computed subset (e.g. the blackbox dev set) as written to disk. */
export interface SubsetFile {
  readonly format: typeof SUBSET_FORMAT;
  readonly type: TaskType;
  readonly set: string;
  readonly k: number;
  readonly mode: SetMode;
  /** Exact L-infinity star discrepancy of the set's points. */
  readonly discrepancy: number;
  /** The set's tasks and their embedding points (coordinates follow `source.optimizers`). */
  readonly tasks: readonly { readonly id: string; readonly point: readonly number[] }[];
  readonly source: {
    readonly experiment: string;
    readonly optimizers: readonly string[];
    /** Tasks of the type that were embedded, and the exact discrepancy of all of them. */
    readonly fullSetSize: number;
    readonly fullSetDiscrepancy: number;
    readonly tries: number;
    readonly seed: number;
    readonly start: StartRule;
    readonly sets: readonly string[];
  };
}

export function subsetFilePath(dir: string, type: TaskType, set: string): string {
  return join(dir, type, `${set}.json`);
}

/** Writes one file per set under dir/<type>/; returns the paths. */
export function writeSubsetFiles(dir: string, files: readonly SubsetFile[]): string[] {
  return files.map((file) => {
    const path = subsetFilePath(dir, file.type, file.set);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);
    return path;
  });
}

export function readSubsetFile(path: string): SubsetFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new DataMissingError(`Subset file '${path}' does not exist.`);
    throw new SpecError(`Subset file '${path}' is not valid JSON: ${(error as Error).message}`);
  }
  const file = parsed as Partial<SubsetFile>;
  if (file.format !== SUBSET_FORMAT) throw new SpecError(`'${path}' is not a subset file: expected "format": "${SUBSET_FORMAT}", got ${JSON.stringify(file.format)}.`);
  if (!Array.isArray(file.tasks) || !file.tasks.every((t) => typeof t?.id === 'string')) {
    throw new SpecError(`Subset file '${path}' has no valid "tasks" list (objects with an "id").`);
  }
  return file as SubsetFile;
}

/**
 * Task ids of a subset: `subset:<type>/<set>` (e.g. subset:blackbox/dev) names a file under
 * `dir` (default: the shipped subsets/data/), anything else is a path to a subset file.
 */
export function resolveSubset(spec: string, options: { readonly dir?: string } = {}): string[] {
  const dir = options.dir ?? SHIPPED_SUBSETS_DIR;
  if (!spec.startsWith('subset:')) {
    if (!existsSync(spec)) throw new SpecError(`Subset '${spec}' is neither 'subset:<type>/<set>' (e.g. subset:blackbox/dev) nor an existing subset file.`);
    return readSubsetFile(spec).tasks.map((t) => t.id);
  }
  const name = spec.slice('subset:'.length);
  const slash = name.indexOf('/');
  if (slash <= 0 || slash === name.length - 1) {
    throw new SpecError(`Subset '${spec}' should read 'subset:<type>/<set>', e.g. subset:blackbox/dev. Types: ${TASK_TYPES.join(', ')}.`);
  }
  const type = parseTaskType(name.slice(0, slash));
  const set = name.slice(slash + 1);
  const path = subsetFilePath(dir, type, set);
  if (!existsSync(path)) {
    const known = listSubsets(dir);
    const listed = known.length ? `Available: ${known.map((s) => `subset:${s}`).join(', ')}.` : `No subset files are in '${dir}' yet.`;
    throw new SpecError(`Subset '${spec}' has no file '${path}'. ${listed} Compute one with \`hpoarena subsets compute\`.`);
  }
  return readSubsetFile(path).tasks.map((t) => t.id);
}

/** `<type>/<set>` of every subset file under dir. */
export function listSubsets(dir: string = SHIPPED_SUBSETS_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.json'))
    .map((file) => relative(dir, join(dir, file)).replace(/\\/g, '/').replace(/\.json$/, ''))
    .filter((name) => TASK_TYPES.includes(name.split('/')[0] as TaskType))
    .sort();
}
