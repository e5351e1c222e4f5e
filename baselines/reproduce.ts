import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deriveRng, SpecError } from '../core/index.js';
import { analyzeExperiment } from '../analysis/index.js';
import { listTasks } from '../benchmarks/index.js';
import { requireRunnable } from '../subsets/index.js';
import { loadPlugins, openStore, RunPool, type PoolOptions, type Store, type TrialRecord } from '../runner/index.js';
import { firstDifference, type RunDifference } from './compareRuns.js';
import { loadBaselines, type LoadOptions } from './loadBaselines.js';
import type { ShippedRun } from './runFile.js';
import { addFinishedRuns } from './storeRuns.js';

export interface ReproduceOptions extends LoadOptions, Omit<PoolOptions, 'pool'> {
  /** Re-run a random sample of this many runs (default: all). */
  readonly sample?: number;
  /** Seed of the sample (default 0). */
  readonly sampleSeed?: number;
}

export interface RunVerdict {
  readonly run: ShippedRun;
  /** Undefined when the re-run is identical, trial for trial. */
  readonly difference?: RunDifference;
}

export interface RankRow {
  readonly optimizer: string;
  readonly shipped: number;
  readonly rerun: number;
}

export interface ReproduceResult {
  readonly subset: string;
  /** Runs that ship for the selection, and how many were re-run. */
  readonly available: number;
  readonly verdicts: readonly RunVerdict[];
  readonly ranks: readonly RankRow[];
  readonly seconds: number;
}

/**
 * Re-runs shipped baseline runs in a temporary store through the normal pool, compares each
 * with its shipped record trial by trial, and ranks the shipped runs and the same runs with the
 * re-run ones in their place alike (identical tables when every run reproduces).
 */
export async function reproduceBaselines(subset: string, options: ReproduceOptions = {}): Promise<ReproduceResult> {
  const started = Date.now();
  const loaded = loadBaselines(subset, options);
  if (loaded.runs.length === 0) throw new SpecError(`No shipped baseline run of ${loaded.subset.spec} matches the given optimizers and seeds.`);
  const selected = sampleRuns(loaded.runs, options.sample, options.sampleSeed ?? 0);
  // Tasks without data here are one clear error up front, not a failed re-run each.
  await loadPlugins(options.plugins ?? []);
  requireRunnable(loaded.subset.spec, [...new Set(selected.map((r) => r.task))], listTasks({ dataDir: options.dataDir }));
  const dir = mkdtempSync(join(tmpdir(), 'hpoarena-reproduce-'));
  const store = await openStore(join(dir, 'reproduce.db'));
  try {
    const rerun = await rerunAll(store, selected, options);
    const verdicts = selected.map((run) => ({ run, difference: firstDifference(run, rerun.get(runKey(run))!) }));
    // Rank tables over every run of the selection: the re-run one has the re-run runs in place of their shipped records.
    const chosen = new Set(selected);
    await addFinishedRuns(store, 'shipped', loaded.runs.map((run) => ({ run })));
    await addFinishedRuns(store, 'rerun', loaded.runs.filter((run) => !chosen.has(run)).map((run) => ({ run })));
    const ranks = await rankTable(store);
    return { subset: loaded.subset.spec, available: loaded.runs.length, verdicts, ranks, seconds: (Date.now() - started) / 1000 };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** All runs, or a seeded random sample of n kept in shipped order. */
export function sampleRuns(runs: readonly ShippedRun[], n: number | undefined, seed: number): ShippedRun[] {
  if (n === undefined || n >= runs.length) return [...runs];
  if (!Number.isInteger(n) || n < 1) throw new SpecError(`--sample must be a positive integer, got ${n}.`);
  const order = deriveRng(seed, 'reproduce-sample').shuffle(runs.map((_, i) => i)).slice(0, n).sort((a, b) => a - b);
  return order.map((i) => runs[i]);
}

function runKey(run: { optimizerLabel: string; task: string; seed: number }): string {
  return `${run.optimizerLabel}\u0000${run.task}\u0000${run.seed}`;
}

async function rerunAll(store: Store, runs: readonly ShippedRun[], options: ReproduceOptions) {
  await store.ensureExperiment('rerun', { reproduce: true });
  await store.addRuns('rerun', runs.map((run) => ({
    optimizer: run.optimizer, optimizerLabel: run.optimizerLabel, optimizerOptions: run.optimizerOptions,
    task: run.task, seed: run.seed, nTrials: run.nTrials, timeBudget: run.timeBudget ?? undefined,
  })));
  const stored = await store.listRuns('rerun');
  const pool = RunPool.start(options);
  try {
    await pool.execute(store, stored.map((r) => r.id), options);
  } finally {
    await pool.close();
  }
  const rerun = new Map<string, { status: string; error: string | null; trials: TrialRecord[] }>();
  for (const r of await store.listRuns('rerun')) rerun.set(runKey(r), { status: r.status, error: r.error, trials: await store.trials(r.id) });
  return rerun;
}

/** Mean ranks of the shipped and the re-run runs, one row per optimizer (NaN where a side has no analysed run). */
async function rankTable(store: Store): Promise<RankRow[]> {
  const ranksOf = async (experiment: string) => {
    const analysis = await analyzeExperiment(store, experiment, { bootstrapResamples: 200 });
    return new Map((analysis.ranks.mean.objects() as Array<{ optimizer: string; rank: number }>).map((r) => [r.optimizer, r.rank]));
  };
  const [shipped, rerun] = [await ranksOf('shipped'), await ranksOf('rerun')];
  return [...new Set([...shipped.keys(), ...rerun.keys()])].sort().map((optimizer) => ({ optimizer, shipped: shipped.get(optimizer) ?? NaN, rerun: rerun.get(optimizer) ?? NaN }));
}
