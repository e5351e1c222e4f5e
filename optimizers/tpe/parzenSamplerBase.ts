import { IncumbentTracker, Rng, type Config, type IncumbentEntry, type Optimizer, type TaskView, type TrialInfo, type TrialValue, type Value } from '../../core/index.js';
import { proposeAt } from '../shared/proposal.js';
import { domainsOf, toExternal, toInternal, type TpeDomain } from './domains.js';
import type { ParzenEstimator } from './parzenEstimator.js';

/** How often a forbidden proposal is redrawn before falling back to space.sample. */
const FORBIDDEN_RETRIES = 10;

/**
 * What TPE and MOTPE share, as Optuna's TPESampler does for one or several objectives: random
 * configs until n_startup_trials trials are complete; then a config assembled parameter by
 * parameter as they become active, each value from the subclass's model, redrawn when the
 * config is forbidden; told trials in the internal representation, lower-fidelity trials left
 * out. A subclass says how trials are recorded and split into l(x) and g(x), and how they are
 * weighted: `modelDraw` is called once per ask and returns, per attempt, the value source.
 */
export abstract class ParzenSamplerBase implements Optimizer {
  protected readonly domains: (TpeDomain | undefined)[];
  /** Draws from l(x); split off the seed under the subclass's label. */
  protected readonly rng: Rng;
  private readonly randomRng: Rng;
  private readonly tracker: IncumbentTracker;

  constructor(protected readonly view: TaskView, seed: number, rngLabel: string, private readonly nStartupTrials: number) {
    const root = new Rng(seed);
    this.rng = root.split(rngLabel);
    this.randomRng = root.split('random');
    this.domains = domainsOf(view.space);
    this.tracker = new IncumbentTracker(view.fidelity?.max);
  }

  /** Complete (successful, full-fidelity) trials told so far: the startup phase counts these. */
  protected abstract get completeCount(): number;
  /** Stores a told full-fidelity trial (its internal row and outcome). */
  protected abstract record(row: Float64Array, value: TrialValue): void;
  /** Prepares one model-based ask (split, weights); returns a factory of per-attempt value sources (parameter index -> internal value). */
  protected abstract modelDraw(): () => (i: number) => number;
  /** Hooks for the constant liar: a proposal leaves, a told trial returns. */
  protected proposed(_row: Float64Array): void {}
  protected told(_row: Float64Array): void {}
  protected get tracksProposals(): boolean {
    return false;
  }

  ask(): TrialInfo {
    const config = this.completeCount < this.nStartupTrials ? this.view.space.sample(this.randomRng) : this.sampleModel();
    if (this.tracksProposals) this.proposed(this.internalRow(config));
    return proposeAt(this.view, config);
  }

  tell(info: TrialInfo, value: TrialValue): void {
    this.tracker.observe(info, value);
    const row = this.internalRow(info.config);
    this.told(row);
    const max = this.view.fidelity?.max;
    if (max !== undefined && info.fidelity !== undefined && info.fidelity < max) return;
    this.record(row, value);
  }

  incumbent(): readonly IncumbentEntry[] {
    return this.tracker.get();
  }

  protected internalRow(config: Config): Float64Array {
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
    const attempt = this.modelDraw();
    for (let k = 0; k < FORBIDDEN_RETRIES; k++) {
      const config = this.assemble(attempt());
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
        const d = this.domains[i];
        values[name] = d ? toExternal(d, internalValue(i)) : onlyValue(space.hyperparameters[i]);
      }
    }
    const config: Record<string, Value> = {};
    for (const name of space.names) if (name in values) config[name] = values[name];
    return config;
  }
}

/**
 * Optuna's TPE candidate step: `count` draws from l(x) (each `width` values), the one with the
 * largest log l(x) - log g(x) kept (the first on ties).
 */
export function bestCandidate(l: ParzenEstimator, g: ParzenEstimator, rng: Rng, count: number, width: number): Float64Array {
  const candidates = new Float64Array(count * width);
  l.sample(rng, count, candidates);
  const logL = new Float64Array(count);
  const logG = new Float64Array(count);
  l.logPdf(candidates, count, logL);
  g.logPdf(candidates, count, logG);
  let best = 0;
  for (let c = 1; c < count; c++) if (logL[c] - logG[c] > logL[best] - logG[best]) best = c;
  return candidates.slice(best * width, (best + 1) * width);
}

/** The value of a parameter TPE does not model (a constant, or a single-value domain). */
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
