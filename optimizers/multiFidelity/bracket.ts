import type { Config } from '../../core/index.js';
import type { BracketPlan } from './brackets.js';

/** A told trial of a rung: its config, its cost vector (undefined when it crashed) and when it was told. */
export interface RungEntry {
  readonly config: Config;
  readonly cost: readonly number[] | undefined;
  readonly order: number;
}

export interface Rung {
  readonly budget: number;
  readonly size: number;
  /** Slots handed out by ask. */
  asked: number;
  readonly told: RungEntry[];
  /** The configs this rung runs, in order, once chosen (promotions); fillers own it. */
  queue?: Config[];
}

/**
 * The bookkeeping of one synchronous Successive Halving bracket (DEHB's SHBracketManager): a
 * rung hands out its slots only once every slot of the rung below has been told, so promotions
 * always see the whole rung.
 */
export class Bracket {
  readonly rungs: Rung[];

  constructor(readonly id: number, plan: BracketPlan) {
    this.rungs = plan.sizes.map((size, i) => ({ budget: plan.budgets[i], size, asked: 0, told: [] }));
  }

  /** The rung whose next slot may be asked now, or undefined when the bracket waits for tells or is fully asked. */
  askableRung(): number | undefined {
    for (let r = 0; r < this.rungs.length; r++) {
      const rung = this.rungs[r];
      if (rung.asked >= rung.size) continue;
      return r === 0 || this.isComplete(r - 1) ? r : undefined;
    }
    return undefined;
  }

  isComplete(rung: number): boolean {
    return this.rungs[rung].told.length >= this.rungs[rung].size;
  }

  get done(): boolean {
    return this.rungs.every((_, r) => this.isComplete(r));
  }
}
