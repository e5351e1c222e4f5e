import { IncumbentTracker, Rng, type Config, type Optimizer, type TaskView, type TrialInfo, type TrialValue } from '../../core/index.js';
import { WorstSeenPenalty, okCost } from '../shared/crashPenalty.js';
import { cellLayout } from '../shared/discreteCells.js';
import { PendingTrials, proposeAt } from '../shared/proposal.js';
import { clampToUnit, decodeUnit, mirrorToUnit } from '../shared/unitCube.js';
import { CmaState } from './cmaState.js';
import { Margin } from './margin.js';
import { defaultPopulationSize } from './strategyParameters.js';
import { Termination, type StopReason } from './termination.js';

/** Samples drawn per ask before falling back (out-of-bounds under 'resample', or forbidden). */
const MAX_RESAMPLING = 100;

export interface CmaSettings {
  readonly sigma0: number;
  readonly popsize: number | undefined;
  readonly restart: 'ipop' | 'none';
  readonly incPopsize: number;
  readonly withMargin: boolean;
  readonly bounds: 'resample' | 'mirror';
  readonly x0: 'center' | 'random';
}

interface Member {
  readonly raw: Float64Array;
  readonly info: TrialInfo;
  cost?: number;
}

interface Generation {
  readonly id: number;
  readonly members: Member[];
  told: number;
}

/**
 * CMA-ES on the unit cube of the search space (Hansen's tutorial defaults, active weights) with
 * IPOP restarts, CMA-ES with margin for integer/ordinal/categorical coordinates, and bounds kept
 * by resampling (then mirroring). Hyperparameters with a single value (constants) are left out
 * of the distribution. Asks are served from the current generation one at a time; tells may come
 * in any order; once a generation is fully asked but not yet fully told, extra asks are sampled
 * from the same distribution and do not take part in the update. Crashed trials rank at the
 * worst cost seen.
 */
export class CmaEs implements Optimizer {
  private readonly rng: Rng;
  private readonly fallbackRng: Rng;
  private readonly tracker: IncumbentTracker;
  private readonly penalty = new WorstSeenPenalty();
  private readonly pending: PendingTrials<{ generation: number; index: number }>;
  /** Slots (in the space's hyperparameter order) that CMA-ES moves, and their cell layout. */
  private readonly slots: number[] = [];
  private readonly thresholds: Array<readonly number[] | undefined> = [];
  private state!: CmaState;
  private termination!: Termination;
  private margin: Margin | undefined;
  private generation: Generation = { id: 0, members: [], told: 0 };
  private restarts = -1;
  private lastStop: StopReason | undefined;

  constructor(
    private readonly view: TaskView,
    seed: number,
    private readonly settings: CmaSettings,
  ) {
    const root = new Rng(seed);
    this.rng = root.split('cmaes');
    this.fallbackRng = root.split('fallback');
    this.tracker = new IncumbentTracker(view.fidelity?.max);
    this.pending = new PendingTrials(view.space.names);
    view.space.hyperparameters.forEach((hp, slot) => {
      const layout = cellLayout(hp);
      if (layout.kind === 'discrete' && layout.thresholds.length === 0) return;
      this.slots.push(slot);
      this.thresholds.push(layout.kind === 'discrete' ? layout.thresholds : undefined);
    });
    if (this.slots.length > 0) this.startRun(settings.popsize ?? defaultPopulationSize(this.slots.length), settings.x0 === 'random');
  }

  ask(): TrialInfo {
    if (this.slots.length === 0) return proposeAt(this.view, this.allowed(decodeUnit(this.view.space, this.fullVector([]))));
    const g = this.generation;
    const member = this.sampleMember();
    const index = g.members.length < this.state.lambda ? g.members.push(member) - 1 : -1;
    this.pending.add(member.info, { generation: g.id, index });
    return member.info;
  }

  tell(info: TrialInfo, value: TrialValue): void {
    this.tracker.observe(info, value);
    const cost = okCost(value);
    if (cost !== undefined) this.penalty.observe(cost);
    const entry = this.pending.take(info);
    const g = this.generation;
    if (!entry || entry.generation !== g.id || entry.index < 0) return;
    const member = g.members[entry.index];
    if (member.cost !== undefined) return;
    member.cost = cost ?? NaN;
    g.told += 1;
    if (g.told === this.state.lambda) this.finishGeneration();
  }

  incumbent() {
    return this.tracker.get();
  }

