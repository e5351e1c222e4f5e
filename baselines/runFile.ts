import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import { StoreError, type Options } from '../core/index.js';
import type { TrialRecord } from '../runner/index.js';

/**
 * A trial as shipped: a TrialRecord without its run id (its index is its position), its wall
 * time and the task's info. Both are left out on purpose: the wall time is this machine's
 * (random digits that no re-run reproduces, a tenth of a file) and the info is what the task
 * reports besides the cost (YAHPO's other metrics: 60% of a multi-fidelity file), which a re-run
 * recomputes exactly. Neither is compared by `reproduce` nor read by the report. Files written
 * before (format /1) carry them and still read.
 */
export type ShippedTrial = Omit<TrialRecord, 'runId' | 'index' | 'wallTime' | 'info'> & Partial<Pick<TrialRecord, 'wallTime' | 'info'>>;

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

/** File name suffix of one optimizer's runs. */
export const RUN_FILE_SUFFIX = '.jsonl.br';

/**
 * One optimizer's runs as Brotli-compressed JSON lines, a run a line. JSON keeps every double
 * exactly (shortest round-trip form) and configs in their key order, so a run reads back bit
 * for bit. Brotli at its highest quality with a 16 MiB window is 30-55% smaller than gzip -9
 * on these files (it finds the repeats across runs) and needs nothing outside node:zlib.
 */
export function encodeRuns(runs: readonly ShippedRun[]): Buffer {
  const text = Buffer.from(runs.map((run) => `${JSON.stringify(run)}\n`).join(''), 'utf8');
  return brotliCompressSync(text, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24, [constants.BROTLI_PARAM_SIZE_HINT]: text.length },
  });
}

export function decodeRuns(bytes: Buffer, source: string): ShippedRun[] {
  let text: string;
  try {
    text = brotliDecompressSync(bytes).toString('utf8');
  } catch (error) {
    throw new StoreError(`Baseline file '${source}' is not Brotli-compressed data (${(error as Error).message}).`);
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
  const { runId: _runId, index: _index, wallTime: _wallTime, info: _info, ...rest } = trial;
  return rest;
}

/** A shipped run's trials as records: a wall time of 0 and no info where the file has none, fields in the store's order. */
export function trialRecords(run: ShippedRun, runId: number): TrialRecord[] {
  return run.trials.map(({ config, fidelity, cost, status, wallTime, virtualTime, budgetUsed, info, ...rest }, index) => ({
    runId, index, config, fidelity, cost, status, wallTime: wallTime ?? 0, virtualTime, budgetUsed, info: info ?? null, ...rest,
  }));
}
