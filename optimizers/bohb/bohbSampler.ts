import type { Config, Rng, SearchSpace, TrialInfo } from '../../core/index.js';
import type { ConfigSampler } from '../multiFidelity/configSamplers.js';
import { decodeUnit } from '../shared/unitCube.js';
import { KernelDensity } from './kernelDensity.js';

export interface BohbSettings {
  readonly minPointsInModel: number;
  readonly topNPercent: number;
  readonly numSamples: number;
  readonly randomFraction: number;
  readonly bandwidthFactor: number;
  readonly minBandwidth: number;
}

interface BudgetData {
  readonly rows: Float64Array[];
  readonly losses: number[];
}

/**
 * HpBandSter's BOHB config generator: per budget, the told configs (unit-cube vectors, level
 * indices for categoricals; constants left out) and losses (crashed: +inf). Once a budget holds
 * min_points_in_model of them, a "good" KDE is fitted on the best max(min_points, top_n_percent %)
 * and a "bad" KDE on the next max(min_points, (100 - top_n_percent) %), inactive values imputed
 * from other data points. A new config comes, with probability random_fraction or while no model
 * exists, from the prior (space.sample); else from the largest budget's model: num_samples draws
 * from the good KDE with bandwidth_factor-widened continuous kernels, keeping the one minimizing
 * max(g, 1e-32) / max(l, 1e-32). Results at a budget below the largest modelled one are dropped.
 */
export class BohbSampler implements ConfigSampler {
  private readonly slots: number[];
  private readonly levels: number[];
  private readonly data = new Map<number, BudgetData>();
  private readonly models = new Map<number, { good: KernelDensity; bad: KernelDensity }>();

  constructor(private readonly space: SearchSpace, private readonly maxFidelity: number, private readonly settings: BohbSettings, private readonly rng: Rng) {
    this.slots = [];
    this.levels = [];
    space.hyperparameters.forEach((hp, i) => {
      if (hp.type === 'constant') return;
      this.slots.push(i);
      this.levels.push(hp.type === 'categorical' ? hp.choices.length : 0);
    });
  }

  next(): Config {
    if (this.models.size === 0 || this.rng.random() < this.settings.randomFraction) return this.space.sample(this.rng);
    const largest = Math.max(...this.models.keys());
    const { good, bad } = this.models.get(largest)!;
    const floor = Math.log(1e-32);
    let best: Float64Array | undefined;
    let bestValue = Infinity;
    for (let s = 0; s < this.settings.numSamples; s++) {
      const x = this.sampleAround(good);
      const value = Math.max(floor, bad.logPdf(x)) - Math.max(floor, good.logPdf(x));
      if (value < bestValue) {
        bestValue = value;
        best = x;
      }
    }
    const config = best ? this.decode(best) : undefined;
    return config && !this.space.isForbidden(config) ? config : this.space.sample(this.rng);
  }

  observe(info: TrialInfo, cost: readonly number[] | undefined): void {
    const budget = info.fidelity ?? this.maxFidelity;
    for (const b of this.models.keys()) if (b > budget) return;
    let entry = this.data.get(budget);
    if (!entry) this.data.set(budget, (entry = { rows: [], losses: [] }));
    entry.rows.push(this.vector(info.config));
    entry.losses.push(cost ? cost[0] : Infinity);
    if (entry.rows.length >= this.settings.minPointsInModel) this.fit(budget, entry);
  }

  private fit(budget: number, entry: BudgetData): void {
    const n = entry.rows.length;
    const p = this.slots.length;
    if (p === 0) return;
    const mp = this.settings.minPointsInModel;
    const nGood = Math.max(mp, Math.floor((this.settings.topNPercent * n) / 100));
    const nBad = Math.max(mp, Math.floor(((100 - this.settings.topNPercent) * n) / 100));
    const order = entry.losses.map((_, i) => i).sort((a, b) => entry.losses[a] - entry.losses[b] || a - b);
    const goodRows = order.slice(0, nGood).map((i) => entry.rows[i]);
    const badRows = order.slice(nGood, nGood + nBad).map((i) => entry.rows[i]);
    if (goodRows.length <= p || badRows.length <= p) return;
    const min = this.settings.minBandwidth;
    this.models.set(budget, { good: new KernelDensity(this.levels, this.imputed(goodRows), min), bad: new KernelDensity(this.levels, this.imputed(badRows), min) });
  }

  /** KDE coordinates of a config: unit-cube values, categorical level indices, NaN where inactive. */
  private vector(config: Config): Float64Array {
    const u = this.space.encode(config);
    return Float64Array.from(this.slots, (slot, j) => {
      const c = this.levels[j];
      const v = u[slot];
      return c > 0 && !Number.isNaN(v) ? Math.min(c - 1, Math.floor(v * c)) : v;
    });
  }

  /** HpBandSter's impute_conditional_data: NaNs copied from a random row that has the value, else drawn at random. */
  private imputed(rows: readonly Float64Array[]): Float64Array {
    const p = this.slots.length;
    const out = new Float64Array(rows.length * p);
    rows.forEach((row, r) => {
      const datum = Float64Array.from(row);
      for (let j = datum.findIndex(Number.isNaN); j >= 0; j = datum.findIndex(Number.isNaN)) {
        const donors = rows.filter((other) => !Number.isNaN(other[j]));
        if (donors.length > 0) {
          const donor = donors[Math.floor(this.rng.random() * donors.length)];
          for (let k = 0; k < p; k++) if (Number.isNaN(datum[k])) datum[k] = donor[k];
        } else {
          datum[j] = this.levels[j] > 0 ? this.rng.int(0, this.levels[j] - 1) : this.rng.random();
        }
      }
      out.set(datum, r * p);
    });
    return out;
  }

  /** One draw from the good KDE: a random data point, perturbed per column (HpBandSter's get_config loop). */
  private sampleAround(good: KernelDensity): Float64Array {
    const datum = good.row(Math.floor(this.rng.random() * good.n));
    const x = new Float64Array(good.p);
    for (let j = 0; j < good.p; j++) {
      const bw = Math.max(good.bandwidth[j], this.settings.minBandwidth);
      const c = this.levels[j];
      if (c === 0) x[j] = truncatedNormalUnit(this.rng, datum[j], bw * this.settings.bandwidthFactor);
      else x[j] = this.rng.random() < 1 - bw ? datum[j] : this.rng.int(0, c - 1);
    }
    return x;
  }

  private decode(x: Float64Array): Config {
    const u = new Float64Array(this.space.dimension).fill(0.5);
    this.slots.forEach((slot, j) => {
      const c = this.levels[j];
      u[slot] = c > 0 ? (x[j] + 0.5) / c : x[j];
    });
    return decodeUnit(this.space, u);
  }
}

/** N(mean, sd) truncated to [0, 1], by rejection (the mass is at least ~0.16 for a mean in [0, 1]), then clamped. */
function truncatedNormalUnit(rng: Rng, mean: number, sd: number): number {
  for (let t = 0; t < 100; t++) {
    const v = rng.normal(mean, sd);
    if (v >= 0 && v <= 1) return v;
  }
  return Math.min(1, Math.max(0, mean));
}
