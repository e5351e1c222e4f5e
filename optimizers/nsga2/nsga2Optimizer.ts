import { IncumbentTracker, Rng, type Config, type IncumbentEntry, type Optimizer, type TaskView, type TrialInfo, type TrialValue } from '../../core/index.js';
import { rowKey } from '../models/observations.js';
import { okCostVector } from '../multiObjective/costVector.js';
import { crowdingDistances, nonDominatedFronts, rankAndCrowdingSelect } from '../multiObjective/nonDominatedSort.js';
import { PendingTrials, proposeAt } from '../shared/proposal.js';
import { decodeUnit, encodeFilled } from '../shared/unitCube.js';
import { geneLayout, offspringPair, type GeneLayout, type VariationSettings } from './variation.js';

interface Member {
  readonly x: Float64Array;
  readonly config: Config;
  /** Undefined for a crashed trial: ranked behind every successful one. */
  readonly cost: readonly number[] | undefined;
}

/** Variations tried for a child that is forbidden or a duplicate before it is accepted (duplicate) or replaced (forbidden). */
const RETRIES = 10;

/**
 * NSGA-II (Deb et al. 2002) in ask/tell form. The first generation is random; once as many
 * trials as the population holds have been told since the last survival, parents and children
 * are merged and the best by non-domination rank and crowding distance survive. Children come in
 * pairs from binary tournaments (rank, then crowding distance, then chance), SBX and polynomial
 * mutation (uniform for categoricals), avoiding configurations seen before for a few tries.
 * Asking ahead of tells is fine: more children are bred from the current parents. Crashed trials
 * rank last. Every told trial joins the next survival, asked or not.
 */
export class Nsga2Optimizer implements Optimizer {
  private readonly rng: Rng;
  private readonly layout: GeneLayout;
  private readonly tracker: IncumbentTracker;
  private readonly pending: PendingTrials<Float64Array>;
  private readonly seen = new Set<string>();
  private population: Member[] = [];
  private rank = new Int32Array(0);
  private crowding = new Float64Array(0);
  private children: Member[] = [];
  private queue: Array<{ x: Float64Array; config: Config }> = [];
  private asked = 0;

  constructor(private readonly view: TaskView, seed: number, readonly populationSize: number, private readonly variation: VariationSettings) {
    this.rng = new Rng(seed).split('nsga2');
    this.layout = geneLayout(view.space);
    this.tracker = new IncumbentTracker(view.fidelity?.max);
    this.pending = new PendingTrials(view.space.names);
  }

  ask(): TrialInfo {
    this.asked++;
    let next = this.queue.shift();
    if (!next) {
      if (this.population.length === 0) next = this.random();
      else {
        this.breed();
        next = this.queue.shift()!;
      }
    }
    const info = proposeAt(this.view, next.config);
    this.pending.add(info, next.x);
    return info;
  }

  tell(info: TrialInfo, value: TrialValue): void {
    this.tracker.observe(info, value);
    const max = this.view.fidelity?.max;
    if (max !== undefined && info.fidelity !== undefined && info.fidelity < max) return;
    const x = this.pending.take(info) ?? encodeFilled(this.view.space, info.config, () => this.rng.random());
    this.seen.add(rowKey(this.view.space.encode(info.config)));
    this.children.push({ x, config: info.config, cost: okCostVector(value, this.view.objectives.length) });
    if (this.children.length >= this.populationSize) this.survive();
  }

  incumbent(): readonly IncumbentEntry[] {
    return this.tracker.get();
  }

  /** Parents plus children, cut back to the population size by rank and crowding distance. */
  private survive(): void {
    const merged = [...this.population, ...this.children];
    this.children = [];
    const ok = merged.filter((m) => m.cost !== undefined);
    const crashed = merged.filter((m) => m.cost === undefined);
    const k = Math.min(this.populationSize, ok.length);
    const chosen = rankAndCrowdingSelect(ok.map((m) => m.cost!), k).map((i) => ok[i]);
    this.population = [...chosen, ...crashed.slice(0, this.populationSize - chosen.length)];
    this.scorePopulation();
  }

  /** Rank and crowding distance of every member, for the tournaments. */
  private scorePopulation(): void {
    const n = this.population.length;
    this.rank = new Int32Array(n);
    this.crowding = new Float64Array(n);
    const okIndex = this.population.flatMap((m, i) => (m.cost ? [i] : []));
    const costs = okIndex.map((i) => this.population[i].cost!);
    const fronts = nonDominatedFronts(costs);
    fronts.forEach((front, r) => {
      const distance = crowdingDistances(costs, front);
      front.forEach((f, j) => {
        this.rank[okIndex[f]] = r;
        this.crowding[okIndex[f]] = distance[j];
      });
    });
    this.population.forEach((m, i) => {
      if (!m.cost) this.rank[i] = fronts.length;
    });
  }

  /** A generation's worth of children (in pairs) into the queue. */
  private breed(): void {
    while (this.queue.length < this.populationSize) {
      const a = this.population[this.tournament()].x;
      const b = this.population[this.tournament()].x;
      let pair: [Float64Array, Float64Array] | undefined;
      for (const slot of [0, 1] as const) {
        let child: { x: Float64Array; config: Config } | undefined;
        for (let t = 0; t < RETRIES && !child; t++) {
          if (!pair || t > 0) pair = offspringPair(a, b, this.layout, this.variation, this.rng);
          const config = decodeUnit(this.view.space, pair[slot]);
          if (this.view.space.isForbidden(config)) continue;
          const key = rowKey(this.view.space.encode(config));
          if (this.seen.has(key) && t < RETRIES - 1) continue;
          this.seen.add(key);
          child = { x: pair[slot], config };
        }
        this.queue.push(child ?? this.random());
      }
    }
  }

  /** Binary tournament: the lower rank wins, then the larger crowding distance, then a coin. */
  private tournament(): number {
    const n = this.population.length;
    const i = this.rng.int(0, n - 1);
    const j = this.rng.int(0, n - 1);
    if (this.rank[i] !== this.rank[j]) return this.rank[i] < this.rank[j] ? i : j;
    if (this.crowding[i] !== this.crowding[j]) return this.crowding[i] > this.crowding[j] ? i : j;
    return this.rng.random() < 0.5 ? i : j;
  }

  private random(): { x: Float64Array; config: Config } {
    let config = this.view.space.sample(this.rng);
    for (let t = 0; t < RETRIES && this.seen.has(rowKey(this.view.space.encode(config))); t++) config = this.view.space.sample(this.rng);
    this.seen.add(rowKey(this.view.space.encode(config)));
    return { x: encodeFilled(this.view.space, config, () => this.rng.random()), config };
  }
}
