import type { TaskView, TrialValue } from '../../core/index.js';
import { okCostVector } from '../multiObjective/costVector.js';
import { ParzenEstimator, type ParzenSettings } from '../tpe/parzenEstimator.js';
import { bestCandidate, ParzenSamplerBase } from '../tpe/parzenSamplerBase.js';
import { GAMMAS, WEIGHTS } from '../tpe/split.js';
import { belowWeights, splitByRankAndHypervolume } from './split.js';

export interface MotpeSettings {
  readonly nStartupTrials: number;
  readonly nEiCandidates: number;
  readonly parzen: ParzenSettings;
}

/**
 * Optuna's TPESampler on a multi-objective study (MOTPE, Ozaki et al. 2020/2022), univariate as
 * Optuna's default. It differs from TPE (ParzenSamplerBase holds the shared steps) only in how it
 * splits and weights: the min(ceil(0.1 n), 25) best complete trials by non-domination rank
 * (Optuna's default_gamma), the last rank cut by greedy hypervolume subset selection, form l(x),
 * weighted by their hypervolume contributions within that set (Optuna's
 * _calculate_weights_below_for_multi_objective), and the rest g(x) (Optuna's default ramp
 * weights). Crashed trials are left out (Optuna's FAIL trials).
 */
export class MotpeSampler extends ParzenSamplerBase {
  private readonly rows: Float64Array[] = [];
  private readonly costs: (readonly number[] | undefined)[] = [];
  private complete = 0;

  constructor(view: TaskView, seed: number, private readonly settings: MotpeSettings) {
    super(view, seed, 'motpe', settings.nStartupTrials);
  }

  protected override get completeCount(): number {
    return this.complete;
  }

  protected override record(row: Float64Array, value: TrialValue): void {
    const cost = okCostVector(value, this.view.objectives.length);
    this.rows.push(row);
    this.costs.push(cost);
    if (cost) this.complete++;
  }

  protected override modelDraw(): () => (i: number) => number {
    const completeIndex = this.costs.flatMap((c, i) => (c ? [i] : []));
    const { below, above } = splitByRankAndHypervolume(
      completeIndex.map((i) => this.costs[i]!),
      GAMMAS.default(completeIndex.length),
    );
    const split = { below: below.map((j) => completeIndex[j]), above: above.map((j) => completeIndex[j]) };
    const weights = belowWeights(split.below.map((i) => this.costs[i]!));
    return () => (i) => this.sampleParameter(i, split, weights);
  }

  /**
   * One parameter: the best of n_ei_candidates draws from l(x) by log l(x) - log g(x). Trials
   * where the parameter is inactive are left out of both (with their weights, for l(x)).
   */
  private sampleParameter(i: number, split: { below: number[]; above: number[] }, belowWeights: Float64Array): number {
    const domain = this.domains[i]!;
    const gather = (trials: number[]) => {
      const kept = trials.flatMap((t, k) => (Number.isNaN(this.rows[t][i]) ? [] : [k]));
      return { obs: Float64Array.from(kept, (k) => this.rows[trials[k]][i]), m: kept.length, kept };
    };
    const b = gather(split.below);
    const a = gather(split.above);
    const l = new ParzenEstimator([domain], b.obs, b.m, Float64Array.from(b.kept, (k) => belowWeights[k]), this.settings.parzen);
    const g = new ParzenEstimator([domain], a.obs, a.m, WEIGHTS.default(a.m), this.settings.parzen);
    return bestCandidate(l, g, this.rng, this.settings.nEiCandidates, 1)[0];
  }
}
