import { IncumbentTracker, Rng, type Config, type Optimizer, type TaskView, type TrialInfo, type TrialValue } from '../../core/index.js';
import { WorstSeenPenalty } from '../shared/crashPenalty.js';
import { latinHypercube } from '../shared/latinHypercube.js';
import { PendingTrials, proposeAt } from '../shared/proposal.js';
import { decodeUnit, encodeFilled } from '../shared/unitCube.js';

/** Mutations tried per ask before an allowed (non-forbidden) config is sampled from the space instead. */
const MAX_FORBIDDEN_RETRIES = 20;

export interface DeSettings {
  readonly popsize: number;
  readonly F: number;
  readonly F2: number;
  readonly CR: number;
  readonly strategy: 'rand1bin' | 'currenttobest1bin';
  readonly initialization: 'random' | 'lhs';
}

/** One population slot: its current member and that member's cost (undefined while not yet told). */
interface Slot {
  x: Float64Array;
  cost: number | undefined;
}

/**
 * Differential evolution in the unit cube of the search space, steady-state and asynchronous as
 * Nevergrad's DE: the first `popsize` asks fill the population with random points; afterwards
 * each ask mutates the next target slot (round robin) and the told trial replaces its target when
 * it is at least as good. Mutation rand/1 (v = x_r1 + F (x_r2 - x_r3)) or current-to-best/1
 * (v = x_i + F (x_r1 - x_r2) + F2 (x_best - x_i), Nevergrad's variant), then binomial crossover
 * with rate CR; coordinates leaving [0, 1] bounce back between the target and the violated face.
 * Crashed trials count as the worst cost seen.
 */
export class DifferentialEvolution implements Optimizer {
  private readonly rng: Rng;
  private readonly fallbackRng: Rng;
  private readonly tracker: IncumbentTracker;
  private readonly penalty = new WorstSeenPenalty();
  private readonly pending: PendingTrials<{ slot: number; x: Float64Array }>;
  private readonly slots: Slot[] = [];
  private readonly initialPoints: Float64Array[] | undefined;
  private target = 0;
  private readonly d: number;

  constructor(
    private readonly view: TaskView,
    seed: number,
    private readonly settings: DeSettings,
  ) {
    const root = new Rng(seed);
    this.rng = root.split('de');
    this.fallbackRng = root.split('fallback');
    this.tracker = new IncumbentTracker(view.fidelity?.max);
    this.d = view.space.dimension;
    this.pending = new PendingTrials(view.space.names);
    if (settings.initialization === 'lhs') this.initialPoints = latinHypercube(settings.popsize, this.d, root.split('lhs'));
  }

  ask(): TrialInfo {
    if (this.slots.length < this.settings.popsize) {
      const index = this.slots.length;
      const start = this.initialPoints?.[index] ?? Float64Array.from({ length: this.d }, () => this.rng.random());
      const { x, config } = this.allowed(() => start, () => Float64Array.from({ length: this.d }, () => this.rng.random()));
      this.slots.push({ x, cost: undefined });
      return this.propose(index, x, config);
    }
    const index = this.target;
    this.target = (this.target + 1) % this.slots.length;
    const { x, config } = this.allowed(() => this.trialVector(index));
    return this.propose(index, x, config);
  }

  tell(info: TrialInfo, value: TrialValue): void {
    this.tracker.observe(info, value);
    const cost = this.penalty.costOf(value);
    const entry = this.pending.take(info);
    if (!entry) return;
    const slot = this.slots[entry.slot];
    if (slot.x === entry.x) slot.cost = cost;
    else if (cost <= (slot.cost ?? Infinity)) {
      slot.x = entry.x;
      slot.cost = cost;
    }
  }

  incumbent() {
    return this.tracker.get();
  }

  private propose(slot: number, x: Float64Array, config: Config): TrialInfo {
    const info = proposeAt(this.view, config);
    this.pending.add(info, { slot, x });
    return info;
  }

  /** First candidate whose config is allowed; else a config sampled from the space (re-encoded). */
  private allowed(first: () => Float64Array, retry: () => Float64Array = first): { x: Float64Array; config: Config } {
    for (let attempt = 0; attempt < MAX_FORBIDDEN_RETRIES; attempt++) {
      const x = attempt === 0 ? first() : retry();
      const config = decodeUnit(this.view.space, x);
      if (!this.view.space.isForbidden(config)) return { x, config };
    }
    const config = this.view.space.sample(this.fallbackRng);
    return { x: encodeFilled(this.view.space, config, () => this.fallbackRng.random()), config };
  }

  private trialVector(i: number): Float64Array {
    const { F, F2, CR, strategy } = this.settings;
    const n = this.slots.length;
    const [r1, r2, r3] = distinctOthers(i, n, 3, this.rng);
    const target = this.slots[i].x;
    const xs = (k: number) => this.slots[k].x;
    const best = strategy === 'currenttobest1bin' ? xs(this.bestSlot()) : target;
    const forced = this.rng.int(0, this.d - 1);
    const out = Float64Array.from(target);
    for (let j = 0; j < this.d; j++) {
      if (j !== forced && !(this.rng.random() < CR)) continue;
      const v = strategy === 'rand1bin' ? xs(r1)[j] + F * (xs(r2)[j] - xs(r3)[j]) : target[j] + F * (xs(r1)[j] - xs(r2)[j]) + F2 * (best[j] - target[j]);
      out[j] = v < 0 ? this.rng.random() * target[j] : v > 1 ? target[j] + this.rng.random() * (1 - target[j]) : v;
    }
    return out;
  }

  private bestSlot(): number {
    let best = 0;
    for (let k = 1; k < this.slots.length; k++) if ((this.slots[k].cost ?? Infinity) < (this.slots[best].cost ?? Infinity)) best = k;
    return best;
  }
}

/** `count` distinct indices of 0..n-1 other than `exclude` (repeating when the population is too small). */
function distinctOthers(exclude: number, n: number, count: number, rng: Rng): number[] {
  const picked: number[] = [];
  if (n - 1 < count) {
    for (let c = 0; c < count; c++) picked.push(n === 1 ? exclude : (exclude + 1 + (c % (n - 1))) % n);
    return picked;
  }
  while (picked.length < count) {
    const k = rng.int(0, n - 1);
    if (k !== exclude && !picked.includes(k)) picked.push(k);
  }
  return picked;
}
