import { readFileSync } from 'node:fs';
import { SearchSpace } from '../../core/index.js';
import { dataPath, skipWithoutData } from '../dataDir.js';

/** Real ConfigSpace files from the data directory: conditions, log scales, a 119-way categorical. */
const configSpaceFile = (scenario: string) => `yahpo/${scenario}/config_space.json`;

/** Skip option for tests that read these scenarios' config_space.json. */
export const skipWithoutSpaces = (...scenarios: string[]): string | false => skipWithoutData(...scenarios.map(configSpaceFile));

export function yahpoConfigSpaceJson(scenario: string): unknown {
  return JSON.parse(readFileSync(dataPath(configSpaceFile(scenario)), 'utf8'));
}

const spaces = new Map<string, SearchSpace>();

/** The scenario's space, parsed once per test file. */
export function yahpoSpace(scenario: string): SearchSpace {
  let space = spaces.get(scenario);
  if (!space) spaces.set(scenario, (space = SearchSpace.fromConfigSpaceJson(yahpoConfigSpaceJson(scenario))));
  return space;
}
