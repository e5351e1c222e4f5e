import { SpecError, UnknownNameError } from '../../core/index.js';
import { changedRuns } from '../planChanges.js';
import type { Store } from './store.js';
import type { NewRun, RunRecord, RunStatus, TrialRecord } from './types.js';

export interface CopySummary {
  readonly experiment: string;
  readonly runs: number;
  /** Runs the target did not have. */
  readonly added: number;
  /** Runs the target had with fewer trials or another status. */
  readonly updated: number;
  readonly trials: number;
}

/**
 * Copies an experiment from one store to another (SQLite or PostgreSQL, either direction):
 * its spec, its runs in id order (so exports of both stores are identical) and their trials,
 * with each run's status and timestamps. Copying again adds only what is new: a target run
 * whose trials are a prefix of the source's gets the rest. A run caught mid-way ('running' in
 * the source) arrives 'interrupted', resumable in the target.
 * Refused, with nothing written: a target experiment of that name that is not this one (a run
 * with other settings, a run the source lacks, or trials that differ).
 */
export async function copyExperiment(from: Store, to: Store, experiment: string): Promise<CopySummary> {
  const source = await from.getExperiment(experiment);
  if (!source) throw new UnknownNameError(`experiment (store '${from.label}')`, experiment, (await from.listExperiments()).map((e) => e.name));
  const sourceRuns = await from.listRuns(experiment);
  const existing = (await to.getExperiment(experiment)) ? await to.listRuns(experiment) : [];
  await checkSameExperiment(from, to, experiment, sourceRuns, existing);

  await to.ensureExperiment(experiment, source.spec);
  const added = await to.addRuns(experiment, sourceRuns.map(asNewRun));
  const targetByKey = new Map((await to.listRuns(experiment)).map((r) => [runKey(r), r]));
  const hadBefore = new Set(existing.map((r) => r.id));
  let updated = 0;
  let trials = 0;
  for await (const { run, trials: sourceTrials } of from.runTrials(experiment)) {
    const target = targetByKey.get(runKey(run))!;
    const stored = hadBefore.has(target.id) ? (await to.trials(target.id)).length : 0;
    const status = copiedStatus(run.status);
    if (stored === sourceTrials.length && target.status === status) continue;
    if (hadBefore.has(target.id)) updated++;
    const fresh = sourceTrials.slice(stored).map((trial): TrialRecord => ({ ...trial, runId: target.id }));
    await to.appendTrials(fresh);
    await to.setRunState(target.id, { status, error: run.error, budgetUsed: run.budgetUsed, startedAt: run.startedAt, finishedAt: run.finishedAt });
    trials += fresh.length;
  }
  return { experiment, runs: sourceRuns.length, added, updated, trials };
}

/** A target run of another experiment that happens to share the name: refuse before writing anything. */
async function checkSameExperiment(from: Store, to: Store, experiment: string, sourceRuns: readonly RunRecord[], existing: readonly RunRecord[]): Promise<void> {
  if (existing.length === 0) return;
  const refuse = (why: string) =>
    new SpecError(`Store '${to.label}' already has a different experiment named '${experiment}' (${why}); nothing was copied. Copy into another store, or remove that experiment there first.`);
  const changed = changedRuns(existing, sourceRuns.map(asNewRun));
  if (changed.length) throw refuse(`run ${describe(changed[0].stored)} has other settings: ${changed[0].differences[0]}`);
  const sourceByKey = new Map(sourceRuns.map((r) => [runKey(r), r]));
  for (const target of existing) {
    const twin = sourceByKey.get(runKey(target));
    if (!twin) throw refuse(`run ${describe(target)} is not in '${from.label}'`);
    const [mine, theirs] = [await to.trials(target.id), await from.trials(twin.id)];
    if (mine.length > theirs.length || mine.some((trial, i) => !sameTrial(trial, theirs[i]))) {
      throw refuse(`the configs or costs of run ${describe(target)} differ from those in '${from.label}'`);
    }
  }
}

/** The same trial of the same seeded run: equal in what an export shows (run ids and wall times differ between executions). */
function sameTrial(a: TrialRecord, b: TrialRecord): boolean {
  const shown = (t: TrialRecord) => JSON.stringify([t.index, t.config, t.fidelity, t.cost, t.status, t.budgetUsed, t.virtualTime]);
  return shown(a) === shown(b);
}

function copiedStatus(status: RunStatus): RunStatus {
  return status === 'running' ? 'interrupted' : status;
}

function asNewRun(run: RunRecord): NewRun {
  return {
    optimizer: run.optimizer, optimizerLabel: run.optimizerLabel, optimizerOptions: run.optimizerOptions, task: run.task, seed: run.seed,
    nTrials: run.nTrials, ...(run.timeBudget != null ? { timeBudget: run.timeBudget } : {}),
    ...(run.parallelTrials > 1 ? { parallelTrials: run.parallelTrials } : {}),
  };
}

function runKey(run: { optimizerLabel: string; task: string; seed: number }): string {
  return `${run.optimizerLabel}\u0000${run.task}\u0000${run.seed}`;
}

function describe(run: RunRecord): string {
  return `${run.optimizerLabel} on ${run.task} seed ${run.seed}`;
}
