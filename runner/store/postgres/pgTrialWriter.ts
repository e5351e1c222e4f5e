import type { TrialWriter } from '../store.js';
import { serializeTrial, type TrialBatch } from '../trialCodec.js';
import type { TrialRecord } from '../types.js';

/** What the writer needs from the PostgreSQL store. */
export interface BatchSink {
  appendBatches(batches: readonly TrialBatch[]): Promise<void>;
  deleteTrialsFrom(runId: number, index: number): Promise<number>;
  heartbeat(runId: number): Promise<void>;
}

/**
 * A running run's trials on their way to PostgreSQL. `append` never waits for the database:
 * trials gather in memory and go out as one batch row per 256 trials or 250 ms, writes in
 * order on one promise chain (a `discardFrom` takes its place in that order). A heartbeat
 * renews the run's lease while it runs, so a slow trial does not look like a dead worker.
 *
 * Durability: a trial is stored when its batch commits. A worker killed before that loses at
 * most the last 250 ms of trials; the run's next attempt (on any machine) computes them again
 * from the same seeds, identically, after replaying the stored ones.
 */
export class PgTrialWriter implements TrialWriter {
  readonly recovered = 0;
  private pending: TrialBatch[] = [];
  private chain: Promise<void> = Promise.resolve();
  private failure: unknown;
  private lastFlush = performance.now();
  private readonly heartbeat: NodeJS.Timeout | undefined;

  constructor(private readonly sink: BatchSink, private readonly runId: number, leaseSeconds: number | undefined, private readonly batchSize = 256, private readonly maxDelayMs = 250) {
    if (leaseSeconds) {
      this.heartbeat = setInterval(() => this.enqueue(() => sink.heartbeat(runId)), (leaseSeconds * 1000) / 3);
      this.heartbeat.unref();
    }
  }

  append(trial: TrialRecord): void {
    if (this.failure !== undefined) throw this.failure;
    if (trial.runId !== this.runId) throw new Error(`Trial of run ${trial.runId} appended to the writer of run ${this.runId}.`);
    const last = this.pending.at(-1) as { runId: number; firstIndex: number; lines: string[] } | undefined;
    if (last && last.firstIndex + last.lines.length === trial.index) last.lines.push(serializeTrial(trial));
    else this.pending.push({ runId: this.runId, firstIndex: trial.index, lines: [serializeTrial(trial)] });
    const count = this.pending.reduce((n, b) => n + b.lines.length, 0);
    if (count >= this.batchSize || performance.now() - this.lastFlush > this.maxDelayMs) this.flush();
  }

  discardFrom(index: number): void {
    this.flush();
    this.enqueue(async () => {
      await this.sink.deleteTrialsFrom(this.runId, index);
    });
  }

  async takePending(): Promise<TrialBatch[]> {
    await this.chain;
    if (this.failure !== undefined) throw this.failure;
    const batches = this.pending;
    this.pending = [];
    return batches;
  }

  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    this.flush();
    await this.chain;
  }

  private flush(): void {
    this.lastFlush = performance.now();
    if (this.pending.length === 0) return;
    const batches = this.pending;
    this.pending = [];
    this.enqueue(() => this.sink.appendBatches(batches));
  }

  /** Writes run one after another; the first failure stops the rest and is thrown to the run. */
  private enqueue(write: () => Promise<void>): void {
    this.chain = this.chain.then(async () => {
      if (this.failure !== undefined) return;
      try {
        await write();
      } catch (error) {
        this.failure = error;
      }
    });
  }
}
