import { gunzipSync, gzipSync } from 'node:zlib';
import { StoreError, type Options } from '../core/index.js';
import type { TrialRecord } from '../runner/index.js';

/** A trial as shipped: a TrialRecord without its run id; its index is its position. */
export type ShippedTrial = Omit<TrialRecord, 'runId' | 'index'>;

/** One finished baseline run as shipped: enough to rebuild it in a store and to re-run it. */
export interface ShippedRun {
  readonly optimizer: string;
  readonly optimizerLabel: string;
  readonly optimizerOptions: Options;
  readonly task: string;
  readonly seed: number;
  readonly nTrials: number;
  readonly timeBudget: number | null;
  readonly budgetUsed: number;
  readonly trials: readonly ShippedTrial[];
}

/**
 * One optimizer's runs as gzipped JSON lines, a run a line. JSON keeps every double exactly
 * (shortest round-trip form) and configs in their key order, so a run reads back bit for bit;
 * gzip's header carries no time stamp here, so the same runs give the same bytes.
 */
export function encodeRuns(runs: readonly ShippedRun[]): Buffer {
  const text = runs.map((run) => `${JSON.stringify(run)}\n`).join('');
  return gzipSync(Buffer.from(text, 'utf8'), { level: 9 });
}

export function decodeRuns(bytes: Buffer, source: string): ShippedRun[] {
  let text: string;
  try {
    text = gunzipSync(bytes).toString('utf8');
  } catch (error) {
    throw new StoreError(`Baseline file '${source}' is not gzip data (${(error as Error).message}).`);
  }
  return text.split('\n').filter((line) => line !== '').map((line, i) => {
    try {
      return JSON.parse(line) as ShippedRun;
    } catch (error) {
      throw new StoreError(`Baseline file '${source}', run ${i + 1}: not valid JSON (${(error as Error).message}).`);
    }
  });
}

export function shippedTrial(trial: TrialRecord): ShippedTrial {
  const { runId: _runId, index: _index, ...rest } = trial;
  return rest;
}

export function trialRecords(run: ShippedRun, runId: number): TrialRecord[] {
  return run.trials.map((trial, index) => ({ runId, index, ...trial }));
}
