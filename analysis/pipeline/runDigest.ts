import { insertNonDominated } from '../../core/index.js';
import type { RunRecord, TrialRecord } from '../../runner/index.js';
import { sampleSteps } from './grid.js';
import { simulatedTimes, timeEvents, type TimeEvents } from './simulatedTime.js';

/** A run row as the analysis keeps it. */
export interface RunRow {
  readonly run_id: number;
  readonly optimizer: string;
  readonly task: string;
  readonly seed: number;
  readonly status: string;
  readonly n_trials: number;
  readonly budget_used: number;
  readonly error: string | null;
}

/** Why a run is or is not analysed. */
export type RunInclusion = 'included' | 'failed' | 'running' | 'pending' | 'no successful trial';

/**
 * What the analysis keeps of one run once its trials have gone by: a fixed amount per run
 * (the incumbent on the budget grid, the final incumbent, the range of its successful costs),
 * whatever its number of trials. Multi-objective runs keep the front so far at each grid point
 * (one array shared while the front does not change) and their final front.
 * With the time axis, the incumbent's changes on the simulated clock (see simulatedTime.ts).
 */
export interface RunDigest {
  readonly run: RunRow;
  readonly trials: number;
  readonly okTrials: number;
  readonly inclusion: RunInclusion;
  /** Single objective: the lowest successful cost so far at each budget-grid point (null before the first). */
  readonly incumbents: (number | null)[];
  /** Multi-objective: the non-dominated set so far at each budget-grid point. */
  readonly fronts: (number[][] | null)[];
  readonly finalIncumbent: number | null;
  readonly finalFront: number[][] | null;
  /** Smallest and largest successful scalar cost (every successful trial, not only improvements). */
  readonly costRange: { min: number; max: number } | null;
  /** Number of objectives of the first trial with a cost vector (0: none). */
  readonly objectives: number;
  /** Simulated clock: the run's end and its incumbent's changes (only when the time axis is asked for). */
  readonly time?: { readonly end: number; readonly events: TimeEvents };
}

export function runRow(run: RunRecord): RunRow {
  return {
    run_id: run.id, optimizer: run.optimizerLabel, task: run.task, seed: run.seed, status: run.status,
    n_trials: run.nTrials, budget_used: run.budgetUsed, error: run.error,
  };
}

/**
 * Stage 2 (incumbents), one run at a time: the incumbent after each trial, sampled on the
 * budget-fraction grid (budget used / the run's n_trials). Single objective: the lowest
 * successful finite cost so far; multi-objective: the non-dominated set of the successful
 * finite cost vectors so far. Crashed, timed-out and memory-out trials never count; they
 * still advance the budget.
 */
export function digestRun(record: RunRecord, trials: readonly TrialRecord[], grid: readonly number[], withTime: boolean): RunDigest {
  const run = runRow(record);
  const fractions = new Array<number>(trials.length);
  const incumbent = new Array<number | null>(trials.length);
  const front = new Array<number[][] | null>(trials.length);
  let best: number | null = null;
  let currentFront: number[][] | null = null;
  let okTrials = 0;
  let costRange: { min: number; max: number } | null = null;
  let objectives = 0;
  trials.forEach((trial, i) => {
    const cost = trial.cost;
    if (objectives === 0 && Array.isArray(cost)) objectives = cost.length;
    if (trial.status === 'ok') {
      okTrials++;
      if (typeof cost === 'number') {
        if (!costRange) costRange = { min: cost, max: cost };
        else {
          if (cost < costRange.min) costRange.min = cost;
          if (cost > costRange.max) costRange.max = cost;
        }
        if (Number.isFinite(cost) && (best === null || cost < best)) best = cost;
      } else if (Array.isArray(cost) && cost.every(Number.isFinite)) {
        const next: number[][] = currentFront ? currentFront.map((p) => p) : [];
        if (insertNonDominated(next, cost)) currentFront = next;
      }
    }
    fractions[i] = run.n_trials > 0 ? trial.budgetUsed / run.n_trials : 1;
    incumbent[i] = best;
    front[i] = currentFront;
  });
  const hasIncumbent = best !== null || ((currentFront as number[][] | null)?.length ?? 0) > 0;
  // An interrupted run waits to be resumed, as a pending one does.
  const inclusion: RunInclusion = run.status === 'interrupted' ? 'pending' : run.status !== 'done' ? (run.status as RunInclusion) : hasIncumbent ? 'included' : 'no successful trial';
  const times = withTime ? simulatedTimes(trials) : undefined;
  return {
    run, trials: trials.length, okTrials, inclusion,
    incumbents: sampleSteps(fractions, incumbent, grid), fronts: sampleSteps(fractions, front, grid),
    finalIncumbent: best, finalFront: currentFront, costRange: inclusion === 'included' ? costRange : null, objectives,
    ...(times ? { time: { end: times.reduce((m, t) => Math.max(m, t), 0), events: timeEvents(trials, times) } } : {}),
  };
}
