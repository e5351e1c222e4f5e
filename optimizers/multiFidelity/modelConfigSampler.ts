import type { Config, Rng, SearchSpace, TrialInfo } from '../../core/index.js';
import type { Candidate } from '../models/acquisitionSearch.js';
import type { Proposer } from '../models/modelBasedOptimizer.js';
import { Observations, rowKey } from '../models/observations.js';
import type { ConfigSampler } from './configSamplers.js';

export interface SelectorSettings {
  /** Random configurations first (SMAC's initial design size). */
  readonly nInitial: number;
  /** Chance that a configuration after the initial design is random (SMAC's ProbabilityRandomDesign). */
  readonly randomProbability: number;
  /** Configurations taken from one model fit before it is fitted again (SMAC's retrain_after). */
  readonly retrainAfter: number;
  /** Trials a budget needs before the model is fitted on it (SMAC's ConfigSelector min_trials). */
  readonly minTrials: number;
}

/**
 * Turns the cost vectors the model will be fitted on into one cost each: a fresh scalarization per
 * fit (ParEGO draws new weights at every SMAC iteration); undefined means one objective.
 */
export type ScalarizationFactory = (costs: readonly (readonly number[])[], rng: Rng) => (cost: readonly number[]) => number;

interface Told {
  readonly config: Config;
  readonly budget: number;
  readonly cost: readonly number[] | undefined;
}

/** Draws before a random configuration may repeat one proposed already. */
const UNSEEN_TRIES = 20;

/**
 * SMAC3's ConfigSelector for any surrogate (a Proposer of optimizers/models): the initial design
 * (random), then configurations from the acquisition maximizer, the model refitted every
 * `retrainAfter` of them; each may instead be random with `randomProbability`. The model learns
 * from the highest budget with at least `minTrials` told trials (crashed ones at the worst cost);
 * with one budget (no fidelity) that is every trial. A configuration proposed once is never
 * proposed again (after 20 random draws a repeat is accepted, for tiny spaces).
 */
export class ModelConfigSampler implements ConfigSampler {
  private readonly told: Told[] = [];
  private readonly seen = new Set<string>();
  private queue: Candidate[] = [];
  private fromQueue = 0;
  private proposed = 0;

  constructor(
    private readonly space: SearchSpace,
    private readonly proposer: Proposer,
    private readonly settings: SelectorSettings,
    private readonly rngs: { readonly design: Rng; readonly model: Rng },
    private readonly scalarization?: ScalarizationFactory,
  ) {}

  next(): Config {
    // Told configurations count towards the initial design too (warm starts), as in ModelBasedOptimizer.
    const initial = Math.max(this.proposed, this.seen.size) < this.settings.nInitial;
    this.proposed++;
    if (initial) return this.random();
    if (this.rngs.design.random() < this.settings.randomProbability) return this.random();
    if (this.fromQueue >= this.settings.retrainAfter || this.queue.length === 0) this.refit();
    while (this.queue.length > 0) {
      const candidate = this.queue.shift()!;
      const config = candidate.config ?? this.space.decode(candidate.row);
      const key = rowKey(candidate.config ? candidate.row : this.space.encode(config));
      if (this.seen.has(key) || this.space.isForbidden(config)) continue;
      this.seen.add(key);
      this.fromQueue++;
      return config;
    }
    return this.random();
  }

  observe(info: TrialInfo, cost: readonly number[] | undefined): void {
    this.told.push({ config: info.config, budget: info.fidelity ?? Infinity, cost });
    this.seen.add(rowKey(this.space.encode(info.config)));
  }

  /** Fits the model on the highest budget with enough trials; an empty queue when there is nothing to learn from. */
  private refit(): void {
    this.queue = [];
    this.fromQueue = 0;
    const counts = new Map<number, number>();
    for (const t of this.told) counts.set(t.budget, (counts.get(t.budget) ?? 0) + 1);
    const budget = [...counts.keys()].sort((a, b) => b - a).find((b) => counts.get(b)! >= this.settings.minTrials);
    if (budget === undefined) return;
    const data = this.told.filter((t) => t.budget === budget);
    const ok = data.flatMap((t) => (t.cost ? [t.cost] : []));
    if (ok.length === 0) return;
    const scalar = this.scalarization?.(ok, this.rngs.model) ?? ((cost: readonly number[]) => cost[0]);
    const observations = new Observations(this.space);
    for (const t of data) {
      const value = t.cost ? { cost: scalar(t.cost), status: 'ok' as const } : { cost: NaN, status: 'crashed' as const };
      observations.add({ config: t.config }, { ...value, wallTime: 0, virtualTime: 0 });
    }
    this.queue = this.proposer.propose(observations, this.rngs.model);
  }

  private random(): Config {
    let config = this.space.sample(this.rngs.design);
    for (let t = 0; t < UNSEEN_TRIES && this.seen.has(rowKey(this.space.encode(config))); t++) config = this.space.sample(this.rngs.design);
    this.seen.add(rowKey(this.space.encode(config)));
    return config;
  }
}
