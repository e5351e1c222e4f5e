import type { IncumbentEntry, Optimizer, TaskView, TrialInfo, TrialValue } from '../../core/index.js';
import { AshaOptimizer } from '../asha/ashaOptimizer.js';
import type { ConfigSampler } from '../multiFidelity/configSamplers.js';
import type { FidelityLadder } from '../multiFidelity/fidelityLadder.js';
import { HighestBudgetIncumbent } from '../multiFidelity/highestBudgetIncumbent.js';
import { PendingTrials } from '../shared/proposal.js';

/**
 * Asynchronous Hyperband (Li et al. 2020, section 3.2): one ASHA per bracket s = 0..sMax, bracket
 * s with minimum early-stopping rate s (its rungs start at the ladder's level s, so bracket sMax
 * runs every configuration at the full budget). Asks go to the brackets in turn, each tell to
 * the bracket that asked; no bracket ever waits for a rung to fill. It hedges ASHA's bet on
 * early rungs the way Hyperband hedges Successive Halving's.
 */
export class AsyncHyperbandOptimizer implements Optimizer {
  private readonly brackets: AshaOptimizer[];
  private readonly pending: PendingTrials<number>;
  private readonly tracker: HighestBudgetIncumbent;
  private asked = 0;

  constructor(view: TaskView, ladder: FidelityLadder, sampler: ConfigSampler) {
    this.brackets = ladder.budgets.map((_, s) => new AshaOptimizer(view, { eta: ladder.eta, sMax: ladder.sMax - s, budgets: ladder.budgets.slice(s) }, sampler));
    this.pending = new PendingTrials(view.space.names);
    this.tracker = new HighestBudgetIncumbent(view.fidelity?.max);
  }

  ask(): TrialInfo {
    const s = this.asked++ % this.brackets.length;
    const info = this.brackets[s].ask();
    this.pending.add(info, s);
    return info;
  }

  tell(info: TrialInfo, value: TrialValue): void {
    this.tracker.observe(info, value);
    // A trial no bracket asked (replayed to a changed optimizer) still feeds the config sampler, through bracket 0.
    this.brackets[this.pending.take(info) ?? 0].tell(info, value);
  }

  incumbent(): readonly IncumbentEntry[] {
    return this.tracker.get();
  }
}
