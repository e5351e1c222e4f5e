import type { Config, Rng, SearchSpace, TrialInfo, TrialValue } from '../../core/index.js';
import type { Bracket } from '../multiFidelity/bracket.js';
import type { RungFiller } from '../multiFidelity/bracketOptimizer.js';
import type { BracketPlan } from '../multiFidelity/brackets.js';
import type { FidelityLadder } from '../multiFidelity/fidelityLadder.js';
import { WorstSeenPenalty } from '../shared/crashPenalty.js';
import { PendingTrials } from '../shared/proposal.js';
import { decodeUnit, encodeFilled } from '../shared/unitCube.js';

export interface DehbSettings {
  readonly mutationFactor: number;
  readonly crossoverProb: number;
  readonly boundaryFix: 'random' | 'clip';
}

/** One DE subpopulation: the members (unit-cube vectors), their fitness (Infinity until evaluated) and DEHB's bookkeeping. */
interface Subpopulation {
  readonly xs: Float64Array[];
  readonly fitness: number[];
  parentCounter: number;
  promotion: Float64Array[];
}

/** rand/1 needs three distinct members (DEHB's _min_pop_size for 'rand1'). */
const MIN_POP = 3;
const FORBIDDEN_RETRIES = 20;

/**
 * DEHB's configuration logic (automl/DEHB, dehb.py and de.py) on top of the shared bracket loop:
 * one DE subpopulation per budget, sized for the largest rung any bracket runs at that budget and
 * filled with random configs. Each slot picks its parent round robin in the subpopulation of its
 * budget. In the first Hyperband round, the rungs above a bracket's first are filled by promotion
 * (the best evaluated members of the lower budget's subpopulation not yet in this one); otherwise
 * a child is made by rand/1 mutation from the best `rung size` members of the lower budget's
 * subpopulation (the same budget for a first rung; topped up with mutants of the global
 * population when fewer than 3), binomial crossover with the parent and a boundary fix. When the
 * child is told, it replaces its parent if it is at least as good. Crashed trials count as the
 * worst cost seen.
 */
export class DehbFiller implements RungFiller {
  private readonly pops: Subpopulation[];
  private readonly pending: PendingTrials<{ level: number; parent: number; x: Float64Array }>;
  private readonly penalty = new WorstSeenPenalty();
  private readonly d: number;

  constructor(private readonly space: SearchSpace, private readonly ladder: FidelityLadder, plans: readonly BracketPlan[], private readonly settings: DehbSettings, private readonly rng: Rng) {
    this.d = space.dimension;
    this.pending = new PendingTrials(space.names);
    const sizes = new Array<number>(ladder.sMax + 1).fill(0);
    for (const plan of plans) {
      plan.sizes.forEach((size, i) => {
        const level = this.levelOf(plan.sizes.length, i);
        sizes[level] = Math.max(sizes[level], size);
      });
    }
    this.pops = sizes.map((size) => ({
      xs: Array.from({ length: Math.max(1, size) }, () => this.randomVector()),
      fitness: new Array<number>(Math.max(1, size)).fill(Infinity),
      parentCounter: 0,
      promotion: [],
    }));
  }

  configFor(bracket: Bracket, rung: number): Config {
    const level = this.levelOf(bracket.rungs.length, rung);
    const pop = this.pops[level];
    const parent = pop.parentCounter;
    pop.parentCounter = (pop.parentCounter + 1) % pop.xs.length;
    const lower = rung === 0 ? level : level - 1;
    const size = bracket.rungs[rung].size;
    const firstRound = bracket.id <= this.ladder.sMax;
    let x: Float64Array | undefined = firstRound && rung > 0 ? this.promotionCandidate(lower, level, size) : undefined;
    let config: Config | undefined = x ? decodeUnit(this.space, x) : undefined;
    for (let t = 0; !config && t < FORBIDDEN_RETRIES; t++) {
      const child = this.evolve(pop.xs[parent], lower, size);
      const decoded = decodeUnit(this.space, child);
      if (!this.space.isForbidden(decoded)) [x, config] = [child, decoded];
    }
    if (!config || !x) {
      config = this.space.sample(this.rng);
      x = encodeFilled(this.space, config, () => this.rng.random());
    }
    this.pending.add({ config, fidelity: bracket.rungs[rung].budget }, { level, parent, x });
    return config;
  }

