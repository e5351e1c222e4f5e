import { resolveOptions, type IncumbentEntry, type Optimizer, type OptimizerFactory, type Options, type TaskView, type TrialInfo } from '../../core/index.js';
import { runLoop, type LoopResult } from '../runLoop.js';
import type { TrialRecord } from '../store/index.js';
import { CheckedOptimizer, describeThrown } from './checkedOptimizer.js';
import { fail, type ToldTrial } from './checks.js';
import { conformanceTask } from './syntheticTask.js';

/** Everything one conformance run saw. */
export interface ConformanceRecord {
  readonly proposals: readonly TrialInfo[];
  readonly told: readonly ToldTrial[];
  /** What the run loop stored, in order: the record a resumed run replays. */
  readonly records: readonly TrialRecord[];
  readonly incumbent: readonly IncumbentEntry[];
  readonly loop: LoopResult;
  /** The proposal of one ask after the trials were used up (also the last of `proposals`). */
  readonly afterBudget?: TrialInfo;
}

export interface ConformanceRun {
  readonly factory: OptimizerFactory;
  readonly options?: Options;
  readonly view: TaskView;
  readonly seed: number;
  readonly nTrials: number;
  /** Names the optimizer and the case in every failure. */
  readonly label: string;
  readonly askAfterBudget?: boolean;
  /** Trials of an earlier attempt to replay (resume), as the store would hand them back. */
  readonly recorded?: readonly TrialRecord[];
  /** Trials in flight at once (K > 1: asks before tells, tells out of order on a simulated clock). */
  readonly parallelTrials?: number;
}

/**
 * One conformance run through the product's run loop (runner/runLoop.ts): `nTrials` trials on
 * the synthetic task with crash injection, each proposal checked as it arrives; optionally one
 * more ask once the trials are used up. A failure throws ConformanceFailure.
 */
export async function runConformance(run: ConformanceRun): Promise<ConformanceRecord> {
  const { factory, view, seed, nTrials } = run;
  const where = `${factory.name} on ${run.label}`;
  let inner: Optimizer;
  try {
    // The optimizer learns K from its view, as in a real run (an external program is told in 'init').
    const created = (run.parallelTrials ?? 1) > 1 ? { ...view, parallelTrials: run.parallelTrials } : view;
    inner = factory.create(created, seed, resolveOptions(factory, run.options ?? {}));
  } catch (error) {
    fail(`${where}: create() threw: ${describeThrown(error)}`);
  }
  const optimizer = new CheckedOptimizer(inner, view, where);
  const records: TrialRecord[] = [...(run.recorded ?? [])];
  let failed = false;
  try {
    const loop = await runLoop({
      runId: 0, task: conformanceTask(view, seed, nTrials, (run.parallelTrials ?? 1) > 1), optimizer, seed, parallelTrials: run.parallelTrials,
      // The budget never ends the run first: trials are counted (multi-fidelity trials cost less than one).
      nTrials: Number.MAX_SAFE_INTEGER, maxTrials: nTrials,
      recorded: run.recorded ?? [],
      persist: (trial) => void records.push(trial),
      discardFrom: (index) => void records.splice(index),
    });
    // One more ask once the trials are used up: checked like every other proposal.
    const afterBudget = (run.askAfterBudget ?? true) ? await optimizer.ask() : undefined;
    return { proposals: optimizer.proposals, told: optimizer.told, records, incumbent: optimizer.incumbent(), loop, afterBudget };
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // After a failure, that failure is the one to report, not a close() that fails as well.
    if (failed) await optimizer.close().catch(() => undefined);
    else await optimizer.close();
  }
}
