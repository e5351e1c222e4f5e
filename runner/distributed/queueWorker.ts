import { setTimeout as sleep } from 'node:timers/promises';
import { RunPool } from '../pool.js';
import type { RunOutcome } from '../executeRun.js';
import type { Store } from '../store/index.js';
import { QueueDatabase, isConnectionError, type SqlExecutor } from './queueDatabase.js';
import { ensureQueueSchema } from './queueSchema.js';
import { RunQueue, type RunJob } from './runQueue.js';
import { WorkerRegistry } from './workerRegistry.js';

export interface QueueWorkerOptions {
  /** Runs executed at once, one worker thread each. */
  readonly concurrency: number;
  /** Seconds without a heartbeat after which other workers declare this one dead and take its runs. */
  readonly leaseSeconds?: number;
  readonly heartbeatSeconds?: number;
  /** Seconds between looks at an empty queue. */
  readonly pollSeconds?: number;
  /** Stop once no job has been waiting or running anywhere for this many seconds (default: keep waiting). */
  readonly exitWhenIdleSeconds?: number;
  /** On `signal`: 'hand-back' interrupts the runs (kept trials, requeued), 'finish' lets them end. */
  readonly onStop?: 'hand-back' | 'finish';
  readonly signal?: AbortSignal;
  readonly dataDir?: string;
  readonly memoryLimitMb?: number;
  readonly plugins?: readonly string[];
  readonly log?: (line: string) => void;
  /**
   * Called when other workers declared this one dead (it was unreachable longer than its lease):
   * its runs are executed elsewhere now, so it must not write another trial. Default: exit the process.
   */
  readonly onEvicted?: () => never;
}

export interface WorkerSummary {
  readonly workerId: string;
  readonly done: number;
  readonly failed: number;
  readonly handedBack: number;
}

/**
 * `hpoarena worker`: takes runs from the queue and executes them on this machine's worker
 * threads, writing trials to the store as they finish. A run taken over from a dead worker
 * resumes from its stored trials by the same replay as a local resume.
 */
export async function runQueueWorker(store: Store, queueUrl: string, options: QueueWorkerOptions): Promise<WorkerSummary> {
  const leaseSeconds = options.leaseSeconds ?? 60;
  const heartbeatMs = 1000 * (options.heartbeatSeconds ?? Math.max(0.2, Math.min(10, leaseSeconds / 4)));
  const pollMs = 1000 * (options.pollSeconds ?? 1);
  const log = options.log ?? (() => {});
  const db = await QueueDatabase.connect(queueUrl, options.concurrency + 3);
  const pool = RunPool.start({ workers: options.concurrency, memoryLimitMb: options.memoryLimitMb });
  let queue: RunQueue | undefined;
  try {
    await ensureQueueSchema(db);
    queue = await RunQueue.open(db);
    const registry = new WorkerRegistry(db, leaseSeconds);
    await registry.register(options.concurrency);
    log(`worker ${registry.id}: ${options.concurrency} runs at a time, lease ${leaseSeconds} s`);
    const worker = new QueueWorkerLoop(store, db, queue, registry, pool, { ...options, log, heartbeatMs, pollMs, leaseSeconds });
    const summary = await worker.run();
    await registry.setState('stopped').catch(() => {});
    log(`worker ${registry.id}: stopped: ${summary.done} runs done, ${summary.failed} failed attempts, ${summary.handedBack} handed back`);
    return summary;
  } finally {
    await queue?.close().catch(() => {});
    await pool.close();
    await db.close();
  }
}

type LoopOptions = QueueWorkerOptions & { log: (line: string) => void; heartbeatMs: number; pollMs: number; leaseSeconds: number };

class QueueWorkerLoop {
  private readonly stopping = new AbortController();
  private readonly handBack = new AbortController();
  private busy = 0;
  private idleSince = Date.now();
  private done = 0;
  private failed = 0;
  private handedBack = 0;
  private lastError = '';

  constructor(private readonly store: Store, private readonly db: QueueDatabase, private readonly queue: RunQueue, private readonly registry: WorkerRegistry, private readonly pool: RunPool, private readonly options: LoopOptions) {}

  async run(): Promise<WorkerSummary> {
    const onSignal = () => {
      this.options.log(`worker ${this.registry.id}: stopping (${this.options.onStop === 'finish' ? 'finishing its runs' : 'handing its runs back'})`);
      this.stopping.abort();
      if (this.options.onStop !== 'finish') this.handBack.abort();
    };
    if (this.options.signal?.aborted) onSignal();
    this.options.signal?.addEventListener('abort', onSignal, { once: true });
    const heartbeats = this.heartbeatLoop();
    try {
      await Promise.all(Array.from({ length: this.options.concurrency }, () => this.slot()));
    } finally {
      this.options.signal?.removeEventListener('abort', onSignal);
      this.stopping.abort();
      await heartbeats;
    }
    await this.registry.setState('stopping').catch(() => {});
    return { workerId: this.registry.id, done: this.done, failed: this.failed, handedBack: this.handedBack };
  }

