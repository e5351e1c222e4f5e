import type { TrialValue } from '../../core/index.js';

/** The scalar cost of a successful single-objective trial; undefined for a crashed one (status != ok, or non-finite cost). */
export function okCost(value: TrialValue): number | undefined {
  if (value.status !== 'ok') return undefined;
  const cost = typeof value.cost === 'number' ? value.cost : value.cost.length === 1 ? value.cost[0] : NaN;
  return Number.isFinite(cost) ? cost : undefined;
}

/**
 * "Crashed counts as the worst seen": remembers the worst finite cost told so far; a crashed trial
 * is ranked at that cost (at Number.MAX_VALUE before any trial succeeded, so arithmetic on it stays finite).
 */
export class WorstSeenPenalty {
  private worst = -Infinity;

  /** The cost to rank this trial by, learning from it if it succeeded. */
  costOf(value: TrialValue): number {
    const cost = okCost(value);
    if (cost === undefined) return this.penalty();
    if (cost > this.worst) this.worst = cost;
    return cost;
  }

  /** Learns a finite cost without a trial value (e.g. costs gathered elsewhere). */
  observe(cost: number): void {
    if (Number.isFinite(cost) && cost > this.worst) this.worst = cost;
  }

  penalty(): number {
    return this.worst === -Infinity ? Number.MAX_VALUE : this.worst;
  }
}
