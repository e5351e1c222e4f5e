import type { Config, IncumbentEntry, Optimizer, TaskView, TrialInfo, TrialValue } from '../../core/index.js';
import { okCostVector } from '../multiObjective/costVector.js';
import { PendingTrials } from '../shared/proposal.js';
import { Bracket } from './bracket.js';
import type { BracketPlan } from './brackets.js';
import { HighestBudgetIncumbent } from './highestBudgetIncumbent.js';

/** Where an asked trial sits: its bracket and rung. */
export interface Slot {
  readonly bracket: Bracket;
  readonly rung: number;
}

/** What a method adds to the shared bracket loop: the config of each slot, and what it learns from tells. */
export interface RungFiller {
  configFor(bracket: Bracket, rung: number): Config;
  /** Every told trial (`slot` undefined when it was not asked by this optimizer); `cost` undefined when it crashed. */
  observe?(info: TrialInfo, value: TrialValue, cost: readonly number[] | undefined, slot: Slot | undefined): void;
}

/**
 * Hyperband's loop over Successive Halving brackets, sequential or not: ask hands out the next
 * slot of the oldest bracket that can go on (a rung starts once the rung below is fully told) and
 * opens the next bracket of the schedule when every open one waits for tells (as DEHB and SMAC3
 * do), so asking ahead never blocks. The incumbent is the best at the highest budget observed
 * (SMAC3's highest_observed_budget): the max-fidelity incumbent once a max-fidelity trial succeeded.
 */
export class BracketOptimizer implements Optimizer {
  private readonly active: Bracket[] = [];
  private readonly pending: PendingTrials<Slot>;
  private readonly tracker: HighestBudgetIncumbent;
  private iteration = 0;
  private told = 0;

  constructor(private readonly view: TaskView, private readonly schedule: (iteration: number) => BracketPlan, private readonly filler: RungFiller) {
    this.pending = new PendingTrials(view.space.names);
    this.tracker = new HighestBudgetIncumbent(view.fidelity?.max);
  }

  ask(): TrialInfo {
    const slot = this.nextSlot();
    const rung = slot.bracket.rungs[slot.rung];
    const config = this.filler.configFor(slot.bracket, slot.rung);
    rung.asked++;
    const info: TrialInfo = { config, fidelity: rung.budget };
    this.pending.add(info, slot);
    return info;
  }

  tell(info: TrialInfo, value: TrialValue): void {
    this.tracker.observe(info, value);
    const cost = okCostVector(value, this.view.objectives.length);
    const slot = this.pending.take(info);
    if (slot) {
      slot.bracket.rungs[slot.rung].told.push({ config: info.config, cost, order: this.told++ });
      if (slot.bracket.done) this.active.splice(this.active.indexOf(slot.bracket), 1);
    }
    this.filler.observe?.(info, value, cost, slot);
  }

  incumbent(): readonly IncumbentEntry[] {
    return this.tracker.get();
  }

  private nextSlot(): Slot {
    for (const bracket of this.active) {
      const rung = bracket.askableRung();
      if (rung !== undefined) return { bracket, rung };
    }
    const bracket = new Bracket(this.iteration, this.schedule(this.iteration));
    this.iteration++;
    this.active.push(bracket);
    return { bracket, rung: 0 };
  }
}
