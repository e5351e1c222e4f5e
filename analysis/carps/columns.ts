import type { TrialStatus } from '../../core/index.js';

/** CARP-S StatusType (carps/utils/trials.py): RUNNING 0, SUCCESS 1, CRASHED 2, TIMEOUT 3, MEMORYOUT 4. */
export const CARPS_STATUS: Readonly<Record<TrialStatus, number>> = { ok: 1, crashed: 2, timeout: 3, memoryout: 4 };

export function statusFromCarps(value: unknown): TrialStatus | 'running' {
  const text = String(value).replace(/^StatusType\./, '').toUpperCase();
  switch (text) {
    case '1': case 'SUCCESS': return 'ok';
    case '2': case 'CRASHED': return 'crashed';
    case '3': case 'TIMEOUT': return 'timeout';
    case '4': case 'MEMORYOUT': return 'memoryout';
    case '0': case 'RUNNING': return 'running';
    default: return value === undefined || value === null ? 'ok' : 'crashed';
  }
}

/** CARP-S benchmark_id from a task id's first segment (Pymoo, BBOB, YAHPO, MFPBench, HPOBench). */
export function benchmarkId(taskId: string): string {
  const head = taskId.split('/')[0];
  const known: Record<string, string> = { pymoo: 'Pymoo', bbob: 'BBOB', yahpo: 'YAHPO', mfpbench: 'MFPBench', hpobench: 'HPOBench', hpob: 'HPOB' };
  return known[head.toLowerCase()] ?? head;
}

/** CARP-S's task_type names (gather_data.add_task_type), 'multi-fidelity-objective' included. */
export function carpsTaskType(multiFidelity: boolean, multiObjective: boolean): string {
  if (multiFidelity) return multiObjective ? 'multi-fidelity-objective' : 'multi-fidelity';
  return multiObjective ? 'multi-objective' : 'blackbox';
}

/**
 * Columns of hpoarena's logs.parquet, in order: those of CARP-S's gathered logs
 * (carps/analysis/gather_data.py: the trial_logs.jsonl fields flattened with '__', the hydra
 * config keys, experiment_id, trial_value__cost_raw / _inc, time, and normalize_logs'
 * n_trials_norm / trial_value__cost_norm / trial_value__cost_inc_norm), then hpoarena's own.
 */
export const PARQUET_COLUMNS = [
  'experiment_id', 'benchmark_id', 'task_id', 'task_type', 'subset_id', 'optimizer_id', 'seed', 'n_trials', 'n_function_calls',
  'n_trials_norm', 'task.optimization_resources.n_trials', 'trial_info__config', 'trial_info__instance', 'trial_info__seed',
  'trial_info__budget', 'trial_info__normalized_budget', 'trial_info__name', 'trial_info__checkpoint', 'trial_value__cost',
  'trial_value__cost_raw', 'trial_value__cost_inc', 'trial_value__cost_norm', 'trial_value__cost_inc_norm', 'trial_value__time',
  'trial_value__virtual_time', 'trial_value__status', 'trial_value__starttime', 'trial_value__endtime', 'time',
  'hpoarena_experiment', 'hpoarena_optimizer', 'hpoarena_config', 'hpoarena_status',
] as const;
