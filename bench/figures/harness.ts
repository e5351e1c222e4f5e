import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { viewOf } from '../../core/index.js';
import { createTask } from '../../benchmarks/index.js';
import { createOptimizer } from '../../optimizers/registry.js';
import { executeRun, openSqliteStore, RunPool, runExperiment, type ExperimentSpec, type SqliteStore } from '../../runner/index.js';
import { DATA_DIR } from '../../test/dataDir.js';
import { runLoop } from '../../runner/runLoop.js';
import { optunaAnchor } from '../anchors/optuna.js';
import { median, type BenchFigure } from '../figure.js';

const SPHERE = 'Pymoo/SO/unconstraint/sphere'; // 10-D

function withTempStore<T>(body: (store: SqliteStore, dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'hpoarena-bench-'));
  const store = openSqliteStore(join(dir, 'bench.db'));
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

const LOOP_TRIALS = 10_000;

/** The same random-search loop through the runner's loop in this thread, nothing stored: us per trial. */
async function timeBareLoop(nTrials: number): Promise<number> {
  const task = await createTask(SPHERE);
  const optimizer = createOptimizer('random', viewOf(task), 1);
  const start = performance.now();
  await runLoop({ runId: 1, task, optimizer, seed: 1, nTrials, recorded: [], persist: () => {}, discardFrom: () => {} });
  return (performance.now() - start) * 1000 / nTrials;
}

let durable: Promise<number> | undefined;
/** Our durable per-trial overhead (warm-up, then median of 3 runs of 10,000 trials), shared by the figures that quote it. */
function durableOverhead(): Promise<number> {
  durable ??= (async () => {
    await timeOneRun(2000); // warm-up
    return median([await timeOneRun(LOOP_TRIALS), await timeOneRun(LOOP_TRIALS), await timeOneRun(LOOP_TRIALS)]);
  })();
  return durable;
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

interface PoolAndCeiling {
  readonly pool: { one: number; two: number };
  readonly bare: { one: number; two: number };
}

let poolAndCeiling: Promise<PoolAndCeiling> | undefined;
/**
 * The started pool and the bare threads, 1 and 2 of each, all four interleaved in every
 * repetition so that load drifting on a shared machine hits pool and ceiling alike.
 */
function measurePoolAndCeiling(reps = 5): Promise<PoolAndCeiling> {
  poolAndCeiling ??= (async () => {
    const times: number[][] = [[], [], [], []];
    for (let r = 0; r < reps; r++) {
      times[0].push(await timeRuns(1, SPHERE, true));
      times[1].push(await timeRuns(2, SPHERE, true));
      times[2].push(await timeBareThreads(1));
      times[3].push(await timeBareThreads(2));
    }
    const [p1, p2, b1, b2] = times.map(median);
    return { pool: { one: p1, two: p2 }, bare: { one: b1, two: b2 } };
  })();
  return poolAndCeiling;
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
    async run() {
      return { value: await durableOverhead(), note: 'random search, 10-D sphere, 10,000 trials, each persisted to SQLite (median of 3); absolute: the ratios below carry the targets' };
    },
  },
  {
    name: 'harness.vs_optuna_random',
    unit: 'x',
    target: '>= 20',
    async run() {
      const ours = await durableOverhead();
      const optuna = await optunaAnchor<{ us_per_trial: number }>('random-loop', [LOOP_TRIALS]);
      return {
        value: optuna.us_per_trial / ours,
        note: `Optuna ${optuna.optuna} RandomSampler in-memory ask/suggest/tell loop ${optuna.us_per_trial.toFixed(1)} us per trial over our durable loop ${ours.toFixed(1)} us (10-D sphere, ${LOOP_TRIALS} trials each, same run)`,
      };
    },
  },
  {
    name: 'harness.vs_bare_loop',
    unit: 'x',
    target: '<= 5',
    async run() {
      const ours = await durableOverhead();
      await timeBareLoop(2000); // warm-up
      const bare = median([await timeBareLoop(LOOP_TRIALS), await timeBareLoop(LOOP_TRIALS), await timeBareLoop(LOOP_TRIALS)]);
      return {
        value: ours / bare,
        note: `our durable loop ${ours.toFixed(1)} us per trial over the bare in-process ask/evaluate/tell loop with nothing stored ${bare.toFixed(1)} us (the limit; 10-D sphere, ${LOOP_TRIALS} trials, medians of 3)`,
      };
    },
  },
  {
    name: 'pool.speedup_2_workers',
    unit: 'x',
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
      const { one, two } = (await measurePoolAndCeiling()).pool;
      return { value: one / two, note: `the same on a pool started before timing (RunPool.start, as a caller running several experiments does): 1 worker ${one.toFixed(0)} ms, 2 workers ${two.toFixed(0)} ms (medians of 5)` };
    },
  },
  {
    name: 'pool.speedup_2_threads_ceiling',
    unit: 'x',
    async run() {
      const { one, two } = (await measurePoolAndCeiling()).bare;
      return { value: one / two, note: `the same loops on bare worker threads with nothing stored (no store, journal or pool): what 2 threads gain on this machine for this loop at best; 1 thread ${one.toFixed(0)} ms, 2 threads ${two.toFixed(0)} ms (medians of 5)` };
    },
  },
  {
    name: 'pool.efficiency_2_workers',
    unit: 'x',
    target: '>= 0.95',
    async run() {
      const { pool, bare } = await measurePoolAndCeiling();
      const poolSpeedup = pool.one / pool.two;
      const ceiling = bare.one / bare.two;
      return { value: poolSpeedup / ceiling, note: `the started pool's 2-worker speedup ${poolSpeedup.toFixed(3)}x over the bare-thread ceiling ${ceiling.toFixed(3)}x, measured interleaved in the same run (200 runs x 200 trials, 10-D sphere, medians of 5)` };
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