  observe(info: TrialInfo, value: TrialValue): void {
    const fitness = this.penalty.costOf(value);
    const entry = this.pending.take(info);
    if (!entry) return;
    const pop = this.pops[entry.level];
    if (fitness <= pop.fitness[entry.parent]) {
      pop.xs[entry.parent] = entry.x;
      pop.fitness[entry.parent] = fitness;
    }
  }

  /** Ladder level of rung i of a bracket with `rungs` rungs (its budgets are the ladder's last `rungs`). */
  private levelOf(rungs: number, i: number): number {
    return this.ladder.sMax + 1 - rungs + i;
  }

  /** DEHB's _get_promotion_candidate: the next of the best evaluated lower members absent from this subpopulation. */
  private promotionCandidate(lower: number, level: number, size: number): Float64Array | undefined {
    const low = this.pops[lower];
    const high = this.pops[level];
    const ranked = low.fitness.map((_, i) => i).filter((i) => Number.isFinite(low.fitness[i])).sort((a, b) => low.fitness[a] - low.fitness[b] || a - b);
    if (ranked.length === 0) return undefined;
    if (high.promotion.length === 0) {
      high.promotion = ranked
        .map((i) => low.xs[i])
        .filter((x) => !high.xs.some((y) => sameVector(x, y)))
        .slice(0, size);
    }
    return high.promotion.shift() ?? low.xs[ranked[0]];
  }

  /** One DE step for a target: rand/1 mutant from the lower budget's best, binomial crossover, boundary fix. */
  private evolve(target: Float64Array, lower: number, size: number): Float64Array {
    const low = this.pops[lower];
    const best = low.fitness.map((_, i) => i).sort((a, b) => low.fitness[a] - low.fitness[b] || a - b).slice(0, size);
    const pool = best.map((i) => low.xs[i]);
    if (pool.length < MIN_POP) {
      const global = this.pops.flatMap((p) => p.xs);
      for (let k = pool.length; k < MIN_POP + 1; k++) pool.push(this.mutant(global, target));
    }
    return this.fixBounds(this.crossover(target, this.mutant(pool, target)));
  }

  /** rand/1: r1 + F (r2 - r3), three distinct members of `pool` other than the target (AsyncDE._sample_population). */
  private mutant(pool: readonly Float64Array[], target: Float64Array): Float64Array {
    let candidates = [...pool];
    if (candidates.length > 1) {
      const at = candidates.findIndex((x) => sameVector(x, target));
      if (at >= 0) candidates.splice(at, 1);
    }
    while (candidates.length < MIN_POP) candidates = [...candidates, this.randomVector()];
    const picks = this.rng.shuffle(candidates.map((_, i) => i)).slice(0, 3);
    const [r1, r2, r3] = picks.map((i) => candidates[i]);
    const F = this.settings.mutationFactor;
    return r1.map((v, j) => v + F * (r2[j] - r3[j]));
  }

  /** Binomial crossover: each coordinate from the mutant with probability CR, at least one. */
  private crossover(target: Float64Array, mutant: Float64Array): Float64Array {
    const cross = Array.from({ length: this.d }, () => this.rng.random() < this.settings.crossoverProb);
    if (!cross.some(Boolean)) cross[this.rng.int(0, this.d - 1)] = true;
    return target.map((v, j) => (cross[j] ? mutant[j] : v));
  }

  /** DEHB's boundary_check: coordinates outside [0, 1] drawn anew ('random') or clipped ('clip'). */
  private fixBounds(x: Float64Array): Float64Array {
    for (let j = 0; j < x.length; j++) {
      if (x[j] >= 0 && x[j] <= 1) continue;
      x[j] = this.settings.boundaryFix === 'random' ? this.rng.random() : Math.min(1, Math.max(0, x[j]));
    }
    return x;
  }

  private randomVector(): Float64Array {
    return encodeFilled(this.space, this.space.sample(this.rng), () => this.rng.random());
  }
}

function sameVector(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
