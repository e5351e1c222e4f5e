import type { TrialRecord } from '../runner/index.js';
import type { ShippedRun, ShippedTrial } from './runFile.js';

/** The fields a deterministic re-run must reproduce exactly (wall time and task info may vary). */
const COMPARED_FIELDS = ['config', 'fidelity', 'cost', 'status', 'virtualTime', 'budgetUsed'] as const;

export interface RunDifference {
  /** 0-based trial index of the first difference; the trial count when one run is a prefix of the other. */
  readonly trial: number;
  readonly field: (typeof COMPARED_FIELDS)[number] | 'trials' | 'run status';
  readonly shipped: string;
  readonly rerun: string;
}

/** The first difference between a shipped run and its re-run, or undefined when they are identical. */
export function firstDifference(shipped: ShippedRun, rerun: { readonly status: string; readonly error: string | null; readonly trials: readonly TrialRecord[] }): RunDifference | undefined {
  const n = Math.min(shipped.trials.length, rerun.trials.length);
  for (let i = 0; i < n; i++) {
    for (const field of COMPARED_FIELDS) {
      const a = canonical(shipped.trials[i][field as keyof ShippedTrial]);
      const b = canonical(rerun.trials[i][field]);
      if (a !== b) return { trial: i, field, shipped: a, rerun: b };
    }
  }
  if (rerun.status !== 'done') return { trial: n, field: 'run status', shipped: 'done', rerun: `${rerun.status}${rerun.error ? `: ${rerun.error.split('\n')[0]}` : ''}` };
  if (shipped.trials.length !== rerun.trials.length) return { trial: n, field: 'trials', shipped: `${shipped.trials.length} trials`, rerun: `${rerun.trials.length} trials` };
  return undefined;
}

/** Exact text of a value: keys sorted, numbers in JSON's shortest round-trip form (so 0.1 + 0.2 differs from 0.3). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  ) ?? 'undefined';
}
