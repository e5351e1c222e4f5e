import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SpecError } from '../../core/index.js';
import type { Store, TrialRecord } from '../../runner/index.js';
import type { ImportedRun } from './importedRun.js';
import { readLogsParquet } from './readLogsParquet.js';
import { findTrialLogs, readTrialLog } from './readTrialLogs.js';

export interface ImportSummary {
  readonly experiment: string;
  /** Runs written now / already in the store (same optimizer label, task and seed) and left as they were. */
  readonly imported: number;
  readonly skipped: number;
  readonly trials: number;
  readonly optimizers: string[];
  readonly tasks: string[];
}

/**
 * Reads CARP-S results (a run directory tree of trial_logs.jsonl files, one such file, or a
 * logs.parquet) and stores them as done runs of `experiment`, through the store's public
 * methods only, so they rank next to new runs. Optimizer labels are CARP-S's optimizer_id;
 * the registry name is 'carps:<optimizer_id>' (imported runs are never re-run). Importing
 * the same results again changes nothing.
 */
export async function importCarps(store: Store, path: string, experiment: string): Promise<ImportSummary> {
  if (!/^[\w.-]+$/.test(experiment)) throw new SpecError(`Invalid experiment name '${experiment}': use letters, digits, '.', '-' and '_'.`);
  const runs = await readCarps(path);
  if (runs.length === 0) throw new SpecError(`No CARP-S runs in '${path}': expected trial_logs.jsonl files (CARP-S's file logger) or a logs.parquet.`);
  if (!(await store.getExperiment(experiment))) await store.ensureExperiment(experiment, { source: 'carps', path });
  const existing = new Set((await store.listRuns(experiment)).filter((r) => r.status === 'done').map((r) => key(r.optimizerLabel, r.task, r.seed)));
  const fresh = runs.filter((r) => !existing.has(key(r.optimizer, r.task, r.seed)));
  await store.addRuns(experiment, fresh.map((r) => ({ optimizer: `carps:${r.optimizer}`, optimizerLabel: r.optimizer, optimizerOptions: {}, task: r.task, seed: r.seed, nTrials: r.nTrials })));
  const ids = new Map((await store.listRuns(experiment)).map((r) => [key(r.optimizerLabel, r.task, r.seed), r]));
  let trials = 0;
  for (const run of fresh) {
    const stored = ids.get(key(run.optimizer, run.task, run.seed))!;
    if (stored.optimizer !== `carps:${run.optimizer}`) {
      throw new SpecError(`Experiment '${experiment}' already plans run ${run.optimizer} on ${run.task} seed ${run.seed} for optimizer '${stored.optimizer}'; import CARP-S results into another experiment (--experiment).`);
    }
    const records: TrialRecord[] = run.trials.map((t, index) => ({
      runId: stored.id, index, config: t.config, fidelity: t.fidelity, cost: t.cost, status: t.status, wallTime: t.wallTime,
      virtualTime: t.virtualTime, budgetUsed: t.budgetUsed, info: { source: 'carps' },
    }));
    await store.appendTrials(records);
    await store.finishRun(stored.id, 'done', records.at(-1)?.budgetUsed ?? 0);
    trials += records.length;
  }
  return {
    experiment, imported: fresh.length, skipped: runs.length - fresh.length, trials,
    optimizers: [...new Set(runs.map((r) => r.optimizer))].sort(), tasks: [...new Set(runs.map((r) => r.task))].sort(),
  };
}

/** Every CARP-S run under `path`, in a stable order; duplicates (same optimizer, task, seed) are an error. */
export async function readCarps(path: string): Promise<ImportedRun[]> {
  if (!existsSync(path)) throw new SpecError(`No such file or directory: '${path}'.`);
  let runs: ImportedRun[];
  if (statSync(path).isFile()) {
    runs = path.endsWith('.parquet') ? await readLogsParquet(path) : [readTrialLog(path, path)];
  } else {
    const logs = findTrialLogs(path);
    if (logs.length > 0) runs = logs.map((file) => readTrialLog(file, path));
    else {
      const parquet = readdirSync(path).filter((f) => f === 'logs.parquet' || f === 'trajectory.parquet').map((f) => join(path, f));
      runs = parquet.length ? await readLogsParquet(parquet[0]) : [];
    }
  }
  const seen = new Map<string, string>();
  for (const run of runs) {
    const k = key(run.optimizer, run.task, run.seed);
    if (seen.has(k)) throw new SpecError(`Two CARP-S runs of ${run.optimizer} on ${run.task} with seed ${run.seed}: ${seen.get(k)} and ${run.source}. Import them into different experiments.`);
    seen.set(k, run.source);
  }
  return runs;
}

function key(optimizer: string, task: string, seed: number): string {
  return `${optimizer}\u0000${task}\u0000${seed}`;
}
