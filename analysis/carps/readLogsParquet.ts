import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { SpecError } from '../../core/index.js';
import { statusFromCarps } from './columns.js';
import { cleanCost, configFromValues, type ImportedRun, type ImportedTrial } from './importedRun.js';
import { parsePythonLiteral } from './pythonLiteral.js';
import { parseJsonLenient } from './readTrialLogs.js';

type Row = Record<string, unknown>;

/**
 * A CARP-S logs.parquet (gather_data.py's output, or hpoarena's exportParquet): one row per
 * trial, grouped into runs by experiment_id (else optimizer_id, task_id, seed), ordered by
 * n_function_calls (else n_trials). Costs come from trial_value__cost_raw when present (CARP-S
 * sums multi-objective costs into trial_value__cost), configs from hpoarena_config when present.
 */
export async function readLogsParquet(file: string): Promise<ImportedRun[]> {
  const rows = (await parquetReadObjects({ file: await asyncBufferFromFile(file) })) as Row[];
  if (rows.length === 0) return [];
  for (const column of ['optimizer_id', 'task_id', 'seed', 'n_trials']) {
    if (!(column in rows[0])) throw new SpecError(`${file}: no column '${column}'; is this a CARP-S logs.parquet?`);
  }
  const byRun = new Map<string, Row[]>();
  for (const row of rows) {
    const key = 'experiment_id' in row && row.experiment_id !== null
      ? `id:${String(row.experiment_id)}`
      : `${String(row.optimizer_id)}\u0000${String(row.task_id)}\u0000${String(row.seed)}`;
    let list = byRun.get(key);
    if (!list) byRun.set(key, (list = []));
    list.push(row);
  }
  const runs: ImportedRun[] = [];
  for (const [key, group] of byRun) {
    const order = 'n_function_calls' in group[0] ? 'n_function_calls' : 'n_trials';
    group.sort((a, b) => num(a[order]) - num(b[order]));
    const first = group[0];
    const trials: ImportedTrial[] = [];
    for (const row of group) {
      const status = row.hpoarena_status !== undefined && row.hpoarena_status !== null ? statusFromName(row.hpoarena_status) : statusFromCarps(row.trial_value__status);
      if (status === 'running') continue;
      const cost = cleanCost(readCost(row));
      trials.push({
        config: readConfig(row), fidelity: row.trial_info__budget === null || row.trial_info__budget === undefined ? null : num(row.trial_info__budget),
        cost, status: cost === null && status === 'ok' ? 'crashed' : status, wallTime: num(row.trial_value__time) || 0,
        virtualTime: num(row.trial_value__virtual_time) || 0, budgetUsed: num(row.n_trials),
      });
    }
    const budget = num(first['task.optimization_resources.n_trials']);
    const seed = num(first.seed);
    if (!Number.isInteger(seed)) throw new SpecError(`${file}: run ${key} has a non-integer seed '${String(first.seed)}'.`);
    runs.push({
      optimizer: String(first.optimizer_id), task: String(first.task_id), seed,
      nTrials: budget > 0 ? budget : Math.max(1, Math.ceil(Math.max(...trials.map((t) => t.budgetUsed), 1))),
      source: `${file} (${key.startsWith('id:') ? `experiment_id ${key.slice(3)}` : 'run'})`, trials,
    });
  }
  return runs;
}

function num(value: unknown): number {
  return typeof value === 'bigint' ? Number(value) : typeof value === 'number' ? value : value === null || value === undefined ? NaN : Number(value);
}

function statusFromName(value: unknown) {
  const name = String(value);
  return name === 'ok' || name === 'crashed' || name === 'timeout' || name === 'memoryout' ? name : statusFromCarps(value);
}

function readCost(row: Row): unknown {
  const raw = row.trial_value__cost_raw ?? row.trial_value__cost;
  if (typeof raw !== 'string') return typeof raw === 'bigint' ? Number(raw) : raw;
  const text = raw.trim();
  if (text.startsWith('{')) {
    // The database logger: {"cost": "[1.0, 2.0]"}.
    const inner = parseJsonLenient(text).cost;
    return typeof inner === 'string' ? parsePythonLiteral(inner) : inner;
  }
  return parsePythonLiteral(text);
}

function readConfig(row: Row) {
  if (typeof row.hpoarena_config === 'string') return JSON.parse(row.hpoarena_config);
  const raw = row.trial_info__config;
  if (typeof raw !== 'string') return configFromValues(raw, undefined);
  const text = raw.trim();
  try {
    return configFromValues(text.startsWith('{') && text.includes('"') ? JSON.parse(text) : parsePythonLiteral(text), undefined);
  } catch {
    return { config: text };
  }
}
