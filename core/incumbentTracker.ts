import { dominates } from './pareto.js';
import type { IncumbentEntry, TrialInfo, TrialValue } from './trial.js';

/**
 * Keeps the incumbent from told trials: the lowest cost (single objective) or the
 * non-dominated set (multi-objective). Crashed trials and non-finite costs never count.
 * With `maxFidelityOnly`, only trials at the task's max fidelity count (multi-fidelity).
 */
export class IncumbentTracker {
  private entries: IncumbentEntry[] = [];

  constructor(private readonly maxFidelity?: number) {}

  observe(info: TrialInfo, value: TrialValue): void {
    if (value.status !== 'ok') return;
    if (this.maxFidelity !== undefined && info.fidelity !== undefined && info.fidelity < this.maxFidelity) return;
    const entry: IncumbentEntry = { config: info.config, fidelity: info.fidelity, cost: value.cost };
    if (typeof value.cost === 'number') {
      if (!Number.isFinite(value.cost)) return;
      const best = this.entries[0];
      if (!best || value.cost < (best.cost as number)) this.entries = [entry];
      return;
    }
    const cost = value.cost;
    if (!cost.every(Number.isFinite)) return;
    if (this.entries.some((e) => dominates(e.cost as number[], cost))) return;
    this.entries = this.entries.filter((e) => !dominates(cost, e.cost as number[]));
    this.entries.push(entry);
  }

  get(): readonly IncumbentEntry[] {
    return this.entries;
  }
}
