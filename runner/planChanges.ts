import { SpecError } from '../core/index.js';
import type { NewRun, RunRecord } from './store/index.js';

/** A planned run whose stored twin (same optimizer label, task, seed) was planned with other settings. */
export interface ChangedRun {
  readonly stored: RunRecord;
  readonly planned: NewRun;
  /** "n_trials: stored 5, given 10", one entry per setting that differs. */
  readonly differences: string[];
}

/**
 * Runs are identified by (optimizer label, task, seed); re-running an experiment with another
 * n_trials, time budget, optimizer or option values (an external optimizer's env, say) would
 * otherwise resume the stored runs with their old settings and say nothing.
 */
export function changedRuns(stored: readonly RunRecord[], planned: readonly NewRun[]): ChangedRun[] {
  const byKey = new Map(stored.map((r) => [runKey(r), r]));
  const changed: ChangedRun[] = [];
  for (const run of planned) {
    const twin = byKey.get(runKey(run));
    if (!twin) continue;
    const differences = settingDifferences(twin, run);
    if (differences.length) changed.push({ stored: twin, planned: run, differences });
  }
  return changed;
}

export function changedSpecError(experiment: string, changed: readonly ChangedRun[]): SpecError {
  const distinct = [...new Set(changed.flatMap((c) => c.differences.map((d) => `${c.stored.optimizerLabel}: ${d}`)))];
  const shown = distinct.slice(0, 6).map((d) => `  ${d}`).join('\n');
  const more = distinct.length > 6 ? `\n  ... and ${distinct.length - 6} more` : '';
  return new SpecError(
    `Experiment '${experiment}' has ${changed.length} run(s) stored with other settings than given (stored vs given):\n${shown}${more}\n` +
      'Run it as stored, pick a new --experiment name, or pass --replan to plan the changed runs anew (their stored trials are discarded).',
  );
}

function runKey(run: { optimizerLabel: string; task: string; seed: number }): string {
  return `${run.optimizerLabel}\u0000${run.task}\u0000${run.seed}`;
}

function settingDifferences(stored: RunRecord, planned: NewRun): string[] {
  const differences: string[] = [];
  if (stored.optimizer !== planned.optimizer) differences.push(`optimizer: stored '${stored.optimizer}', given '${planned.optimizer}'`);
  if (stored.nTrials !== planned.nTrials) differences.push(`n_trials: stored ${stored.nTrials}, given ${planned.nTrials}`);
  if (stored.parallelTrials !== (planned.parallelTrials ?? 1)) differences.push(`parallel_trials: stored ${stored.parallelTrials}, given ${planned.parallelTrials ?? 1}`);
  if ((stored.timeBudget ?? null) !== (planned.timeBudget ?? null)) differences.push(`time_budget: stored ${stored.timeBudget ?? 'none'}, given ${planned.timeBudget ?? 'none'}`);
  const keys = new Set([...Object.keys(stored.optimizerOptions), ...Object.keys(planned.optimizerOptions)]);
  for (const key of [...keys].sort()) {
    const before = canonical(stored.optimizerOptions[key]);
    const after = canonical(planned.optimizerOptions[key]);
    if (before !== after) differences.push(`option ${key}: stored ${before ?? 'unset'}, given ${after ?? 'unset'}`);
  }
  return differences;
}

/** JSON with sorted keys: option mappings compare by content, not key order. */
function canonical(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return JSON.stringify(value, (_, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));
}
