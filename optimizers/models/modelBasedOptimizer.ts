import { IncumbentTracker, Rng, type Config, type IncumbentEntry, type Optimizer, type TaskView, type TrialInfo, type TrialValue } from '../../core/index.js';
import type { Candidate } from './acquisitionSearch.js';
import { Observations, initialDesignSize } from './observations.js';
import { PendingTrials, proposeAt } from '../shared/proposal.js';

/** What a surrogate family (GP, random forest) adds to the shared SMAC-style loop. */
export interface Proposer {
  /** Fits the model to the observations and returns candidates, best acquisition value first. */
  propose(observations: Observations, rng: Rng): Candidate[];
}

export interface LoopSettings {
  /** SMAC's n_configs_per_hyperparameter of the initial design. */
  readonly nConfigsPerHyperparameter: number;
  /** SMAC's max_ratio: the initial design uses at most this fraction of n_trials. */
  readonly maxRatio: number;
  /** SMAC's ProbabilityRandomDesign: chance that an ask returns a random config. */
  readonly randomProbability: number;
}

/**
 * The ask/tell loop shared by the SMAC-style model-based optimizers: a random initial design
 * (SMAC uses Sobol), then per ask either an interleaved random config (probability
 * `randomProbability`) or the best not-yet-evaluated candidate of the proposer. Crashed trials
 * are kept with the worst observed cost (Observations.imputedCosts); while no trial has a
 * usable cost the loop keeps sampling at random. Evaluates at max fidelity on multi-fidelity tasks.
 * With trials in flight (asked, not told: parallel runs) the model is fitted with each of them at
 * the worst cost told so far (constant liar, CL-max), which spreads the K proposals apart; with
 * none in flight, as in sequential runs, it fits the told trials alone.
 */
export class ModelBasedOptimizer implements Optimizer {
  private readonly observations: Observations;
  private readonly tracker: IncumbentTracker;
  private readonly designRng: Rng;
  private readonly modelRng: Rng;
  private readonly nInitial: number;
  private asked = 0;
  private readonly pending: PendingTrials<true>;

  constructor(private readonly view: TaskView, seed: number, private readonly settings: LoopSettings, private readonly proposer: Proposer) {
    const root = new Rng(seed);
    this.designRng = root.split('design');
    this.modelRng = root.split('model');
    this.observations = new Observations(view.space);
    this.tracker = new IncumbentTracker(view.fidelity?.max);
    this.pending = new PendingTrials(view.space.names);
    this.nInitial = initialDesignSize(settings.nConfigsPerHyperparameter, settings.maxRatio, view.space.dimension, view.budget.nTrials);
  }

  ask(): TrialInfo {
    const config = this.nextConfig();
    this.asked++;
    const info = proposeAt(this.view, config);
    this.pending.add(info, true);
    return info;
  }

  private nextConfig(): Config {
    const obs = this.observations;
    if (Math.max(this.asked, obs.size) < this.nInitial || obs.finiteCount === 0) return this.randomConfig();
    if (this.designRng.random() < this.settings.randomProbability) return this.randomConfig();
    const space = this.view.space;
    for (const candidate of this.proposer.propose(this.withLies(), this.modelRng)) {
      const config = candidate.config ?? space.decode(candidate.row);
      const row = candidate.config ? candidate.row : space.encode(config);
      if (!obs.has(row)) {
        obs.markSeen(row);
        return config;
      }
    }
    return this.randomConfig();
  }

  /** The observations the model fits: the told trials, plus the ones in flight at the worst told cost. */
  private withLies(): Observations {
    const lie = this.observations.worstCost();
    if (this.pending.size === 0 || lie === undefined) return this.observations;
    return this.observations.withPending(this.pending.infos(), lie);
  }

  /** A random config, avoiding evaluated ones for a few tries (small discrete spaces repeat). */
  private randomConfig(): Config {
    const space = this.view.space;
    let config = space.sample(this.designRng);
    for (let tries = 0; tries < 20; tries++) {
      const row = space.encode(config);
      if (!this.observations.has(row)) {
        this.observations.markSeen(row);
        break;
      }
      config = space.sample(this.designRng);
    }
    return config;
  }

  tell(info: TrialInfo, value: TrialValue): void {
    this.pending.take(info);
    this.observations.add(info, value);
    this.tracker.observe(info, value);
  }

  incumbent(): readonly IncumbentEntry[] {
    return this.tracker.get();
  }
}
