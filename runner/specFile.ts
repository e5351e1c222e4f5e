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
  readonly parallelTrials?: number;
  readonly trialTimeout?: number;
  readonly workers?: number;
  readonly store?: string;
}

const KEYS = ['experiment', 'optimizers', 'tasks', 'seeds', 'n_trials', 'time_budget', 'parallel_trials', 'trial_timeout', 'workers', 'store'];

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
    if (error instanceof YAMLParseError) throw new SpecError(yamlErrorMessage(error, text, source));
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
    if (key === 'n_trials' && spec[key] !== undefined) return wholeNumber(spec[key], `'n_trials' in spec '${source}'`, 1);
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
    parallelTrials: spec.parallel_trials === undefined ? undefined : wholeNumber(spec.parallel_trials, `'parallel_trials' in spec '${source}'`, 1),
    trialTimeout: number('trial_timeout'),
    workers: spec.workers === undefined ? undefined : wholeNumber(spec.workers, `'workers' in spec '${source}'`, 0),
    store: spec.store === undefined ? undefined : String(spec.store),
  };
}

/** An integer >= min, or one message that shows the value given ('two', 10.5). */
export function wholeNumber(value: unknown, what: string, min: number): number {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isInteger(number) || number < min) {
    throw new SpecError(`${what} must be ${min === 0 ? 'a non-negative' : 'a positive'} integer, got ${JSON.stringify(value)}.`);
  }
  return number;
}

/** The parser's reason and position, then the offending line with a caret under the column (the line before when it is the end of the file). */
function yamlErrorMessage(error: YAMLParseError, text: string, source: string): string {
  const reason = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  const position = error.linePos?.[0];
  if (!position) return `Malformed YAML in '${source}': ${reason}.`;
  const lines = text.split('\n');
  let line = position.line;
  let column = position.col;
  while (line > 1 && (lines[line - 1] ?? '').trim() === '') {
    line--;
    column = (lines[line - 1] ?? '').length + 1;
  }
  const shown = lines[line - 1] ?? '';
  const gutter = `${line} | `;
  return `Malformed YAML in '${source}' at line ${position.line}, column ${position.col}: ${reason}.\n  ${gutter}${shown}\n  ${' '.repeat(gutter.length + column - 1)}^`;
}

/** A number > 0 (seconds), or one message that shows the value given. */
export function positiveNumber(value: unknown, what: string): number {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!(number > 0) || !Number.isFinite(number)) throw new SpecError(`${what} must be a positive number, got ${JSON.stringify(value)}.`);
  return number;
}