  /** One of `concurrency` loops: take a job, execute its run, settle the job; repeat. */
  private async slot(): Promise<void> {
    while (!this.stopping.signal.aborted) {
      let job: RunJob | undefined;
      try {
        job = await this.queue.fetch();
      } catch (error) {
        this.reportError('taking a run', error);
        this.idleSince = Date.now(); // an unreachable database is not an empty queue
        await this.pause();
        continue;
      }
      if (!job) {
        if (await this.idleLongEnough()) this.stopping.abort();
        else await this.pause();
        continue;
      }
      this.busy++;
      try {
        await this.execute(job);
      } finally {
        this.busy--;
        this.idleSince = Date.now();
      }
    }
  }

  private async execute(job: RunJob): Promise<void> {
    const { runId } = job.data;
    let outcome: RunOutcome;
    try {
      if (!(await this.registry.lease(job))) {
        // Another live worker holds this run (the run was queued twice): that job covers it.
        await this.settle(job, 'duplicate', () => this.queue.complete(job, { skipped: 'run held by another worker' }));
        return;
      }
      await this.store.reopenRun(runId);
      [outcome] = await this.pool.execute(this.store, [runId], {
        dataDir: this.options.dataDir, trialTimeout: job.data.trialTimeout,
        plugins: [...new Set([...(this.options.plugins ?? []), ...job.data.plugins])], signal: this.handBack.signal,
      });
    } catch (error) {
      outcome = { runId, status: 'failed', trials: 0, replayed: 0, error: `the worker could not execute the run: ${(error as Error).message}` };
    }
    const { log } = this.options;
    if (outcome.status === 'interrupted') {
      this.handedBack++;
      log(`run ${runId}: handed back with its trials (attempt ${job.attempt} of ${job.maxAttempts})`);
      await this.settle(job, 'handed back', async (tx) => {
        await this.queue.complete(job, { handedBack: true }, tx);
        await this.queue.enqueue([job.data], job.maxAttempts - job.attempt + 1, tx);
      });
    } else if (outcome.status === 'failed') {
      this.failed++;
      const last = job.attempt >= job.maxAttempts;
      log(`run ${runId}: attempt ${job.attempt} of ${job.maxAttempts} failed${last ? ' (no attempts left)' : ''}: ${outcome.error}`);
      await this.settle(job, 'failed', (tx) => this.queue.fail(job.id, outcome.error ?? 'failed', tx));
    } else {
      if (outcome.status === 'done') this.done++;
      await this.settle(job, outcome.status, (tx) => this.queue.complete(job, { status: outcome.status, trials: outcome.trials, replayed: outcome.replayed }, tx));
    }
  }

  /** Releases the lease and ends the job in one transaction, retrying while the database is away. */
  private async settle(job: RunJob, what: string, end: (tx: SqlExecutor) => Promise<unknown>): Promise<void> {
    for (let wait = 250; ; wait = Math.min(wait * 2, 5000)) {
      try {
        await this.db.transaction(async (tx) => {
          await this.registry.release(job, tx, what === 'done');
          await end(tx);
        });
        return;
      } catch (error) {
        if (!isConnectionError(error)) throw error;
        this.reportError(`recording run ${job.data.runId} as ${what}`, error);
        await sleep(wait);
      }
    }
  }

  /** Idle: nothing waiting or running anywhere in the queue, for the configured time. */
  private async idleLongEnough(): Promise<boolean> {
    const limit = this.options.exitWhenIdleSeconds;
    if (limit === undefined || this.busy > 0 || Date.now() - this.idleSince < limit * 1000) return false;
    try {
      if ((await this.queue.unfinished()) === 0) return true;
    } catch (error) {
      this.reportError('reading the queue', error);
    }
    this.idleSince = Date.now();
    return false;
  }

  /**
   * Renews this worker's heartbeat; once its own heartbeats have held for a full lease, it also
   * declares silent workers dead and hands their runs back to the queue.
   */
  private async heartbeatLoop(): Promise<void> {
    let healthySince: number | undefined = Date.now();
    while (!this.stopping.signal.aborted || this.busy > 0) {
      await sleep(this.options.heartbeatMs, undefined, { signal: this.busy > 0 ? undefined : this.stopping.signal }).catch(() => {});
      try {
        if (!(await this.registry.heartbeat())) this.evicted();
        healthySince ??= Date.now();
        if (Date.now() - healthySince >= this.options.leaseSeconds * 1000 && !this.stopping.signal.aborted) {
          const runs = await this.registry.reapDead(this.queue);
          if (runs.length) this.options.log(`worker ${this.registry.id}: took back runs ${runs.join(', ')} from workers that stopped sending heartbeats`);
        }
      } catch (error) {
        healthySince = undefined;
        this.reportError('sending a heartbeat', error);
      }
    }
  }

  private evicted(): never {
    const message = `worker ${this.registry.id}: other workers declared this one dead (no heartbeat for over ${this.options.leaseSeconds} s) and took its runs; exiting so that it writes nothing more.`;
    if (this.options.onEvicted) {
      this.options.log(message);
      return this.options.onEvicted();
    }
    process.stderr.write(`hpoarena: ${message}\n`);
    process.exit(75);
  }

  private reportError(doing: string, error: unknown): void {
    const message = `worker ${this.registry.id}: ${doing}: ${(error as Error).message ?? String(error)}${isConnectionError(error) ? ' (retrying)' : ''}`;
    if (message !== this.lastError) this.options.log(message);
    this.lastError = message;
  }

  private async pause(): Promise<void> {
    await sleep(this.options.pollMs, undefined, { signal: this.stopping.signal }).catch(() => {});
  }
}
