import { IncumbentTracker, Rng, type Config, type IncumbentEntry, type Optimizer, type TaskView, type TrialInfo, type TrialValue, type Value } from '../../core/index.js';
import { rowKey, usableCost } from '../models/observations.js';
import { domainsOf, toExternal, toInternal, type TpeDomain } from './domains.js';
import { ParzenEstimator, type ParzenSettings } from './parzenEstimator.js';
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

/** How often a forbidden TPE proposal is redrawn before falling back to space.sample. */
const FORBIDDEN_RETRIES = 10;

/**
 * Optuna's TPESampler over a define-and-run search space. Random configs until
 * n_startup_trials trials are complete; then each parameter set (all parameters one by one in
 * univariate mode; the intersection space, or each group of the group decomposition, jointly
 * in multivariate mode; parameters outside them one by one as Optuna's sample_independent) is
 * drawn from l(x) (the gamma(n) best trials) and the candidate maximizing l(x)/g(x) is kept.
 * Conditions are honoured by filling parameters as they become active. Crashed trials are
 * excluded from the model, as Optuna excludes FAIL trials (they do not count towards
 * n_startup_trials either).
 */
export class TpeSampler implements Optimizer {
  private readonly domains: (TpeDomain | undefined)[];
  private readonly modelled: number[];
  private readonly history: TrialHistory;
  private readonly pending = new Map<string, Float64Array>();
  private readonly rng: Rng;
  private readonly randomRng: Rng;
  private readonly tracker: IncumbentTracker;

  constructor(private readonly view: TaskView, seed: number, private readonly settings: TpeSettings) {
    const root = new Rng(seed);
    this.rng = root.split('tpe');
    this.randomRng = root.split('random');
    this.domains = domainsOf(view.space);
    this.modelled = this.domains.flatMap((d, i) => (d ? [i] : []));
    this.history = new TrialHistory(view.space.dimension);
    this.tracker = new IncumbentTracker(view.fidelity?.max);
  }

  ask(): TrialInfo {
    const config = this.history.completeCount < this.settings.nStartupTrials ? this.view.space.sample(this.randomRng) : this.sampleModel();
    if (this.settings.constantLiar) {
      const row = this.internalRow(config);
      this.pending.set(rowKey(row), row);
    }
    return this.view.fidelity ? { config, fidelity: this.view.fidelity.max } : { config };
  }

  tell(info: TrialInfo, value: TrialValue): void {
    this.tracker.observe(info, value);
    const row = this.internalRow(info.config);
    if (this.settings.constantLiar) this.pending.delete(rowKey(row));
    const max = this.view.fidelity?.max;
    if (max !== undefined && info.fidelity !== undefined && info.fidelity < max) return;
    this.history.add(row, usableCost(value));
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
    const space = this.view.space;
    const running = [...this.pending.values()];
    const split = splitTrials(this.history, this.settings.gamma(this.history.completeCount), running.length);
    for (let attempt = 0; attempt < FORBIDDEN_RETRIES; attempt++) {
      const relative = new Map<number, number>();
      if (this.settings.multivariate) {
        const groups = this.settings.group ? groupDecomposedSpace(this.history, this.modelled) : [intersectionSpace(this.history, this.modelled)];
        for (const params of groups) {
          if (params.length === 0) continue;
          const values = this.sampleJoint(params, split, running);
          params.forEach((j, c) => relative.set(j, values[c]));
        }
      }
      const config = this.assemble((i) => relative.get(i) ?? this.sampleJoint([i], split, running)[0]);
      if (!space.isForbidden(config)) return config;
    }
    return space.sample(this.randomRng);
  }

  /** Fills parameters as they become active (parents first), then orders the keys as the space does. */
  private assemble(internalValue: (i: number) => number): Config {
    const space = this.view.space;
    const values: Record<string, Value> = {};
    const index = new Map(space.names.map((name, i) => [name, i]));
    for (;;) {
      const missing = space.activeNames(values).filter((name) => !(name in values));
      if (missing.length === 0) break;
      for (const name of missing) {
        const i = index.get(name)!;
        const hp = space.hyperparameters[i];
        const d = this.domains[i];
        values[name] = d ? toExternal(d, internalValue(i)) : singleValue(hp);
      }
    }
    const config: Record<string, Value> = {};
    for (const name of space.names) if (name in values) config[name] = values[name];
    return config;
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
    const count = s.nEiCandidates;
    const candidates = new Float64Array(count * params.length);
    l.sample(this.rng, count, candidates);
    const logL = new Float64Array(count);
    const logG = new Float64Array(count);
    l.logPdf(candidates, count, logL);
    g.logPdf(candidates, count, logG);
    let best = 0;
    for (let c = 1; c < count; c++) if (logL[c] - logG[c] > logL[best] - logG[best]) best = c;
    return candidates.slice(best * params.length, (best + 1) * params.length);
  }
}

function singleValue(hp: TaskView['space']['hyperparameters'][number]): Value {
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
