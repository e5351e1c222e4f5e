import type { Config, Rng, SearchSpace, TrialInfo, TrialValue } from '../../core/index.js';
import { rowKey } from '../models/observations.js';
import type { Bracket } from './bracket.js';
import type { RungFiller, Slot } from './bracketOptimizer.js';
import { bestEntries } from './promotion.js';

/** Where the new configurations of a bracket's first rung come from (random, a model, ...). */
export interface ConfigSampler {
  /** A new configuration, to be run first at `budget`. */
  next(budget: number): Config;
  /** A told trial; `cost` undefined when it crashed. */
  observe?(info: TrialInfo, cost: readonly number[] | undefined): void;
}

/** Uniform random configurations (Li et al.'s get_hyperparameter_configuration). */
export class RandomSampler implements ConfigSampler {
  constructor(private readonly space: SearchSpace, private readonly rng: Rng) {}

  next(): Config {
    return this.space.sample(this.rng);
  }
}

/** Tries before a sampler gives up avoiding configurations it proposed already. */
const UNSEEN_TRIES = 20;

/**
 * SMAC3's HyperbandFacade: its DefaultInitialDesign first (the space's default configuration),
 * then random configurations, never one proposed before (the config selector skips processed
 * configurations; after 20 draws a repeat is accepted, for tiny spaces).
 */
export class DefaultThenRandomSampler implements ConfigSampler {
  private readonly seen = new Set<string>();

  constructor(private readonly space: SearchSpace, private readonly rng: Rng) {}

  next(): Config {
    if (this.seen.size === 0) {
      const config = this.space.defaultConfig();
      if (this.space.isValid(config) && !this.space.isForbidden(config)) return this.remember(config);
    }
    let config = this.space.sample(this.rng);
    for (let t = 0; t < UNSEEN_TRIES && this.seen.has(rowKey(this.space.encode(config))); t++) config = this.space.sample(this.rng);
    return this.remember(config);
  }

  private remember(config: Config): Config {
    this.seen.add(rowKey(this.space.encode(config)));
    return config;
  }
}

/**
 * Successive Halving's rung filler: the first rung takes new configurations from the sampler;
 * every later rung runs the best `size` of the rung below (bestEntries), chosen once that rung
 * is complete.
 */
export class PromotingFiller implements RungFiller {
  constructor(private readonly sampler: ConfigSampler) {}

  configFor(bracket: Bracket, rung: number): Config {
    const current = bracket.rungs[rung];
    if (rung === 0) return this.sampler.next(current.budget);
    current.queue ??= bestEntries(bracket.rungs[rung - 1].told, current.size).map((e) => e.config);
    return current.queue[current.asked % current.queue.length];
  }

  observe(info: TrialInfo, _value: TrialValue, cost: readonly number[] | undefined, _slot: Slot | undefined): void {
    this.sampler.observe?.(info, cost);
  }
}
