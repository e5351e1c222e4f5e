import type { Hyperparameter, SearchSpace, Value } from '../../core/index.js';

/**
 * How TPE sees one hyperparameter, as Optuna's distributions: numeric (Float/IntDistribution with
 * log and step; ordinals as integer positions) or categorical (index). Internal values are the
 * raw number (numeric) or the choice index (categorical); constants have no domain.
 */
export type TpeDomain = NumericDomain | CategoricalDomain;

export interface NumericDomain {
  readonly kind: 'numeric';
  readonly hp: Hyperparameter;
  readonly low: number;
  readonly high: number;
  readonly log: boolean;
  /** Grid step (ints: 1, floats with q: q); 0 for continuous. */
  readonly step: number;
  /** Kernel support after Optuna's step extension (low - step/2, high + step/2) and log transform. */
  readonly tLow: number;
  readonly tHigh: number;
}

export interface CategoricalDomain {
  readonly kind: 'categorical';
  readonly hp: Hyperparameter;
  readonly choices: readonly Value[];
}

function numeric(hp: Hyperparameter, low: number, upper: number, log: boolean, step: number): NumericDomain {
  // On a grid the top is its last point (Optuna adjusts high the same way).
  const high = step > 0 ? low + Math.floor((upper - low) / step + 1e-9) * step : upper;
  let lo = step > 0 ? low - step / 2 : low;
  const hi = step > 0 ? high + step / 2 : high;
  if (log && !(lo > 0)) lo = low / 2; // a grid cell reaching 0 cannot be logged
  return { kind: 'numeric', hp, low, high, log, step, tLow: log ? Math.log(lo) : lo, tHigh: log ? Math.log(hi) : hi };
}

export function domainOf(hp: Hyperparameter): TpeDomain | undefined {
  switch (hp.type) {
    case 'float':
      return numeric(hp, hp.lower, hp.upper, hp.log, hp.q ?? 0);
    case 'int':
      return numeric(hp, hp.lower, hp.upper, hp.log, hp.q ?? 1);
    case 'ordinal':
      return hp.sequence.length > 1 ? numeric(hp, 0, hp.sequence.length - 1, false, 1) : undefined;
    case 'categorical':
      return hp.choices.length > 1 ? { kind: 'categorical', hp, choices: hp.choices } : undefined;
    case 'constant':
      return undefined;
  }
}

/** One entry per hyperparameter of the space (undefined: single-valued, never modelled). */
export function domainsOf(space: SearchSpace): (TpeDomain | undefined)[] {
  return space.hyperparameters.map((hp) => {
    const d = domainOf(hp);
    return d && (d.kind === 'categorical' || d.high > d.low) ? d : undefined;
  });
}

/** Internal representation of a config value (NaN if it does not belong to the domain). */
export function toInternal(domain: TpeDomain, value: Value): number {
  if (domain.kind === 'categorical') {
    const i = domain.choices.indexOf(value);
    return i < 0 ? NaN : i;
  }
  if (domain.hp.type === 'ordinal') {
    const i = domain.hp.sequence.indexOf(value);
    return i < 0 ? NaN : i;
  }
  return typeof value === 'number' ? value : NaN;
}

/** The config value of an internal value (already on the grid for numeric domains). */
export function toExternal(domain: TpeDomain, internal: number): Value {
  if (domain.kind === 'categorical') return domain.choices[internal];
  if (domain.hp.type === 'ordinal') return domain.hp.sequence[internal];
  return internal;
}

/** Snaps a sampled numeric value to the domain: Optuna's round-to-step and clip (ints exact). */
export function snap(domain: NumericDomain, value: number): number {
  if (domain.step === 0) return Math.min(domain.high, Math.max(domain.low, value));
  const k = Math.round((value - domain.low) / domain.step);
  const v = domain.low + k * domain.step;
  const tidy = domain.hp.type === 'float' ? Number(v.toPrecision(12)) : Math.round(v);
  return Math.min(domain.high, Math.max(domain.low, tidy));
}
