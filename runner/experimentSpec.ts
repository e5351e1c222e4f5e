import { SpecError, type Options } from '../core/index.js';

/** One optimizer of an experiment; `label` distinguishes the same family with other options. */
export interface OptimizerEntry {
  readonly name: string;
  readonly label: string;
  readonly options: Options;
  /** Trials in flight at once for this optimizer's runs; overrides the experiment's. */
  readonly parallelTrials?: number;
}

/** What `hpoarena run` executes: optimizers x tasks x seeds. */
export interface ExperimentSpec {
  readonly experiment: string;
  readonly optimizers: readonly OptimizerEntry[];
  /** Task ids or glob patterns (`*` matches any characters, '/' included). */
  readonly tasks: readonly string[];
  readonly seeds: readonly number[];
  /** Overrides every task's n_trials. */
  readonly nTrials?: number;
  /** Time budget per run in seconds (wall + virtual; simulated time when parallelTrials > 1). */
  readonly timeBudget?: number;
  /** Trials in flight at once per run on a simulated clock (default 1); an optimizer entry may override it. */
  readonly parallelTrials?: number;
  /** Per-trial timeout in seconds. */
  readonly trialTimeout?: number;
}

/** Parses '1-10', '1,3,5', '1-3,7' into a sorted list of distinct integer seeds. */
export function parseSeeds(text: string | number | readonly (string | number)[]): number[] {
  const parts = Array.isArray(text) ? text.map(String) : String(text).split(',');
  const seeds = new Set<number>();
  for (const raw of parts) {
    const part = raw.trim();
    const range = /^(-?\d+)\s*-\s*(-?\d+)$/.exec(part);
    if (range) {
      const [from, to] = [Number(range[1]), Number(range[2])];
      if (to < from) throw new SpecError(`Seed range '${part}' is empty: write it as LOW-HIGH, e.g. 1-10.`);
      if (to - from > 100000) throw new SpecError(`Seed range '${part}' is too large (at most 100000 seeds).`);
      for (let s = from; s <= to; s++) seeds.add(s);
    } else if (/^-?\d+$/.test(part)) {
      seeds.add(Number(part));
    } else {
      throw new SpecError(`Invalid seed '${part}': use integers, ranges and commas, e.g. '1-10' or '1,3,5'.`);
    }
  }
  if (seeds.size === 0) throw new SpecError('No seeds given: use e.g. --seeds 1-10.');
  return [...seeds].sort((a, b) => a - b);
}

/**
 * Parses optimizer entries: 'random', 'tpe:multivariate=true,n_startup_trials=5'
 * (CLI form), or YAML objects { name, label?, options? }.
 */
export function parseOptimizerEntry(entry: unknown): OptimizerEntry {
  if (typeof entry === 'string') {
    // Options start at the first ':' followed by 'key=', so names like 'external:optuna-tpe' stay whole.
    const text = entry.trim();
    const at = text.search(/:(?=[\w.-]+=)/);
    const [name, optionText] = at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
    if (!name) throw new SpecError(`Empty optimizer name in '${entry}'.`);
    const options: Record<string, string | number | boolean> = {};
    if (optionText) {
      for (const pair of optionText.split(',')) {
        const [key, value] = splitOnce(pair, '=');
        if (!key || value === undefined) throw new SpecError(`Invalid optimizer option '${pair}' in '${entry}': use NAME:key=value,key=value.`);
        options[key.trim()] = parseScalar(value.trim());
      }
    }
    return { name, label: optionText ? entry.trim() : name, options };
  }
  if (entry && typeof entry === 'object' && !Array.isArray(entry)) {
    const record = entry as Record<string, unknown>;
    const unknownKeys = Object.keys(record).filter((k) => !['name', 'label', 'options', 'parallel_trials'].includes(k));
    if (unknownKeys.length) throw new SpecError(`Unknown key '${unknownKeys[0]}' in optimizer entry; valid keys: name, label, options, parallel_trials.`);
    if (typeof record.name !== 'string' || !record.name) throw new SpecError(`Optimizer entry ${JSON.stringify(entry)} needs a 'name'.`);
    const options = record.options ?? {};
    if (typeof options !== 'object' || Array.isArray(options)) throw new SpecError(`'options' of optimizer '${record.name}' must be a mapping.`);
    const label = typeof record.label === 'string' ? record.label : Object.keys(options).length ? `${record.name}:${JSON.stringify(options)}` : record.name;
    const parallel = record.parallel_trials;
    if (parallel !== undefined && !(Number.isInteger(parallel) && (parallel as number) >= 1)) {
      throw new SpecError(`'parallel_trials' of optimizer '${record.name}' must be a positive integer, got ${JSON.stringify(parallel)}.`);
    }
    return { name: record.name, label, options: options as Options, ...(parallel !== undefined ? { parallelTrials: parallel as number } : {}) };
  }
  throw new SpecError(`Invalid optimizer entry ${JSON.stringify(entry)}: give a name or { name, options }.`);
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

function parseScalar(text: string): string | number | boolean {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text !== '' && Number.isFinite(Number(text))) return Number(text);
  return text;
}

export function checkLabelsUnique(entries: readonly OptimizerEntry[]): void {
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.label)) throw new SpecError(`Optimizer label '${e.label}' appears twice; give each entry a distinct label.`);
    seen.add(e.label);
  }
}
