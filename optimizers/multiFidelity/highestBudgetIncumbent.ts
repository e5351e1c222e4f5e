import { IncumbentTracker, type IncumbentEntry, type TrialInfo, type TrialValue } from '../../core/index.js';

/**
 * SMAC3's incumbent_selection 'highest_observed_budget': the best config (or the non-dominated
 * set) among the successful trials at the highest budget evaluated so far. Once a trial at the
 * task's maximum fidelity succeeded, this is the max-fidelity incumbent; before, a bracket method
 * still has an answer (early in a run every trial is a low-fidelity one).
 */
export class HighestBudgetIncumbent {
  private readonly byBudget = new Map<number, IncumbentTracker>();

  constructor(private readonly maxFidelity: number | undefined) {}

  observe(info: TrialInfo, value: TrialValue): void {
    const budget = info.fidelity ?? this.maxFidelity ?? 0;
    let tracker = this.byBudget.get(budget);
    if (!tracker) this.byBudget.set(budget, (tracker = new IncumbentTracker()));
    tracker.observe(info, value);
  }

  get(): readonly IncumbentEntry[] {
    let best: readonly IncumbentEntry[] = [];
    let highest = -Infinity;
    for (const [budget, tracker] of this.byBudget) {
      const entries = tracker.get();
      if (entries.length > 0 && budget > highest) {
        highest = budget;
        best = entries;
      }
    }
    return best;
  }
}
