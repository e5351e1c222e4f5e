/** Reads a scenario folder (config_space.json, encoding.json) once per process and checks it against yahpo_gym's layout. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DataMissingError, HpoArenaError, SearchSpace, type Hyperparameter } from '../../core/index.js';
import { optimizedParams, type YahpoScenario } from './scenarios.js';

/** encoding.json: per categorical input, value -> integer code ('#na#' -> code of a missing value). */
export type CategoryEncoding = Readonly<Record<string, Readonly<Record<string, number>>>>;

export interface FidelityRange {
  readonly lower: number;
  readonly upper: number;
  readonly integer: boolean;
}

export interface ScenarioData {
  readonly dir: string;
  /** The search space an optimizer sees: config_space.json without the instance and fidelity parameters. */
  readonly space: SearchSpace;
  readonly encoding: CategoryEncoding;
  /** Instances config_space.json accepts. */
  readonly instances: readonly string[];
  readonly fidelities: Readonly<Record<string, FidelityRange>>;
}

const cache = new Map<string, ScenarioData>();

export function loadScenarioData(dir: string, scenario: YahpoScenario): ScenarioData {
  let data = cache.get(dir);
  if (!data) {
    data = readScenarioData(dir, scenario);
    cache.set(dir, data);
  }
  return data;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DataMissingError(`Cannot read ${file}: ${(error as Error).message}. Re-run 'hpoarena data fetch yahpo'.`);
  }
}

function mismatch(dir: string, what: string): HpoArenaError {
  return new DataMissingError(`${dir} does not hold the yahpo_data v1.0.2 files hpoarena expects: ${what}. Re-run 'hpoarena data fetch yahpo'.`);
}

function readScenarioData(dir: string, scenario: YahpoScenario): ScenarioData {
  const full = SearchSpace.fromConfigSpaceJson(readJson(path.join(dir, 'config_space.json')));
  const encoding = readJson(path.join(dir, 'encoding.json')) as CategoryEncoding;
  const expected = [...scenario.catNames, ...scenario.contNames].sort();
  const found = [...full.names].sort();
  if (expected.join('\u0000') !== found.join('\u0000')) {
    throw mismatch(dir, `config_space.json has parameters [${found.join(', ')}], yahpo_gym's ${scenario.name} has [${expected.join(', ')}]`);
  }
  for (const name of scenario.catNames) {
    if (typeof encoding?.[name]?.['#na#'] !== 'number') throw mismatch(dir, `encoding.json has no codes for '${name}'`);
  }
  const instances = instancesOf(full, scenario, dir);
  const fidelities: Record<string, FidelityRange> = {};
  for (const name of scenario.fidelityParams) {
    const hp = full.get(name);
    if (hp?.type !== 'int' && hp?.type !== 'float') throw mismatch(dir, `fidelity '${name}' is not numeric`);
    fidelities[name] = { lower: hp.lower, upper: hp.upper, integer: hp.type === 'int' };
  }
  return { dir, space: optimizerSpace(full, scenario), encoding, instances, fidelities };
}

/** The instance parameter's choices; a scenario without one (nb301) has the instances yahpo_gym's config names. */
function instancesOf(full: SearchSpace, scenario: YahpoScenario, dir: string): readonly string[] {
  if (scenario.instanceParam === undefined) return scenario.instances;
  const hp = full.get(scenario.instanceParam);
  if (hp?.type !== 'categorical') throw mismatch(dir, `'${scenario.instanceParam}' is not categorical`);
  return hp.choices.map(String);
}

function optimizerSpace(full: SearchSpace, scenario: YahpoScenario): SearchSpace {
  const keep = new Set(optimizedParams(scenario));
  const definition = full.toDefinition();
  return new SearchSpace({
    ...definition,
    hyperparameters: definition.hyperparameters.filter((hp: Hyperparameter) => keep.has(hp.name)),
    // No condition or forbidden clause of these scenarios involves the instance or a fidelity; a later data version
    // that did would fail the SearchSpace check here instead of silently changing the space.
    conditions: definition.conditions,
    forbiddens: definition.forbiddens,
  });
}
