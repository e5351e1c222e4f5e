import { insertNonDominated } from '../../core/index.js';
import type { TrialRecord } from '../../runner/index.js';
import { sampleSteps } from './grid.js';

/**
 * The simulated clock of a run. A trial ends at `simEnd` where the run loop recorded one
 * (runs with parallel trials, where trials overlap); otherwise trials ran one after another
 * and a trial ends at the cumulative sum of virtualTime up to and including it.
 */
export function simulatedTimes(trials: readonly TrialRecord[]): number[] {
  let clock = 0;
  return trials.map((trial) => {
    clock += trial.virtualTime;
    return trial.simEnd ?? clock;
  });
}

/**
 * What the time axis needs of a run, in order of simulated end time: the times at which the
 * single-objective incumbent improved and its new values, and the cost vectors that entered
 * the front (a vector dominated when it arrives can never be on a later front, so the front
 * at any time is rebuilt from these alone). Bounded by the run's trials, usually far fewer.
 */
export interface TimeEvents {
  readonly times: number[];
  readonly values: number[];
  readonly vectorTimes: number[];
  readonly vectors: number[][];
}

export function timeEvents(trials: readonly TrialRecord[], times: readonly number[]): TimeEvents {
  const order = trials.map((_, i) => i).sort((a, b) => times[a] - times[b] || a - b);
  const events: TimeEvents = { times: [], values: [], vectorTimes: [], vectors: [] };
  let best = Infinity;
  const front: number[][] = [];
  for (const i of order) {
    const { status, cost } = trials[i];
    if (status !== 'ok') continue;
    if (typeof cost === 'number') {
      if (Number.isFinite(cost) && cost < best) {
        best = cost;
        events.times.push(times[i]);
        events.values.push(cost);
      }
    } else if (Array.isArray(cost) && cost.every(Number.isFinite) && insertNonDominated(front, cost)) {
      events.vectorTimes.push(times[i]);
      events.vectors.push(cost);
    }
  }
  return events;
}

/** The single-objective incumbent on a time grid (fractions of `horizon`), as sampleSteps does on the budget grid. */
export function incumbentsOverTime(events: TimeEvents, horizon: number, grid: readonly number[]): (number | null)[] {
  return sampleSteps(events.times.map((t) => t / horizon), events.values, grid);
}

/** The front so far on a time grid (fractions of `horizon`): the entering vectors replayed in order. */
export function frontsOverTime(events: TimeEvents, horizon: number, grid: readonly number[]): (number[][] | null)[] {
  const fronts: number[][][] = [];
  let current: number[][] = [];
  for (const vector of events.vectors) {
    current = current.map((p) => p);
    insertNonDominated(current, vector);
    fronts.push(current);
  }
  return sampleSteps(events.vectorTimes.map((t) => t / horizon), fronts, grid);
}
