import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { SpecError } from '../../core/index.js';
import { statusFromCarps } from './columns.js';
import { cleanCost, configFromValues, type ImportedRun, type ImportedTrial } from './importedRun.js';

/** Every trial_logs.jsonl under `root` (or `root` itself when it is one). */
export function findTrialLogs(root: string): string[] {
  if (statSync(root).isFile()) return [root];
  return (readdirSync(root, { recursive: true }) as string[])
    .filter((p) => basename(p) === 'trial_logs.jsonl')
    .map((p) => join(root, p))
    .sort();
}

interface RunIdentity {
  optimizer: string;
  task: string;
  seed: number;
  nTrials?: number;
  names?: string[];
}

/**
 * One CARP-S run folder: trial_logs.jsonl (one JSON object per trial: n_trials, trial_info,
 * trial_value) and, when present, .hydra/config.yaml for optimizer_id, task_id, seed, n_trials
 * and the hyperparameter names. Without it the folder must follow CARP-S's layout
 * {optimizer_id}/{benchmark_id}/{task_id}/{seed} below `root`. Trials with status RUNNING are skipped.
 */
export function readTrialLog(file: string, root: string): ImportedRun {
  const identity = readIdentity(file, root);
  const trials: ImportedTrial[] = [];
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let record: Record<string, any>;
    try {
      record = parseJsonLenient(line);
    } catch (error) {
      throw new SpecError(`${file}:${i + 1}: not a JSON line (${(error as Error).message}).`);
    }
    const info = record.trial_info ?? {};
    const value = record.trial_value ?? {};
    const status = statusFromCarps(value.status);
    if (status === 'running') return;
    const cost = cleanCost(value.cost);
    const budget = Number(record.n_trials);
    if (!Number.isFinite(budget)) throw new SpecError(`${file}:${i + 1}: n_trials is missing or not a number.`);
    trials.push({
      config: configFromValues(info.config, identity.names), fidelity: typeof info.budget === 'number' ? info.budget : null, cost,
      status: cost === null && status === 'ok' ? 'crashed' : status, wallTime: Number(value.time) || 0, virtualTime: Number(value.virtual_time) || 0,
      budgetUsed: budget,
    });
  });
  const nTrials = identity.nTrials ?? Math.max(1, Math.ceil(trials.at(-1)?.budgetUsed ?? 1));
  return { optimizer: identity.optimizer, task: identity.task, seed: identity.seed, nTrials, source: file, trials };
}

function readIdentity(file: string, root: string): RunIdentity {
  const config = join(dirname(file), '.hydra', 'config.yaml');
  if (existsSync(config)) {
    const cfg = parseYaml(readFileSync(config, 'utf8')) as Record<string, any>;
    const task = cfg.task_id ?? cfg.task?.name;
    const seed = Number(cfg.seed);
    if (typeof cfg.optimizer_id !== 'string' || typeof task !== 'string' || !Number.isInteger(seed)) {
      throw new SpecError(`${config}: needs optimizer_id, task_id and an integer seed (CARP-S hydra config).`);
    }
    const nTrials = Number(cfg.task?.optimization_resources?.n_trials);
    const hyperparameters = cfg.task?.input_space?.configuration_space?.d?.hyperparameters;
    const names = Array.isArray(hyperparameters) ? hyperparameters.map((h: { name?: unknown }) => String(h.name)) : undefined;
    return { optimizer: cfg.optimizer_id, task, seed, ...(nTrials > 0 ? { nTrials } : {}), ...(names ? { names } : {}) };
  }
  const parts = relative(statSync(root).isFile() ? dirname(root) : root, dirname(file)).split(sep).filter(Boolean);
  const seed = Number(parts.at(-1));
  if (parts.length < 4 || !Number.isInteger(seed)) {
    throw new SpecError(`${file}: no .hydra/config.yaml next to it, and its folder is not {optimizer_id}/{benchmark_id}/{task_id}/{seed} below '${root}'. Point import-carps at CARP-S's run directory (e.g. runs/).`);
  }
  return { optimizer: parts[0], task: parts.slice(2, -1).join('/'), seed };
}

/** JSON as Python's json.dumps writes it: NaN, Infinity and -Infinity outside strings become null. */
export function parseJsonLenient(text: string): any {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
      continue;
    }
    const rest = text.slice(i, i + 9);
    const word = /^(-?Infinity|NaN)/.exec(rest);
    if (word) {
      out += 'null';
      i += word[0].length - 1;
      continue;
    }
    out += c;
  }
  return JSON.parse(out);
}
