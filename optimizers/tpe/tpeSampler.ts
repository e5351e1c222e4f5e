import type { TaskView, TrialValue } from '../../core/index.js';
import { rowKey, usableCost } from '../models/observations.js';
import { ParzenEstimator, type ParzenSettings } from './parzenEstimator.js';
import { bestCandidate, ParzenSamplerBase } from './parzenSamplerBase.js';
import { groupDecomposedSpace, intersectionSpace } from './searchSpaceGroups.js';
import { splitTrials } from './split.js';
import { TrialHistory } from './trialHistory.js';

export interface TpeSettings {
  readonly nStartupTrials: number;
  readonly nEiCandidates: number;
  readonly gamma: (n: number) => number;
  readonly weights: (n: number) => Float64Array;
  readonly multivariate: boolean;
  readonly group: boolean;
  readonly constantLiar: boolean;
  readonly parzen: ParzenSettings;
}

/**
 * Optuna's TPESampler over a define-and-run search space (startup phase, assembly and forbidden
 * retries in ParzenSamplerBase). Each parameter set (all parameters one by one in univariate
 * mode; the intersection space, or each group of the group decomposition, jointly in
 * multivariate mode; parameters outside them one by one as Optuna's sample_independent) is
 * drawn from l(x) (the gamma(n) best trials) and the candidate maximizing l(x)/g(x) is kept.
 * Crashed trials are excluded from the model, as Optuna excludes FAIL trials (they do not count
 * towards n_startup_trials either). With the constant liar, running trials join g(x).
 */
export class TpeSampler extends ParzenSamplerBase {
  private readonly modelled: number[];
  private readonly history: TrialHistory;
  private readonly pending = new Map<string, Float64Array>();

  constructor(view: TaskView, seed: number, private readonly settings: TpeSettings) {
    super(view, seed, 'tpe', settings.nStartupTrials);
    this.modelled = this.domains.flatMap((d, i) => (d ? [i] : []));
    this.history = new TrialHistory(view.space.dimension);
  }

  protected override get completeCount(): number {
    return this.history.completeCount;
  }

  protected override get tracksProposals(): boolean {
    return this.settings.constantLiar;
  }

  protected override proposed(row: Float64Array): void {
    this.pending.set(rowKey(row), row);
  }

  protected override told(row: Float64Array): void {
    if (this.settings.constantLiar) this.pending.delete(rowKey(row));
  }

  protected override record(row: Float64Array, value: TrialValue): void {
    this.history.add(row, usableCost(value));
  }

  protected override modelDraw(): () => (i: number) => number {
    const running = [...this.pending.values()];
    const split = splitTrials(this.history, this.settings.gamma(this.history.completeCount), running.length);
    return () => {
      const relative = new Map<number, number>();
      if (this.settings.multivariate) {
        const groups = this.settings.group ? groupDecomposedSpace(this.history, this.modelled) : [intersectionSpace(this.history, this.modelled)];
        for (const params of groups) {
          if (params.length === 0) continue;
          const values = this.sampleJoint(params, split, running);
          params.forEach((j, c) => relative.set(j, values[c]));
        }
      }
      return (i) => relative.get(i) ?? this.sampleJoint([i], split, running)[0];
    };
  }

  /** Optuna's TPESampler._sample for the parameters `params` (indices): the best of n_ei_candidates draws from l(x). */
  private sampleJoint(params: readonly number[], split: { below: number[]; above: number[] }, running: readonly Float64Array[]): Float64Array {
    const s = this.settings;
    const history = this.history;
    const domains = params.map((j) => this.domains[j]!);
    const p = params.length;
    const valueOf = (t: number, j: number) => (t < history.size ? history.value(t, j) : running[t - history.size][j]);
    const position = new Int32Array(history.size);
    const gather = (trials: number[]) => {
      const obs = new Float64Array(trials.length * p);
      position.fill(-1);
      let m = 0;
      let withRunning = false;
      for (const t of trials) {
        let c = 0;
        for (; c < p; c++) {
          const v = valueOf(t, params[c]);
          if (v !== v) break;
          obs[m * p + c] = v;
        }
        if (c < p) continue;
        if (t < history.size) position[t] = m;
        else withRunning = true;
        m++;
      }
      // Complete trials only: the history's per-parameter sorted lists give the kernel order for free.
      const orders = withRunning || s.parzen.multivariate ? undefined : params.map((j) => history.sortedRows(j, position, m));
      return new ParzenEstimator(domains, obs, m, s.weights(m), s.parzen, orders);
    };
    const l = gather(split.below);
    const g = gather(split.above);
    return bestCandidate(l, g, this.rng, s.nEiCandidates, params.length);
  }
}
