import { deriveRng, mixSeeds, type Config, type Optimizer, type Task, type TrialInfo, type TrialValue } from '../core/index.js';
import { checkTrial, evaluateTrial, worstCost } from './evaluateTrial.js';
import type { TrialRecord } from './store/types.js';
import { RecordedTrials } from './parallel/recordedTrials.js';
import { simulatedDuration } from './parallel/simulatedDuration.js';
import { TrialsInFlight, type InFlight } from './parallel/trialsInFlight.js';
import { isPromiseLike, throwIfInterrupted, unlessInterrupted, type TimeLimit } from './interruption.js';

export interface LoopInput {
  readonly runId: number;
  readonly task: Task;
  readonly optimizer: Optimizer;
  readonly seed: number;
  readonly nTrials: number;
  /** Seconds: wall + virtual time, or simulated time when parallelTrials > 1. */
  readonly timeBudget?: number | null;
  readonly trialTimeout?: number;
  /** Trials in flight at once on the run's simulated clock (default 1: one at a time). */
  readonly parallelTrials?: number;
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

/** An asked and evaluated trial, waiting on its slot to be told. */
interface Asked {
  readonly info: TrialInfo;
  readonly value: TrialValue;
  readonly cost: number;
  /** The stored record it was replayed from, if it was. */
  readonly recorded?: TrialRecord;
}

/**
 * The ask -> evaluate -> tell loop: the only place that calls both an optimizer and a task.
 * Budget follows CARP-S: a trial at fidelity b costs b / max_fidelity of n_trials; the time
 * budget counts wall time plus virtual time. Recorded trials are replayed through the
 * re-seeded optimizer without re-evaluation while its proposals match the record.
 *
 * With K = parallelTrials > 1 the run is asynchronous on a simulated clock: the loop asks until
 * K trials are in flight (each evaluated at once, holding a slot for its simulated duration),
 * then tells the one that ends first, and asks again. Trials are stored in tell order with their
 * simulated start, end and slot; no more are asked once the asked trials use up n_trials or the
 * clock reaches the time budget, and a trial that would end after the time budget is dropped.
 * K = 1 is the sequential loop, its records unchanged.
 */
export async function runLoop(input: LoopInput): Promise<LoopResult> {
  const { task, optimizer } = input;
  const parallelTrials = input.parallelTrials ?? 1;
  const parallel = parallelTrials > 1;
  const inFlight = new TrialsInFlight<Asked>(parallelTrials);
  const recorded = new RecordedTrials(input.recorded, parallel);
  const maxTrials = input.maxTrials ?? Infinity;
  let askedBudget = 0;
  let budgetUsed = 0;
  let elapsed = 0; // one at a time: wall + virtual time of the told trials
  let asked = 0;
  let index = 0;
  let replayed = 0;
  let divergedAt: number | null = null;
  let replaying = recorded.length > 0;
  const clock = (): number => (parallel ? inFlight.now : elapsed);
  const canAsk = (): boolean => askedBudget < input.nTrials - 1e-9 && (input.timeBudget == null || clock() < input.timeBudget) && asked < maxTrials;
  for (;;) {
    while (!inFlight.full && canAsk()) {
      throwIfInterrupted(input.signal);
      // Only a pending answer (an external optimizer's) can hang: a synchronous one costs no extra await.
      const proposal = optimizer.ask();
      const answered = isPromiseLike(proposal) ? await unlessInterrupted(proposal, input.signal, askLimit(input.timeBudget, clock())) : proposal;
      const info = completeTrial(task, answered, input.seed, asked);
      const cost = trialBudget(task, info);
      const record = replaying ? recorded.take(info, asked, parallel ? inFlight.nextSlot() : undefined) : undefined;
      const value = record ? valueOf(record, task.objectives.length) : await evaluateTrial(task, info, input.trialTimeout);
      inFlight.start({ info, value, cost, recorded: record }, parallel ? simulatedDuration(task, info, value) : 0, asked);
      askedBudget += cost;
      asked++;
    }
    if (inFlight.size === 0) break;
    const done = inFlight.finishNext();
    // On the simulated clock, a result that would arrive after the time budget never arrives.
    if (parallel && input.timeBudget != null && done.simEnd > input.timeBudget) continue;
    const { info, value, cost } = done.trial;
    let record: TrialRecord;
    if (replaying && done.trial.recorded?.index === index) {
      record = done.trial.recorded;
      replayed++;
    } else {
      if (replaying && index < recorded.length) {
        divergedAt = index;
        input.discardFrom(index);
      }
      replaying = false;
      record = newRecord(input.runId, index, input.seed, info, value, budgetUsed + cost, parallel ? done : undefined);
      input.persist(record);
    }
    if (index + 1 >= recorded.length) replaying = false;
    budgetUsed += cost;
    elapsed += value.wallTime + value.virtualTime;
    const told = optimizer.tell(info, value);
    if (isPromiseLike(told)) await unlessInterrupted(told, input.signal);
    input.onTrial?.(record);
    index++;
  }
  return { trials: index, budgetUsed, replayed, divergedAt };
}

/**
 * The stored form of a told trial; only runs with parallel trials carry the clock, and only a
 * trial whose seed is not the default one for its index carries it, so sequential records of
 * per-trial seeded tasks serialize exactly as before.
 */
function newRecord(runId: number, index: number, runSeed: number, info: TrialInfo, value: TrialValue, budgetUsed: number, clock: InFlight<unknown> | undefined): TrialRecord {
  const cost = value.status === 'ok' ? (value.cost as number | number[]) : null;
  const fidelity = info.fidelity ?? null;
  const extra = value.info ?? null;
  const seed = info.seed === undefined || info.seed === trialSeed(runSeed, index) ? {} : { seed: info.seed };
  if (!clock) return { runId, index, config: info.config, fidelity, cost, status: value.status, wallTime: value.wallTime, virtualTime: value.virtualTime, budgetUsed, info: extra, ...seed };
  return {
    runId, index, config: info.config, fidelity, cost, status: value.status, wallTime: value.wallTime, virtualTime: value.virtualTime, budgetUsed, info: extra,
    simStart: clock.simStart, simEnd: clock.simEnd, slot: clock.slot, ...seed,
  };
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

/** The seed the task got for a stored trial (what its record says, else the default for its index). */
export function seedOfTrial(runSeed: number, trial: Pick<TrialRecord, 'index' | 'seed'>): number {
  return trial.seed ?? trialSeed(runSeed, trial.index);
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
