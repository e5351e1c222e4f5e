import { SpecError, csvLine } from '../core/index.js';
import type { RunRecord, Store, TrialRecord } from './store/index.js';

export type ExportFormat = 'csv' | 'jsonl';

export const EXPORT_COLUMNS = ['experiment', 'optimizer', 'task', 'seed', 'trial', 'config', 'fidelity', 'cost', 'status', 'budget_used', 'virtual_time'] as const;
/** Added when some run of the experiment has parallel trials: seconds on the run's simulated clock and the worker slot (empty for sequential runs). */
export const PARALLEL_EXPORT_COLUMNS = ['sim_start', 'sim_end', 'slot'] as const;

/**
 * Streams every trial of an experiment as CSV or JSON lines. Wall time varies between
 * machines, so it is included only on request: without it, the export of a seeded
 * experiment is identical across machines, worker counts and resumes. CSV cells follow core's
 * csvCell (empty for missing, `inf` for infinite numbers, formula guard on text).
 * Trials are in stored order: tell order, which with parallel trials is the order of simulated
 * end times; experiments with parallel trials get sim_start, sim_end and slot columns.
 */
export async function* exportTrials(store: Store, experiment: string, format: ExportFormat, withTimings = false): AsyncGenerator<string> {
  if (format !== 'csv' && format !== 'jsonl') throw new SpecError(`Unknown export format '${format}'. Valid: csv, jsonl.`);
  const parallel = (await store.listRuns(experiment)).some((run) => run.parallelTrials > 1);
  const columns: string[] = [...EXPORT_COLUMNS, ...(parallel ? PARALLEL_EXPORT_COLUMNS : []), ...(withTimings ? ['wall_time'] : [])];
  if (format === 'csv') yield csvLine(columns);
  for await (const { run, trials } of store.runTrials(experiment)) {
    for (const trial of trials) yield exportLine(experiment, run, trial, format, columns, withTimings, parallel);
  }
}

function exportLine(experiment: string, run: RunRecord, trial: TrialRecord, format: ExportFormat, columns: readonly string[], withTimings: boolean, parallel: boolean): string {
  const row: Record<string, unknown> = {
    experiment, optimizer: run.optimizerLabel, task: run.task, seed: run.seed, trial: trial.index,
    config: trial.config, fidelity: trial.fidelity, cost: trial.cost, status: trial.status,
    budget_used: trial.budgetUsed, virtual_time: trial.virtualTime,
  };
  if (parallel) Object.assign(row, { sim_start: trial.simStart ?? null, sim_end: trial.simEnd ?? null, slot: trial.slot ?? null });
  if (withTimings) row.wall_time = trial.wallTime;
  return format === 'jsonl' ? `${JSON.stringify(row)}\n` : csvLine(columns.map((c) => row[c]));
}
