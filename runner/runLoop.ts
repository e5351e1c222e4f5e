import { deriveRng, mixSeeds, type Config, type Optimizer, type Task, type TrialInfo, type TrialValue, type Value } from '../core/index.js';
import { checkTrial, evaluateTrial, worstCost } from './evaluateTrial.js';
import type { TrialRecord } from './store/types.js';
import { isPromiseLike, throwIfInterrupted, unlessInterrupted, type TimeLimit } from './interruption.js';

export interface LoopInput {
  readonly runId: number;
  readonly task: Task;
  readonly optimizer: Optimizer;
  readonly seed: number;
  readonly nTrials: number;
  readonly timeBudget?: number | null;
  readonly trialTimeout?: number;
  /** Stop after this many trials even if budget is left (the conformance suite counts trials, not budget). */
  readonly maxTrials?: number;
  /** Aborted when the experiment is interrupted: the loop throws RunInterrupted (trials so far are persisted). */
  readonly signal?: AbortSignal;
  /** Trials stored by an earlier, interrupted attempt of this run, in order. */
  readonly recorded: readonly TrialRecord[];
  /** Makes a trial durable; called before the optimizer is told. */
  persist(trial: TrialRecord): void;
  /** Drops the stored record from `index` on. */
  discardFrom(index: number): void;
  onTrial?(trial: TrialRecord): void;
}

export interface LoopResult {
  readonly trials: number;
  readonly budgetUsed: number;
  readonly replayed: number;
  /** Index where the optimizer diverged from the record, if it did. */
  readonly divergedAt: number | null;
}

/** An optimizer that hung past the run's time budget; the run fails with this message. */
export class OptimizerTimeoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OptimizerTimeoutError';
  }
}

/**
 * The ask -> evaluate -> tell loop: the only place that calls both an optimizer and a task.
 * Budget follows CARP-S: a trial at fidelity b costs b / max_fidelity of n_trials; the time
 * budget counts wall time plus virtual time. Recorded trials are replayed through the
 * re-seeded optimizer without re-evaluation while its proposals match the record.
 */
export async function runLoop(input: LoopInput): Promise<LoopResult> {
  const { task, optimizer, recorded } = input;
  let budgetUsed = 0;
  let elapsed = 0;
  let index = 0;
  let replayed = 0;
  let divergedAt: number | null = null;
  let replaying = recorded.length > 0;
  const maxTrials = input.maxTrials ?? Infinity;
  while (budgetUsed < input.nTrials - 1e-9 && (input.timeBudget == null || elapsed < input.timeBudget) && index < maxTrials) {
    throwIfInterrupted(input.signal);
    // Only a pending answer (an external optimizer's) can hang: a synchronous one costs no extra await.
    const asked = optimizer.ask();
    const proposal = isPromiseLike(asked) ? await unlessInterrupted(asked, input.signal, askLimit(input.timeBudget, elapsed)) : asked;
    const info = completeTrial(task, proposal, input.seed, index);
    const cost = trialBudget(task, info);
    let value: TrialValue;
    let record: TrialRecord;
    if (replaying && index < recorded.length && sameProposal(info, recorded[index])) {
      record = recorded[index];
      value = valueOf(record, task.objectives.length);
      replayed++;
    } else {
      if (replaying && index < recorded.length) {
        divergedAt = index;
        input.discardFrom(index);
      }
      replaying = false;
      value = await evaluateTrial(task, info, input.trialTimeout);
      record = {
        runId: input.runId, index, config: info.config, fidelity: info.fidelity ?? null,
        cost: value.status === 'ok' ? (value.cost as number | number[]) : null, status: value.status,
        wallTime: value.wallTime, virtualTime: value.virtualTime, budgetUsed: budgetUsed + cost, info: value.info ?? null,
      };
      input.persist(record);
    }
    budgetUsed += cost;
    elapsed += value.wallTime + value.virtualTime;
    const told = optimizer.tell(info, value);
    if (isPromiseLike(told)) await unlessInterrupted(told, input.signal);
    input.onTrial?.(record);
    index++;
  }
  return { trials: index, budgetUsed, replayed, divergedAt };
}

/** A hung ask may not outlast the run's time budget (what is left of it). */
function askLimit(timeBudget: number | null | undefined, elapsed: number): TimeLimit | undefined {
  if (timeBudget == null) return undefined;
  const left = timeBudget - elapsed;
  return {
    ms: left * 1000,
    error: () => new OptimizerTimeoutError(`The optimizer did not answer 'ask' within the ${formatSeconds(left)} s left of the run's time budget (--time-budget ${timeBudget} s).`),
  };
}

function formatSeconds(seconds: number): string {
  return String(Number(seconds.toPrecision(3)));
}

/** Checks the proposal against the task and fills in the fidelity and the trial seed. */
function completeTrial(task: Task, proposal: TrialInfo, runSeed: number, index: number): TrialInfo {
  const checked = checkTrial(task, proposal);
  const seed = proposal.seed ?? (task.trialSeeding === 'per-config' ? configSeed(runSeed, checked.config) : trialSeed(runSeed, index));
  return { ...checked, seed };
}

/** The seed a task receives for its own randomness at trial `index` of a run. */
export function trialSeed(runSeed: number, index: number): number {
  return mixSeeds(runSeed, index);
}

/** The seed of every trial of `config` in a run, for tasks seeded per configuration (keys in sorted order). */
export function configSeed(runSeed: number, config: Config): number {
  const canonical = JSON.stringify(Object.keys(config).sort().map((k) => [k, config[k]]));
  return deriveRng(runSeed, 'config', canonical).seed();
}

function trialBudget(task: Task, info: TrialInfo): number {
  return task.fidelity && info.fidelity !== undefined ? info.fidelity / task.fidelity.max : 1;
}

function valueOf(record: TrialRecord, nObjectives: number): TrialValue {
  return {
    cost: record.cost ?? worstCost(nObjectives),
    status: record.status,
    wallTime: record.wallTime,
    virtualTime: record.virtualTime,
    info: record.info ?? undefined,
  };
}

function sameProposal(info: TrialInfo, record: TrialRecord): boolean {
  return (info.fidelity ?? null) === record.fidelity && sameConfig(info.config, record.config);
}

function sameConfig(a: Config, b: Config): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.hasOwn(b, k) && (a[k] as Value) === (b[k] as Value));
}
