import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openStore, type ExperimentSpec, type Store } from '../../runner/index.js';
import { enqueueExperiment } from '../../runner/distributed/index.js';
import { QueueDatabase } from '../../runner/distributed/queueDatabase.js';
import { ensureQueueSchema } from '../../runner/distributed/queueSchema.js';
import { RunQueue } from '../../runner/distributed/runQueue.js';
import { WorkerRegistry } from '../../runner/distributed/workerRegistry.js';
import { maskCredentials } from '../../runner/store/postgres/maskCredentials.js';
import { FigureSkipped, median, type BenchFigure } from '../figure.js';

const CLI = resolve(fileURLToPath(new URL('../../cli/main.js', import.meta.url)));
const SPHERE = 'Pymoo/SO/unconstraint/sphere';
const RUNS = 40;
// Long enough that starting the worker processes does not decide the 2-worker speedup (200 trials a run took 0.55 s in all).
const TRIALS = 1000;

/** The server the figures use: $HPOARENA_BENCH_PG_URL, else the tests' $HPOARENA_TEST_PG_URL (a role allowed to create databases). */
function serverUrl(): string {
  const url = process.env.HPOARENA_BENCH_PG_URL ?? process.env.HPOARENA_TEST_PG_URL;
  if (!url) throw new FigureSkipped('no PostgreSQL: set HPOARENA_BENCH_PG_URL=postgres://USER:PASSWORD@HOST:PORT/DB (a role with CREATEDB)');
  return url;
}

/** A new database for one measurement, dropped afterwards. */
async function withDatabase<T>(body: (url: string) => Promise<T>): Promise<T> {
  const server = serverUrl();
  const name = `hpoarena_bench_${process.pid}_${Date.now().toString(36)}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server, connectionTimeoutMillis: 5000 });
    try {
      await client.connect();
      await client.query(sql);
    } finally {
      await client.end().catch(() => {});
    }
  };
  try {
    await admin(`CREATE DATABASE ${name}`);
  } catch (error) {
    throw new FigureSkipped(`PostgreSQL at ${maskCredentials(server)} is not usable (${maskCredentials((error as Error).message)})`);
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  try {
    return await body(url.toString());
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

function spec(experiment: string): ExperimentSpec {
  return { experiment, optimizers: [{ name: 'random', label: 'random', options: {} }], tasks: [SPHERE], seeds: Array.from({ length: RUNS }, (_, i) => i + 1), nTrials: TRIALS };
}

async function enqueue(url: string, experiment: string): Promise<void> {
  const store = await openStore(url);
  try {
    await enqueueExperiment(store, url, spec(experiment));
  } finally {
    await store.close();
  }
}

/** `processes` worker processes (one thread each) drain the queue; seconds from the first claim to the last finish. */
async function drainWithWorkers(url: string, experiment: string, processes: number): Promise<number> {
  await Promise.all(Array.from({ length: processes }, () => new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, [CLI, 'worker', '--store', url, '--concurrency', '1', '--exit-when-idle', '0.2'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`worker exited ${code}: ${stderr.slice(-500)}`))));
  })));
  const store = await openStore(url, { readonly: true });
  try {
    const runs = await store.listRuns(experiment);
    if (runs.some((r) => r.status !== 'done')) throw new Error(`runs left undone: ${runs.filter((r) => r.status !== 'done').length}`);
    const start = Math.min(...runs.map((r) => Date.parse(r.startedAt!)));
    const end = Math.max(...runs.map((r) => Date.parse(r.finishedAt!)));
    return (end - start) / 1000;
  } finally {
    await store.close();
  }
}

async function timeDrain(processes: number): Promise<number> {
  return withDatabase(async (url) => {
    await enqueue(url, 'bench');
    return drainWithWorkers(url, 'bench', processes);
  });
}

let speedups: Promise<{ one: number; two: number }> | undefined;
/** One and two worker processes on the same run set, interleaved, medians of 3. */
function measureSpeedup(): Promise<{ one: number; two: number }> {
  speedups ??= (async () => {
    await timeDrain(1); // warm-up (file cache, the server's catalog)
    const one: number[] = [];
    const two: number[] = [];
    for (let i = 0; i < 3; i++) {
      one.push(await timeDrain(1));
      two.push(await timeDrain(2));
    }
    return { one: median(one), two: median(two) };
  })();
  return speedups;
}

/** Median ms from asking the queue for a job to holding the run claimed in the store (fetch, lease, reopen, claim). */
async function measureClaim(): Promise<{ median: number; n: number }> {
  return withDatabase(async (url) => {
    await enqueue(url, 'claims');
    const db = await QueueDatabase.connect(url);
    const store: Store = await openStore(url);
    try {
      await ensureQueueSchema(db);
      const queue = await RunQueue.open(db);
      const registry = new WorkerRegistry(db, 60);
      await registry.register(1);
      const times: number[] = [];
      for (;;) {
        const start = performance.now();
        const job = await queue.fetch();
        if (!job) break;
        if (!(await registry.lease(job))) throw new Error(`run ${job.data.runId} leased twice`);
        await store.reopenRun(job.data.runId);
        if (!(await store.claimRunWithTrials(job.data.runId))) throw new Error(`run ${job.data.runId} not claimable`);
        times.push(performance.now() - start);
        await db.transaction(async (tx) => {
          await registry.release(job, tx, true);
          await queue.complete(job, {}, tx);
        });
        await store.finishRun(job.data.runId, 'done', 0);
      }
      await queue.close();
      return { median: median(times), n: times.length };
    } finally {
      await store.close();
      await db.close();
    }
  });
}

export const pgFigures: BenchFigure[] = [
  {
    name: 'pg.trials_per_s_1_worker',
    unit: 'trials/s',
    async run() {
      const { one } = await measureSpeedup();
      return { value: (RUNS * TRIALS) / one, note: `one \`hpoarena worker\` process (1 thread) on a PostgreSQL store: ${RUNS} queued runs x ${TRIALS} trials of random search on a 10-D sphere in ${one.toFixed(2)} s, first claim to last finish (median of 3); compare harness.overhead_us_per_trial for SQLite in one process` };
    },
  },
  {
    name: 'pg.speedup_2_workers',
    unit: 'x',
    async run() {
      const { one, two } = await measureSpeedup();
      return { value: one / two, note: `two worker processes vs one on the same ${RUNS} runs x ${TRIALS} trials: ${one.toFixed(2)} s vs ${two.toFixed(2)} s (medians of 3, interleaved). Ceiling: 2 on 2+ free cores, less the PostgreSQL server's own CPU on the same machine; compare pool.speedup_2_threads_ceiling` };
    },
  },
  {
    name: 'pg.claim_ms',
    unit: 'ms',
    async run() {
      const { median: ms, n } = await measureClaim();
      return { value: ms, note: `median over ${n} runs of taking a job from the pg-boss queue, leasing its run and claiming it in the store (4 round trips on loopback)` };
    },
  },
];

