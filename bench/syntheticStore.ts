import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Rng } from '../core/index.js';
import { openSqliteStore, type TrialRecord } from '../runner/index.js';

/** The shape of a synthetic store: optimizers x tasks x seeds runs of `trials` trials each. */
export interface SyntheticShape {
  readonly optimizers: number;
  readonly tasks: number;
  readonly seeds: number;
  readonly trials: number;
}

export const SYNTHETIC_EXPERIMENT = 'bench';

/** Bump when the generated data changes, so a cached store of the old shape is rebuilt. */
const VERSION = 1;

/** CARP-S-style BBOB task ids (dimension, function, instance), as many as asked for. */
function taskIds(count: number): string[] {
  const ids: string[] = [];
  for (let instance = 0; ids.length < count; instance++) {
    for (const dim of [2, 5, 10, 20]) for (let fid = 1; fid <= 24 && ids.length < count; fid++) ids.push(`bbob/${dim}/${fid}/${instance}`);
  }
  return ids;
}

/**
 * A store of the given shape, written straight through the store API (no optimizer runs):
 * per trial a 3-parameter config, a cost drifting down with noise (each optimizer its own
 * rate), 2% crashed trials, virtual time, and one failed run in 200. Built once into the
 * system's temp folder and reused by later bench runs (the file name carries the shape and
 * a version); written under a temporary name and renamed when complete.
 */
export function syntheticStore(shape: SyntheticShape): { path: string; runs: number; cached: boolean } {
  const dir = join(tmpdir(), 'hpoarena-bench-cache');
  const path = join(dir, `report-${shape.optimizers}x${shape.tasks}x${shape.seeds}x${shape.trials}-v${VERSION}.db`);
  const runs = shape.optimizers * shape.tasks * shape.seeds;
  if (existsSync(path)) return { path, runs, cached: true };
  mkdirSync(dir, { recursive: true });
  const building = `${path}.building-${process.pid}`;
  rmSync(building, { force: true });
  const store = openSqliteStore(building);
  try {
    const optimizers = Array.from({ length: shape.optimizers }, (_, i) => `optimizer-${String.fromCharCode(97 + i)}`);
    const tasks = taskIds(shape.tasks);
    const seeds = Array.from({ length: shape.seeds }, (_, i) => i + 1);
    store.ensureExperiment(SYNTHETIC_EXPERIMENT, { experiment: SYNTHETIC_EXPERIMENT, note: 'synthetic bench store', shape });
    store.addRuns(SYNTHETIC_EXPERIMENT, tasks.flatMap((task) => optimizers.flatMap((label) => seeds.map((seed) => ({
      optimizer: 'random', optimizerLabel: label, optimizerOptions: {}, task, seed, nTrials: shape.trials,
    })))));
    const rng = new Rng(`synthetic-store/${VERSION}`);
    let pending: TrialRecord[] = [];
    const finished: Array<{ id: number; failed: boolean }> = [];
    const flush = () => {
      store.appendTrials(pending);
      for (const run of finished) store.finishRun(run.id, run.failed ? 'failed' : 'done', run.failed ? shape.trials / 2 : shape.trials, run.failed ? 'synthetic failure' : null);
      pending = [];
      finished.length = 0;
    };
    for (const run of store.listRuns(SYNTHETIC_EXPERIMENT)) {
      const failed = run.id % 200 === 0;
      const rate = 0.5 + optimizers.indexOf(run.optimizerLabel) / optimizers.length;
      const scale = 1 + (tasks.indexOf(run.task) % 24) * 10;
      const n = failed ? shape.trials / 2 : shape.trials;
      for (let index = 0; index < n; index++) {
        const crashed = rng.random() < 0.02;
        const cost = scale * (0.1 + rng.random() / (1 + rate * index / 10));
        pending.push({
          runId: run.id, index, config: { x0: rng.random(), x1: rng.int(1, 64), kind: rng.random() < 0.5 ? 'a' : 'b' }, fidelity: null,
          cost: crashed ? null : cost, status: crashed ? 'crashed' : 'ok', wallTime: 0.0005, virtualTime: 1 + rng.random(), budgetUsed: index + 1, info: null,
        });
      }
      finished.push({ id: run.id, failed });
      if (pending.length >= 50_000) flush();
    }
    flush();
  } finally {
    store.close();
  }
  renameSync(building, path);
  for (const suffix of ['-wal', '-shm']) rmSync(`${building}${suffix}`, { force: true });
  return { path, runs, cached: false };
}
