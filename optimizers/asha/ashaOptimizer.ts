import type { Config, IncumbentEntry, Optimizer, TaskView, TrialInfo, TrialValue } from '../../core/index.js';
import type { ConfigSampler } from '../multiFidelity/configSamplers.js';
import type { FidelityLadder } from '../multiFidelity/fidelityLadder.js';
import { HighestBudgetIncumbent } from '../multiFidelity/highestBudgetIncumbent.js';
import { okCostVector } from '../multiObjective/costVector.js';
import { PendingTrials } from '../shared/proposal.js';

interface AshaEntry {
  readonly config: Config;
  /** Cost to rank by; Infinity for a crashed trial. */
  readonly cost: number;
  readonly order: number;
  promoted: boolean;
}

/**
 * Asynchronous Successive Halving (Li et al. 2020, Algorithm 2, min early-stopping rate 0):
 * rungs k = 0..sMax at the ladder's budgets. Each ask promotes, from the highest rung down, the
 * best not yet promoted configuration among the top floor(n_k / eta) told in rung k; when no
 * rung has one, a new configuration starts at rung 0. Nothing waits for a rung to fill, so it
 * works with any number of trials in flight, and sequentially.
 */
export class AshaOptimizer implements Optimizer {
  private readonly rungs: AshaEntry[][];
  private readonly pending: PendingTrials<number>;
  private readonly tracker: HighestBudgetIncumbent;
  private told = 0;

  constructor(private readonly view: TaskView, private readonly ladder: FidelityLadder, private readonly sampler: ConfigSampler) {
    this.rungs = ladder.budgets.map(() => []);
    this.pending = new PendingTrials(view.space.names);
    this.tracker = new HighestBudgetIncumbent(view.fidelity?.max);
  }

  ask(): TrialInfo {
    for (let k = this.rungs.length - 2; k >= 0; k--) {
      const candidate = this.promotable(k);
      if (candidate) {
        candidate.promoted = true;
        return this.propose(candidate.config, k + 1);
      }
    }
    return this.propose(this.sampler.next(this.ladder.budgets[0]), 0);
  }

  tell(info: TrialInfo, value: TrialValue): void {
    this.tracker.observe(info, value);
    const cost = okCostVector(value, this.view.objectives.length);
    const rung = this.pending.take(info);
    if (rung !== undefined) this.rungs[rung].push({ config: info.config, cost: cost ? cost[0] : Infinity, order: this.told++, promoted: false });
    this.sampler.observe?.(info, cost);
  }

  incumbent(): readonly IncumbentEntry[] {
    return this.tracker.get();
  }

  private propose(config: Config, rung: number): TrialInfo {
    const info: TrialInfo = { config, fidelity: this.ladder.budgets[rung] };
    this.pending.add(info, rung);
    return info;
  }

  /** The best unpromoted, successful entry among the top floor(n / eta) of rung k. */
  private promotable(k: number): AshaEntry | undefined {
    const entries = this.rungs[k];
    const top = Math.floor(entries.length / this.ladder.eta);
    if (top === 0) return undefined;
    const ranked = [...entries].sort((a, b) => a.cost - b.cost || a.order - b.order).slice(0, top);
    return ranked.find((e) => !e.promoted && Number.isFinite(e.cost));
  }
}
