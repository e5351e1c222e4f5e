import { readFileSync } from 'node:fs';
import { parse, YAMLParseError } from 'yaml';
import { SpecError } from '../core/index.js';
import { parseOptimizerEntry, parseSeeds, type OptimizerEntry } from './experimentSpec.js';

/** The fields an experiment YAML file may set; CLI flags override them. */
export interface SpecFile {
  readonly experiment?: string;
  readonly optimizers?: OptimizerEntry[];
  readonly tasks?: string[];
  readonly seeds?: number[];
  readonly nTrials?: number;
  readonly timeBudget?: number;
  readonly trialTimeout?: number;
  readonly workers?: number;
  readonly store?: string;
}

const KEYS = ['experiment', 'optimizers', 'tasks', 'seeds', 'n_trials', 'time_budget', 'trial_timeout', 'workers', 'store'];

export function readSpecFile(path: string): SpecFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SpecError(`Cannot read spec file '${path}': ${(error as Error).message}`);
  }
  return parseSpec(text, path);
}

export function parseSpec(text: string, source = 'spec'): SpecFile {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (error) {
    if (error instanceof YAMLParseError) throw new SpecError(`Malformed YAML in '${source}': ${error.message.split('\n')[0]}`);
    throw error;
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new SpecError(`Spec '${source}' must be a YAML mapping with keys: ${KEYS.join(', ')}.`);
  }
  const spec = doc as Record<string, unknown>;
  for (const key of Object.keys(spec)) {
    if (!KEYS.includes(key)) throw new SpecError(`Unknown key '${key}' in spec '${source}'. Valid keys: ${KEYS.join(', ')}.`);
  }
  const list = (key: string): unknown[] | undefined => {
    const value = spec[key];
    if (value === undefined) return undefined;
    return Array.isArray(value) ? value : [value];
  };
  const number = (key: string): number | undefined => {
    const value = spec[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !(value > 0)) throw new SpecError(`'${key}' in spec '${source}' must be a positive number, got ${JSON.stringify(value)}.`);
    return value;
  };
  const strings = (key: string): string[] | undefined =>
    list(key)?.map((v) => {
      if (typeof v !== 'string') throw new SpecError(`'${key}' in spec '${source}' must list strings, got ${JSON.stringify(v)}.`);
      return v;
    });
  const seeds = spec.seeds;
  return {
    experiment: spec.experiment === undefined ? undefined : String(spec.experiment),
    optimizers: list('optimizers')?.map(parseOptimizerEntry),
    tasks: strings('tasks'),
    seeds: seeds === undefined ? undefined : parseSeeds(seeds as string | number | (string | number)[]),
    nTrials: number('n_trials'),
    timeBudget: number('time_budget'),
    trialTimeout: number('trial_timeout'),
    workers: spec.workers === undefined ? undefined : Number(spec.workers),
    store: spec.store === undefined ? undefined : String(spec.store),
  };
}
