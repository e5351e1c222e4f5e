/**
 * The one way tests and bench figures reach data the repository cannot ship: YAHPO surrogates
 * (`yahpo/<scenario>/...`) and reference tables (`reference/...`, e.g. CARP-S's task catalogue).
 * The directory is $HPOARENA_DATA_DIR, else `shared/` beside the repository (a development
 * checkout). On a clone without it, a test that needs a file is skipped with a message saying
 * which file and how to provide it; under CI=true it runs and fails with that message instead.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { SCENARIO_FILES, SCENARIO_NAMES } from '../benchmarks/yahpo/index.js';
import { REPO_ROOT } from './helpers.js';

export const DATA_DIR = resolve(process.env.HPOARENA_DATA_DIR || join(REPO_ROOT, '..', 'shared'));

/** How to get what lies under a top folder of the data directory. */
function howToProvide(relative: string): string {
  if (relative.startsWith('yahpo')) {
    return "YAHPO data: run 'hpoarena data fetch yahpo --data-dir DIR' and set HPOARENA_DATA_DIR=DIR";
  }
  return 'reference data: set HPOARENA_DATA_DIR to a data directory that holds it';
}

/**
 * Names the missing files folder by folder (`yahpo/lcbench/{config_space.json, model.onnx}`),
 * under $HPOARENA_DATA_DIR when it is set; the development fallback is not named to users.
 */
function missingMessage(missing: readonly string[]): string {
  const byFolder = new Map<string, string[]>();
  for (const relative of missing) {
    const folder = dirname(relative);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), basename(relative)]);
  }
  const named = [...byFolder].map(([folder, files]) => join(folder, files.length > 1 ? `{${files.join(', ')}}` : files[0]));
  const where = process.env.HPOARENA_DATA_DIR ? `in HPOARENA_DATA_DIR=${DATA_DIR}` : 'in a data directory (HPOARENA_DATA_DIR is not set)';
  const how = [...new Set(missing.map(howToProvide))].join('; ');
  return `needs ${named.join(', ')} ${where}; ${how}`;
}

function missingOf(relatives: readonly string[]): string[] {
  return relatives.filter((relative) => !existsSync(join(DATA_DIR, relative)));
}

/**
 * node:test's `skip` option for a test that reads these paths (relative to the data directory):
 * a message naming the missing ones and how to provide them, or false when all are there or
 * CI=true (the test then fails through `dataPath`).
 */
export function skipWithoutData(...relatives: string[]): string | false {
  const missing = missingOf(relatives);
  if (missing.length === 0 || process.env.CI === 'true') return false;
  return missingMessage(missing);
}

/** The absolute path of a file or folder under the data directory; throws the same message when it is missing. */
export function dataPath(relative: string): string {
  const missing = missingOf([relative]);
  if (missing.length > 0) throw new Error(`Test data missing: ${missingMessage(missing)}${process.env.CI === 'true' ? '; CI=true requires it' : ''}.`);
  return join(DATA_DIR, relative);
}

/** `skipWithoutData` for the files YAHPO tasks of these scenarios are built from (default: every scenario). */
export function skipWithoutYahpo(...scenarios: string[]): string | false {
  const names = scenarios.length > 0 ? scenarios : SCENARIO_NAMES;
  return skipWithoutData(...names.flatMap((scenario) => SCENARIO_FILES.map((file) => `yahpo/${scenario}/${file}`)));
}
