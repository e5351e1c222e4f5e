/** Where the yahpo_data files live and whether a scenario's files are there. */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TaskContext } from '../collection.js';

/** The yahpo_data release hpoarena's encoding and task list are checked against. */
export const YAHPO_DATA_VERSION = '1.0.2';

/** The files a scenario needs, under <data root>/yahpo/<scenario>/. */
export const SCENARIO_FILES = ['config_space.json', 'encoding.json', 'model.onnx'] as const;

/** The data root: the context's dataDir (the CLI's --data-dir), else $HPOARENA_DATA_DIR, else ~/.cache/hpoarena (XDG_CACHE_HOME honoured). */
export function dataRoot(context: TaskContext = {}): string {
  const explicit = context.dataDir ?? process.env.HPOARENA_DATA_DIR;
  if (explicit) return path.resolve(explicit);
  const cache = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cache, 'hpoarena');
}

export function scenarioDir(root: string, scenario: string): string {
  return path.join(root, 'yahpo', scenario);
}

/** Files of SCENARIO_FILES that are absent from a scenario folder. */
export function missingScenarioFiles(root: string, scenario: string): string[] {
  const dir = scenarioDir(root, scenario);
  return SCENARIO_FILES.filter((file) => !existsSync(path.join(dir, file)));
}

/** Why a scenario's tasks cannot be built, and the command that fixes it; undefined when its files are there. */
export function unavailableReason(root: string, scenario: string): string | undefined {
  const missing = missingScenarioFiles(root, scenario);
  if (missing.length === 0) return undefined;
  return `YAHPO data for '${scenario}' is missing (${missing.join(', ')} not in ${scenarioDir(root, scenario)}). ` +
    `Run 'hpoarena data fetch yahpo --data-dir ${root}' (or set HPOARENA_DATA_DIR / --data-dir to where yahpo_data v1.0.2 lies).`;
}
