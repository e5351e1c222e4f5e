import { SpecError } from '../../core/index.js';
import { planExperiment, type PlannedExperiment } from '../experiment.js';
import type { ExperimentSpec } from '../experimentSpec.js';
import { changedRuns, changedSpecError } from '../planChanges.js';
import { loadPlugins } from '../plugins.js';
import type { Store } from '../store/index.js';
import { QueueDatabase } from './queueDatabase.js';
import { ensureQueueSchema, QUEUE_SCHEMA } from './queueSchema.js';
import { RunQueue } from './runQueue.js';

export interface EnqueueOptions {
  readonly plugins?: readonly string[];
  readonly dataDir?: string;
  readonly retryFailed?: boolean;
  readonly replan?: boolean;
  /** Attempts per run before it ends 'failed' for good (a worker that dies mid-run costs one). */
  readonly maxAttempts?: number;
  readonly trialTimeout?: number;
}

export interface EnqueueOutcome {
  readonly planned: number;
  readonly added: number;
  readonly alreadyDone: number;
  /** Runs queued now. */
  readonly enqueued: number;
  /** Runs that already had a job waiting or running. */
  readonly alreadyQueued: number;
  readonly failed: number;
  readonly unsupported: PlannedExperiment['unsupported'];
}

/**
 * `run --enqueue`: plans the experiment into the store exactly as a local run does, then queues
 * one job per run that is not done and has no job yet. Workers anywhere execute them. Safe to
 * repeat: a run is never queued twice, a done run never again.
 */
export async function enqueueExperiment(store: Store, queueUrl: string, spec: ExperimentSpec, options: EnqueueOptions = {}): Promise<EnqueueOutcome> {
  const maxAttempts = options.maxAttempts ?? 3;
  if (!(Number.isInteger(maxAttempts) && maxAttempts >= 1)) throw new SpecError(`--max-attempts must be a positive integer, got ${maxAttempts}.`);
  const plugins = await loadPlugins(options.plugins ?? []);
  const plan = await planExperiment(spec, { dataDir: options.dataDir });
  const changed = changedRuns(await store.listRuns(spec.experiment), plan.runs);
  if (changed.length && !options.replan) throw changedSpecError(spec.experiment, changed);
  const db = await QueueDatabase.connect(queueUrl);
  try {
    await ensureQueueSchema(db);
    const queue = await RunQueue.open(db);
    try {
      await store.ensureExperiment(spec.experiment, { ...spec, plugins: options.plugins ?? [] });
      return await db.transaction(async (tx) => {
        // One enqueuer at a time per experiment: two at once would queue the same runs twice.
        await tx.executeSql('SELECT pg_advisory_xact_lock(hashtext($1))', [`${QUEUE_SCHEMA}:${spec.experiment}`]);
        const queued = await queue.queuedRunIds(spec.experiment, tx);
        for (const { stored, planned } of changed) {
          if (queued.has(stored.id)) throw new SpecError(`Run ${stored.id} (${stored.optimizerLabel} on ${stored.task} seed ${stored.seed}) is queued or running; --replan it once the queue has finished it.`);
          await store.replanRun(stored.id, planned);
        }
        const added = await store.addRuns(spec.experiment, plan.runs);
        const wanted = new Set(plan.runs.map((r) => `${r.optimizerLabel}\u0000${r.task}\u0000${r.seed}`));
        const runs = (await store.listRuns(spec.experiment)).filter((r) => wanted.has(`${r.optimizerLabel}\u0000${r.task}\u0000${r.seed}`));
        // 'running' or 'interrupted' without a job: left by a process that is gone; they resume from their trials.
        const toQueue = runs.filter((r) => !queued.has(r.id) && (r.status !== 'done' && (r.status !== 'failed' || options.retryFailed)));
        await queue.enqueue(toQueue.map((r) => ({ experiment: spec.experiment, runId: r.id, trialTimeout: options.trialTimeout ?? spec.trialTimeout, plugins })), maxAttempts, tx);
        return {
          planned: plan.runs.length, added, alreadyDone: runs.filter((r) => r.status === 'done').length,
          enqueued: toQueue.length, alreadyQueued: runs.filter((r) => queued.has(r.id)).length,
          failed: runs.filter((r) => r.status === 'failed' && !queued.has(r.id) && !options.retryFailed).length,
          unsupported: plan.unsupported,
        };
      });
    } finally {
      await queue.close();
    }
  } finally {
    await db.close();
  }
}
