import { IncumbentTracker, Rng, type Config, type IncumbentEntry, type Optimizer, type TaskView, type TrialInfo, type TrialValue, type Value } from '../../core/index.js';
import { okCostVector } from '../multiObjective/costVector.js';
import { proposeAt } from '../shared/proposal.js';
import { domainsOf, toExternal, toInternal, type TpeDomain } from '../tpe/domains.js';
import { ParzenEstimator, type ParzenSettings } from '../tpe/parzenEstimator.js';
import { GAMMAS, WEIGHTS } from '../tpe/split.js';
import { belowWeights, splitByRankAndHypervolume } from './split.js';

export interface MotpeSettings {
  readonly nStartupTrials: number;
  readonly nEiCandidates: number;
  readonly parzen: ParzenSettings;
}

/** How often a forbidden proposal is redrawn before falling back to space.sample. */
const FORBIDDEN_RETRIES = 10;

/**
 * Optuna's TPESampler on a multi-objective study (MOTPE, Ozaki et al. 2020/2022), univariate as
 * Optuna's default: random configs until n_startup_trials trials are complete; then the
 * min(ceil(0.1 n), 25) best complete trials by non-domination rank (Optuna's default_gamma), the
 * last rank cut by greedy hypervolume subset selection, form l(x), weighted by their hypervolume
 * contributions within that set (Optuna's _calculate_weights_below_for_multi_objective), and the
 * rest g(x) (Optuna's default ramp weights). Each active parameter is drawn from l(x), n_ei_candidates times, keeping
 * the largest l(x)/g(x), with the Parzen estimator of optimizers/tpe. Crashed trials are left out
 * (Optuna's FAIL trials).
 */
export class MotpeSampler implements Optimizer {
  private readonly domains: (TpeDomain | undefined)[];
  private readonly rows: Float64Array[] = [];
  private readonly costs: (readonly number[] | undefined)[] = [];
  private readonly rng: Rng;
  private readonly randomRng: Rng;
  private readonly tracker: IncumbentTracker;
  private complete = 0;

  constructor(private readonly view: TaskView, seed: number, private readonly settings: MotpeSettings) {
    const root = new Rng(seed);
    this.rng = root.split('motpe');
    this.randomRng = root.split('random');
    this.domains = domainsOf(view.space);
    this.tracker = new IncumbentTracker(view.fidelity?.max);
  }

  ask(): TrialInfo {
    const config = this.complete < this.settings.nStartupTrials ? this.view.space.sample(this.randomRng) : this.sampleModel();
    return proposeAt(this.view, config);
  }

  tell(info: TrialInfo, value: TrialValue): void {
    this.tracker.observe(info, value);
    const max = this.view.fidelity?.max;
    if (max !== undefined && info.fidelity !== undefined && info.fidelity < max) return;
    const cost = okCostVector(value, this.view.objectives.length);
    this.rows.push(this.internalRow(info.config));
    this.costs.push(cost);
    if (cost) this.complete++;
  }

  incumbent(): readonly IncumbentEntry[] {
    return this.tracker.get();
  }

  private internalRow(config: Config): Float64Array {
    const row = new Float64Array(this.domains.length).fill(NaN);
    this.view.space.names.forEach((name, i) => {
      const d = this.domains[i];
      const v = config[name];
      if (d && v !== undefined) row[i] = toInternal(d, v);
    });
    return row;
  }

  private sampleModel(): Config {
    const completeIndex = this.costs.flatMap((c, i) => (c ? [i] : []));
    const { below, above } = splitByRankAndHypervolume(
      completeIndex.map((i) => this.costs[i]!),
      GAMMAS.default(completeIndex.length),
    );
    const split = { below: below.map((j) => completeIndex[j]), above: above.map((j) => completeIndex[j]) };
    const weights = belowWeights(split.below.map((i) => this.costs[i]!));
    for (let attempt = 0; attempt < FORBIDDEN_RETRIES; attempt++) {
      const config = this.assemble((i) => this.sampleParameter(i, split, weights));
      if (!this.view.space.isForbidden(config)) return config;
    }
    return this.view.space.sample(this.randomRng);
  }

  /** Fills parameters as they become active (parents first), in the space's key order. */
  private assemble(internalValue: (i: number) => number): Config {
    const space = this.view.space;
    const values: Record<string, Value> = {};
    const index = new Map(space.names.map((name, i) => [name, i]));
    for (;;) {
      const missing = space.activeNames(values).filter((name) => !(name in values));
      if (missing.length === 0) break;
      for (const name of missing) {
        const i = index.get(name)!;
        const d = this.domains[i];
        values[name] = d ? toExternal(d, internalValue(i)) : onlyValue(space.hyperparameters[i]);
      }
    }
    const config: Record<string, Value> = {};
    for (const name of space.names) if (name in values) config[name] = values[name];
    return config;
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
    const count = this.settings.nEiCandidates;
    const candidates = new Float64Array(count);
    l.sample(this.rng, count, candidates);
    const logL = new Float64Array(count);
    const logG = new Float64Array(count);
    l.logPdf(candidates, count, logL);
    g.logPdf(candidates, count, logG);
    let best = 0;
    for (let c = 1; c < count; c++) if (logL[c] - logG[c] > logL[best] - logG[best]) best = c;
    return candidates[best];
  }
}

function onlyValue(hp: TaskView['space']['hyperparameters'][number]): Value {
  switch (hp.type) {
    case 'constant':
      return hp.value;
    case 'categorical':
      return hp.choices[0];
    case 'ordinal':
      return hp.sequence[0];
    default:
      return hp.lower;
  }
}
