import type { Rng } from '../../core/index.js';
import type { CandidateSpace, Point } from './candidateSpace.js';

/** A point of the unit cube (NaN for inactive slots) with its acquisition value (higher is better). */
export interface Candidate extends Point {
  readonly value: number;
}

/** Acquisition value of an encoded config; higher is better. */
export type Acquisition = (row: Float64Array) => number;

export interface SearchSettings {
  /** Random configs scored per ask (SMAC's `challengers`). */
  readonly challengers: number;
  /** Local searches started from the best random configs, and as many from the best observed ones (SMAC: 10). */
  readonly localSearchIterations: number;
  /** Steps along equal acquisition values before a local search stops (SMAC's n_steps_plateau_walk: 10). */
  readonly plateauWalks: number;
  /** Hard cap on the steps of one local search. */
  readonly maxSteps: number;
}

/** Keeps the `capacity` best candidates, best first (ties: earlier first). */
class TopList {
  readonly items: Candidate[] = [];
  constructor(private readonly capacity: number) {}

  accepts(value: number): boolean {
    return this.items.length < this.capacity || value > this.items[this.items.length - 1].value;
  }

  offer(candidate: Candidate): void {
    const items = this.items;
    if (!this.accepts(candidate.value)) return;
    let i = items.length;
    while (i > 0 && !(items[i - 1].value >= candidate.value)) i--;
    items.splice(i, 0, candidate);
    if (items.length > this.capacity) items.pop();
  }
}

/** SMAC's sorted random search: `count` random points, the best `keep` of them, best first. */
function sortedRandomCandidates(points: CandidateSpace, rng: Rng, count: number, keep: number, acquisition: Acquisition): Candidate[] {
  const top = new TopList(Math.max(1, keep));
  const row = new Float64Array(points.width);
  for (let i = 0; i < count; i++) {
    const config = points.sampleInto(rng, row);
    const value = acquisition(row);
    if (top.accepts(value)) top.offer({ row: row.slice(), config, value });
  }
  return top.items;
}

/**
 * One-exchange local search (SMAC's LocalSearch, simplified): walk the shuffled neighbourhood and
 * move to the first neighbour that improves; when none does, walk to a random equally good one
 * at most `plateauWalks` times in a row, else stop. `accept` can restrict the moves.
 */
export function localSearch(points: CandidateSpace, rng: Rng, start: Candidate, acquisition: Acquisition, settings: SearchSettings, accept?: (from: Candidate, to: Float64Array) => boolean): Candidate {
  let current = start;
  let plateau = 0;
  for (let step = 0; step < settings.maxSteps; step++) {
    const from = current;
    let next: Candidate | undefined;
    let tie: Candidate | undefined;
    let ties = 0;
    points.forEachNeighbour(from, rng, (row, config) => {
      if (accept && !accept(from, row)) return false;
      const value = acquisition(row);
      if (value > from.value) {
        next = { row: row.slice(), config, value };
        return true;
      }
      // Reservoir sampling keeps one uniformly drawn tie without copying every one.
      if (value === from.value && rng.random() * ++ties < 1) tie = { row: row.slice(), config, value };
      return false;
    });
    if (next) {
      current = next;
      plateau = 0;
    } else if (tie && plateau < settings.plateauWalks) {
      current = tie;
      plateau++;
    } else break;
  }
  return current;
}

/**
 * SMAC's LocalAndSortedRandomSearch: local searches from the best random points and from the
 * given observed points (best predicted first); returns their end points and the best random
 * points, best first, for the caller to take the first config not evaluated yet.
 */
export function maximizeAcquisition(
  points: CandidateSpace,
  rng: Rng,
  acquisition: Acquisition,
  observedStarts: readonly Candidate[],
  settings: SearchSettings,
  improve: (start: Candidate) => Candidate = (start) => localSearch(points, rng, start, acquisition, settings),
): Candidate[] {
  const k = settings.localSearchIterations;
  const random = sortedRandomCandidates(points, rng, settings.challengers, k + 10, acquisition);
  const starts = [...observedStarts.slice(0, k), ...random.slice(0, k)];
  const results = starts.map(improve);
  return [...results, ...random].sort((a, b) => b.value - a.value);
}
