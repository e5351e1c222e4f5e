import { InvalidConfigError, type Task, type TrialInfo, type TrialValue } from '../core/index.js';

/**
 * The one checked evaluation, used by the run loop and by `hpoarena evaluate`: checks the
 * config and fidelity (InvalidConfigError naming the value), then evaluates and normalizes.
 */
export async function evaluateChecked(task: Task, trial: TrialInfo, timeoutSeconds?: number): Promise<TrialValue> {
  return evaluateTrial(task, checkTrial(task, trial), timeoutSeconds);
}

/**
 * Checks a trial against the task: the config validates against the space, and the fidelity
 * (absent: the task's maximum) lies in the task's range, integral where the fidelity is.
 * Returns the trial with the fidelity filled in.
 */
export function checkTrial(task: Task, trial: TrialInfo): TrialInfo {
  task.space.validate(trial.config);
  let fidelity = trial.fidelity;
  if (task.fidelity) {
    fidelity ??= task.fidelity.max;
    const { min, max, name, integer } = task.fidelity;
    if (!(fidelity >= min && fidelity <= max) || (integer && !Number.isInteger(fidelity))) {
      throw new InvalidConfigError(`Fidelity ${name} = ${fidelity} is outside [${min}, ${max}]${integer ? ' or not an integer' : ''} (task '${task.id}').`);
    }
  } else if (fidelity !== undefined) {
    throw new InvalidConfigError(`Task '${task.id}' has no fidelity, but fidelity ${fidelity} was given.`);
  }
  return { ...trial, fidelity };
}

/**
 * Evaluates one trial and normalizes the outcome. An async evaluation is cut off at
 * `timeoutSeconds` (status 'timeout'); a synchronous one cannot be interrupted in-thread,
 * so it is marked 'timeout' afterwards when it took longer. NaN or infinite costs become
 * 'crashed'. A non-ok trial's cost is Infinity (per objective): the same value a resumed
 * run reads back from the store, so replay and live runs tell optimizers the same thing.
 * Exceptions propagate: a task that throws fails its run (the runner stores the error).
 */
export async function evaluateTrial(task: Task, trial: TrialInfo, timeoutSeconds?: number): Promise<TrialValue> {
  const start = performance.now();
  const pending = task.evaluate(trial);
  const result: TrialValue | typeof TIMED_OUT = pending instanceof Promise ? await withTimeout(pending, timeoutSeconds) : pending;
  const elapsed = (performance.now() - start) / 1000;
  if (result === TIMED_OUT || (timeoutSeconds !== undefined && elapsed > timeoutSeconds)) {
    return worst(task, 'timeout', elapsed, 0, { timeoutSeconds });
  }
  return normalizeValue(task, result);
}

export function normalizeValue(task: Task, value: TrialValue): TrialValue {
  const nObjectives = task.objectives.length;
  const cost = value.cost;
  const finite = typeof cost === 'number' ? Number.isFinite(cost) : cost.every(Number.isFinite);
  const shapeOk = nObjectives === 1 ? typeof cost === 'number' : Array.isArray(cost) && cost.length === nObjectives;
  if (!shapeOk) {
    throw new Error(`Task '${task.id}' returned cost ${JSON.stringify(cost)}; expected ${nObjectives === 1 ? 'a number' : `${nObjectives} numbers`}.`);
  }
  if (value.status === 'ok' && finite) return value;
  const status = value.status === 'ok' ? 'crashed' : value.status;
  const info = value.status === 'ok' ? { ...value.info, reason: 'non-finite cost', reportedCost: String(cost) } : value.info;
  return worst(task, status, value.wallTime, value.virtualTime, info);
}

export function worstCost(nObjectives: number): number | number[] {
  return nObjectives === 1 ? Infinity : Array(nObjectives).fill(Infinity);
}

function worst(task: Task, status: TrialValue['status'], wallTime: number, virtualTime: number, info?: Readonly<Record<string, unknown>>): TrialValue {
  return { cost: worstCost(task.objectives.length), status, wallTime, virtualTime, info };
}

const TIMED_OUT = Symbol('timed out');

async function withTimeout<T>(promise: Promise<T>, seconds?: number): Promise<T | typeof TIMED_OUT> {
  if (seconds === undefined) return promise;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), seconds * 1000);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