  /** Internal state, for tests and diagnostics. */
  diagnostics() {
    return {
      restarts: this.restarts,
      popsize: this.state?.lambda ?? 0,
      generation: this.state?.generation ?? 0,
      sigma: this.state?.sigma ?? 0,
      dimension: this.slots.length,
      lastStop: this.lastStop,
      mean: this.state ? Float64Array.from(this.state.mean) : new Float64Array(0),
    };
  }

  private startRun(popsize: number, randomMean: boolean): void {
    const n = this.slots.length;
    const mean = Float64Array.from({ length: n }, () => (randomMean ? this.rng.random() : 0.5));
    this.state = new CmaState(mean, this.settings.sigma0, popsize);
    this.termination = new Termination(this.state, this.settings.sigma0);
    const anyDiscrete = this.thresholds.some((t) => t !== undefined);
    this.margin = this.settings.withMargin && anyDiscrete ? new Margin(this.thresholds, 1 / (n * popsize)) : undefined;
    this.restarts += 1;
    this.generation = { id: this.generation.id + 1, members: [], told: 0 };
  }

  private finishGeneration(): void {
    const members = this.generation.members;
    const worst = this.penalty.penalty();
    const costs = members.map((m) => (Number.isNaN(m.cost) ? worst : (m.cost as number)));
    this.state.update(
      members.map((m) => m.raw),
      costs,
    );
    this.margin?.correct(this.state);
    this.termination.record(costs);
    const reason = this.termination.check();
    if (reason !== undefined) this.lastStop = reason;
    if (reason !== undefined && (this.settings.restart === 'ipop' || reason === 'numerics')) {
      const grow = this.settings.restart === 'ipop' ? this.settings.incPopsize : 1;
      this.startRun(Math.round(this.state.lambda * grow), true);
      return;
    }
    this.generation = { id: this.generation.id + 1, members: [], told: 0 };
  }

  /** A sample of the current distribution that decodes inside the bounds and to an allowed config. */
  private sampleMember(): Member {
    for (let attempt = 0; attempt < MAX_RESAMPLING; attempt++) {
      const raw = this.state.sample(this.rng);
      const lastTry = attempt === MAX_RESAMPLING - 1;
      if (this.settings.bounds === 'resample' && !lastTry && !this.inBounds(raw)) continue;
      this.mirrorBounded(raw);
      const config = this.view.space.decode(this.fullVector(raw)); // fullVector already clamps
      if (!this.view.space.isForbidden(config)) return { raw, info: proposeAt(this.view, config) };
    }
    return this.memberOf(this.view.space.sample(this.fallbackRng));
  }

  /** A member for a config sampled outside the distribution: its raw vector is placed where it decodes from. */
  private memberOf(config: Config): Member {
    const encoded = this.view.space.encode(config);
    const raw = Float64Array.from(this.slots, (slot, i) => {
      const u = encoded[slot];
      if (Number.isNaN(u)) return this.state.mean[i];
      return this.margin?.isDiscrete(i) ? this.margin.rawOf(this.state, i, u) : u;
    });
    return { raw, info: proposeAt(this.view, config) };
  }

  /** Coordinates kept in [0, 1]: continuous ones, and discrete ones when the margin is off. */
  private isBounded(i: number): boolean {
    return !this.margin?.isDiscrete(i);
  }

  private inBounds(raw: Float64Array): boolean {
    for (let i = 0; i < raw.length; i++) if (this.isBounded(i) && !(raw[i] >= 0 && raw[i] <= 1)) return false;
    return true;
  }

  private mirrorBounded(raw: Float64Array): void {
    for (let i = 0; i < raw.length; i++) if (this.isBounded(i)) raw[i] = mirrorToUnit(raw[i]);
  }

  /** The unit-cube vector of a raw CMA vector: slots left out of CMA-ES sit at their centre. */
  private fullVector(raw: ArrayLike<number>): Float64Array {
    const unit = new Float64Array(this.view.space.dimension).fill(0.5);
    for (let i = 0; i < raw.length; i++) {
      const u = this.margin?.isDiscrete(i) ? this.margin.encode(this.state, i, raw[i]) : raw[i];
      unit[this.slots[i]] = clampToUnit(u);
    }
    return unit;
  }

  private allowed(config: Config): Config {
    return this.view.space.isForbidden(config) ? this.view.space.sample(this.fallbackRng) : config;
  }
}
