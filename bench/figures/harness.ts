import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { executeRun, openStore, RunPool, runExperiment, type ExperimentSpec, type SqliteStore } from '../../runner/index.js';
import { DATA_DIR } from '../../test/dataDir.js';
import { median, type BenchFigure } from '../figure.js';

const SPHERE = 'Pymoo/SO/unconstraint/sphere'; // 10-D

function withTempStore<T>(body: (store: SqliteStore, dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'hpoarena-bench-'));
  const store = openStore(join(dir, 'bench.db'));
  return body(store, dir).finally(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
}

function spec(experiment: string, nTrials: number, seeds: number[], task = SPHERE): ExperimentSpec {
  return { experiment, optimizers: [{ name: 'random', label: 'random', options: {} }], tasks: [task], seeds, nTrials };
}

// A real surrogate task (about 0.1 ms per evaluation): how the pool scales when evaluation, not bookkeeping, dominates.
const SURROGATE = 'yahpo/lcbench/3945/None';

async function timeOneRun(nTrials: number): Promise<number> {
  return withTempStore(async (store) => {
    const start = performance.now();
    await runExperiment(store, spec('overhead', nTrials, [1]), { workers: 0 });
    return (performance.now() - start) * 1000 / nTrials;
  });
}

/**
 * ms for 200 runs x 200 trials on `workers` threads. `started`: on a pool started (and warmed
 * by a throw-away run per worker) before the timed part; else the threads start inside it.
 */
async function timeRuns(workers: number, task = SPHERE, started = false): Promise<number> {
  const pool = started ? RunPool.start({ workers }) : undefined;
  try {
    return await withTempStore(async (store) => {
      if (pool) await runExperiment(store, spec('warm-up', 10, [1, 2], task), { pool, dataDir: DATA_DIR });
      const seeds = Array.from({ length: 200 }, (_, i) => i + 1);
      const start = performance.now();
      await runExperiment(store, spec('pool', 200, seeds, task), { workers, pool, dataDir: DATA_DIR });
      return performance.now() - start;
    });
  } finally {
    await pool?.close();
  }
}

/** ms for the same 200 x 200 random-search loops on `threads` plain worker threads started before timing, nothing stored. */
async function timeBareThreads(threads: number): Promise<number> {
  const workers = Array.from({ length: threads }, (_, k) => {
    const seeds = Array.from({ length: 200 / threads }, (_, i) => k * (200 / threads) + i + 1);
    return new Worker(new URL('../ceiling/loopWorker.js', import.meta.url), { workerData: { task: SPHERE, seeds, nTrials: 200 } });
  });
  const message = (w: Worker) => new Promise<void>((done, fail) => {
    w.once('message', () => done());
    w.once('error', fail);
  });
  try {
    await Promise.all(workers.map(message));
    const start = performance.now();
    const finished = workers.map(message);
    for (const w of workers) w.postMessage('go');
    await Promise.all(finished);
    return performance.now() - start;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** Speedup from medians of `reps` timings per worker count, the counts interleaved so drifting load hits both alike. */
async function speedup(time: (workers: number) => Promise<number>, reps: number): Promise<{ one: number; two: number }> {
  const ones: number[] = [];
  const twos: number[] = [];
  for (let r = 0; r < reps; r++) {
    ones.push(await time(1));
    twos.push(await time(2));
  }
  return { one: median(ones), two: median(twos) };
}

async function timeResume(): Promise<number> {
  return withTempStore(async (store) => {
    await runExperiment(store, spec('resume', 10_000, [1]), { workers: 0 });
    const run = store.listRuns('resume')[0];
    // What a kill -9 right before the run was marked done leaves behind: all trials, status 'running'.
    const db = new Database(store.path);
    db.prepare("UPDATE runs SET status = 'running', finished_at = NULL WHERE id = ?").run(run.id);
    db.close();
    store.resetInterruptedRuns('resume', false);
    const start = performance.now();
    const outcome = await executeRun(store, run.id);
    if (outcome.replayed !== 10_000) throw new Error(`expected 10000 replayed trials, got ${outcome.replayed}`);
    return (performance.now() - start) / 1000;
  });
}

export const harnessFigures: BenchFigure[] = [
  {
    name: 'harness.overhead_us_per_trial',
    unit: 'us',
    target: '<= 20',
    async run() {
      await timeOneRun(2000); // warm-up
      const times = [await timeOneRun(10_000), await timeOneRun(10_000), await timeOneRun(10_000)];
      return { value: median(times), note: 'random search, 10-D sphere, 10,000 trials, each persisted to SQLite (median of 3)' };
    },
  },
  {
    name: 'pool.speedup_2_workers',
    unit: 'x',
    target: '>= 1.8',
    async run() {
      await timeRuns(2); // warm-up (file cache, JIT of the main thread)
      const { one, two } = await speedup((w) => timeRuns(w), 5);
      return { value: one / two, note: `200 runs x 200 trials of random search on a 10-D sphere, worker start included: 1 worker ${one.toFixed(0)} ms, 2 workers ${two.toFixed(0)} ms (medians of 5)` };
    },
  },
  {
    name: 'pool.speedup_2_workers_started',
    unit: 'x',
    async run() {
      const { one, two } = await speedup((w) => timeRuns(w, SPHERE, true), 5);
      return { value: one / two, note: `the same on a pool started before timing (RunPool.start, as a caller running several experiments does): 1 worker ${one.toFixed(0)} ms, 2 workers ${two.toFixed(0)} ms (medians of 5)` };
    },
  },
  {
    name: 'pool.speedup_2_threads_ceiling',
    unit: 'x',
    async run() {
      const { one, two } = await speedup(timeBareThreads, 5);
      return { value: one / two, note: `the same loops on bare worker threads with nothing stored (no store, journal or pool): what 2 threads gain on this machine for this loop at best; 1 thread ${one.toFixed(0)} ms, 2 threads ${two.toFixed(0)} ms (medians of 5)` };
    },
  },
  {
    name: 'pool.speedup_2_workers_surrogate',
    unit: 'x',
    async run() {
      const one = median([await timeRuns(1, SURROGATE), await timeRuns(1, SURROGATE)]);
      const two = median([await timeRuns(2, SURROGATE), await timeRuns(2, SURROGATE)]);
      return { value: one / two, note: `200 runs x 200 trials of ${SURROGATE} (ONNX surrogate): 1 worker ${one.toFixed(0)} ms, 2 workers ${two.toFixed(0)} ms (medians of 2)` };
    },
  },
  {
    name: 'store.resume_replay_s',
    unit: 's',
    async run() {
      const times = [await timeResume(), await timeResume(), await timeResume()];
      return { value: median(times), note: 'resume of a 10,000-trial run killed at the end (median of 3)' };
    },
  },
];
