import type { TrialRecord } from './types.js';

/**
 * One trial as one line of JSON: the journal's line format and an element of a stored trial
 * batch, so a journaled trial moves into SQLite without being serialized again.
 * Non-finite costs become null (what the store has always kept for them).
 */
export function serializeTrial(trial: TrialRecord): string {
  // JSON already writes a non-finite number as null; only a vector with one must become null as a whole (no copy otherwise).
  const { cost } = trial;
  if (cost === null || typeof cost === 'number' || cost.every(Number.isFinite)) return JSON.stringify(trial);
  return JSON.stringify({ ...trial, cost: null });
}

export function parseTrial(line: string): TrialRecord {
  return JSON.parse(line) as TrialRecord;
}

/** Consecutive trials of one run, serialized: what one row of `trial_batches` holds. */
export interface TrialBatch {
  readonly runId: number;
  readonly firstIndex: number;
  readonly lines: readonly string[];
}

/** Splits trials into batches of consecutive indices per run (input order kept within a run). */
export function batchesOf(trials: readonly TrialRecord[]): TrialBatch[] {
  const batches: Array<{ runId: number; firstIndex: number; lines: string[] }> = [];
  const open = new Map<number, { runId: number; firstIndex: number; lines: string[] }>();
  for (const trial of trials) {
    let batch = open.get(trial.runId);
    if (!batch || batch.firstIndex + batch.lines.length !== trial.index) {
      batch = { runId: trial.runId, firstIndex: trial.index, lines: [] };
      batches.push(batch);
      open.set(trial.runId, batch);
    }
    batch.lines.push(serializeTrial(trial));
  }
  return batches;
}
