import type { FloatHyperparameter, Hyperparameter, IntHyperparameter, Value } from './types.js';

/**
 * One hyperparameter's map to and from [0, 1].
 * - float: linear or log; with q, a grid of equal-width cells (linear) or log then snapped to the grid.
 * - int: cell-centred, so every integer gets equal width: decode(u) = lower + floor(u * (upper - lower + 1));
 *   on a log scale the cells are [k - 0.5, k + 0.5) in log space (ConfigSpace's rounding), encode gives their centre.
 * - categorical / ordinal: choice i owns [i/k, (i+1)/k), encode gives the centre (i + 0.5) / k.
 * - constant: always 0.5, the centre of its single cell (ConfigSpace writes 0; the centre keeps
 *   every type's encode a cell centre).
 * fromUnit clamps u to [0, 1]; toUnit returns NaN for a value it cannot place (wrong type or unknown choice).
 */
export interface UnitCodec {
  toUnit(value: Value): number;
  fromUnit(u: number): Value;
  /** Length of the range in the units the codec is linear in (value, or log value), to scale a prior's sigma. */
  readonly span: number;
  /** Position of any real x on the numeric axis (not snapped to a cell centre), to place a prior's mu. */
  locate(x: number): number;
}

export function unitCodec(hp: Hyperparameter): UnitCodec {
  switch (hp.type) {
    case 'float':
      return hp.q !== undefined ? quantizedCodec(hp, hp.q) : hp.log ? logFloatCodec(hp.lower, hp.upper) : linearFloatCodec(hp.lower, hp.upper);
    case 'int':
      return hp.q !== undefined && hp.q !== 1 ? quantizedCodec(hp, hp.q) : hp.log ? logIntCodec(hp.lower, hp.upper) : linearIntCodec(hp.lower, hp.upper);
    case 'categorical':
      return indexCodec(hp.choices);
    case 'ordinal':
      return indexCodec(hp.sequence);
    case 'constant':
      return { toUnit: () => 0.5, fromUnit: () => hp.value, span: 1, locate: () => 0.5 };
  }
}

export function clampUnit(u: number): number {
  return u < 0 ? 0 : u > 1 ? 1 : u;
}

function linearFloatCodec(lo: number, hi: number): UnitCodec {
  const span = hi - lo;
  return {
    toUnit: (v) => (typeof v === 'number' ? (v - lo) / span : NaN),
    fromUnit: (u) => (u >= 1 ? hi : Math.min(hi, Math.max(lo, lo + clampUnit(u) * span))),
    span,
    locate: (x) => (x - lo) / span,
  };
}

function logFloatCodec(lo: number, hi: number): UnitCodec {
  const base = Math.log(lo);
  const span = Math.log(hi) - base;
  return {
    toUnit: (v) => (typeof v === 'number' ? (Math.log(v) - base) / span : NaN),
    // The bounds exactly at the ends: exp(log(lo)) is not always lo.
    fromUnit: (u) => (u <= 0 ? lo : u >= 1 ? hi : Math.min(hi, Math.max(lo, Math.exp(base + u * span)))),
    span,
    locate: (x) => (Math.log(x) - base) / span,
  };
}

function linearIntCodec(lo: number, hi: number): UnitCodec {
  const n = hi - lo + 1;
  return {
    toUnit: (v) => (typeof v === 'number' ? (v - lo + 0.5) / n : NaN),
    fromUnit: (u) => Math.min(hi, lo + Math.floor(clampUnit(u) * n)),
    span: n,
    locate: (x) => (x - lo + 0.5) / n,
  };
}

function logIntCodec(lo: number, hi: number): UnitCodec {
  const base = Math.log(lo - 0.5);
  const span = Math.log(hi + 0.5) - base;
  return {
    // Centre of the cell [v - 0.5, v + 0.5) in log space.
    toUnit: (v) => (typeof v === 'number' ? ((Math.log(v - 0.5) + Math.log(v + 0.5)) / 2 - base) / span : NaN),
    fromUnit: (u) => Math.min(hi, Math.max(lo, Math.floor(Math.exp(base + clampUnit(u) * span) + 0.5))),
    span,
    locate: (x) => (Math.log(x) - base) / span,
  };
}

/** Grid lower + j*q (j = 0..m-1). Linear: equal-width cells; log: decode on the log scale, then snap. */
function quantizedCodec(hp: FloatHyperparameter | IntHyperparameter, q: number): UnitCodec {
  const { lower: lo, upper: hi } = hp;
  const m = Math.floor((hi - lo) / q + 1e-9) + 1;
  const at = (j: number) => tidy(lo + Math.min(m - 1, Math.max(0, j)) * q);
  if (hp.log) {
    const inner = logFloatCodec(lo, hi);
    return { ...inner, fromUnit: (u) => at(Math.round(((inner.fromUnit(u) as number) - lo) / q)) };
  }
  return {
    toUnit: (v) => (typeof v === 'number' ? (Math.round((v - lo) / q) + 0.5) / m : NaN),
    fromUnit: (u) => at(Math.floor(clampUnit(u) * m)),
    span: m * q,
    locate: (x) => (x - lo + q / 2) / (m * q),
  };
}

/** Drops the float noise of lower + j*q (0.1 + 3*0.1 -> 0.4). */
function tidy(x: number): number {
  return Number(x.toPrecision(12));
}

function indexCodec(items: readonly Value[]): UnitCodec {
  const k = items.length;
  const index = new Map<Value, number>(items.map((v, i) => [v, i]));
  return {
    toUnit: (v) => {
      const i = index.get(v);
      return i === undefined ? NaN : (i + 0.5) / k;
    },
    fromUnit: (u) => items[Math.min(k - 1, Math.floor(clampUnit(u) * k))],
    span: k,
    locate: () => NaN,
  };
}
