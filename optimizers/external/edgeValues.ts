import type { SearchSpace } from '../../core/index.js';
import type { ConfigJson } from './protocol.js';

/**
 * How far outside a bound a program's value may be and still count as the bound: relative to
 * the bound's magnitude (or the range's width, whichever is larger). Mapping u = 1 back through
 * exp(log(upper)) lands a few ulps off (0.10000000000000006 for 0.10000000000000002); 1e-12 is
 * thousands of ulps, yet far below any meaningful step of a hyperparameter.
 */
export const EDGE_TOLERANCE = 1e-12;

/** True when `value` is outside [lower, upper] by no more than the tolerance. */
export function nearBound(value: number, lower: number, upper: number): boolean {
  const slack = EDGE_TOLERANCE * Math.max(Math.abs(lower), Math.abs(upper), upper - lower);
  return (value < lower && value >= lower - slack) || (value > upper && value <= upper + slack);
}

/** Clips `value` into [lower, upper] when it is within the tolerance of a bound; else returns it unchanged. */
export function snapToBounds(value: number, lower: number, upper: number): number {
  if (!nearBound(value, lower, upper)) return value;
  return Math.min(Math.max(value, lower), upper);
}

/**
 * A proposal's config with float values that sit a few ulps outside their bounds clipped onto
 * the bound (integers, choices and values further out are left for validation to reject).
 * Returns the same object when nothing needed clipping.
 */
export function clipEdgeValues(space: SearchSpace, config: ConfigJson): ConfigJson {
  let clipped: ConfigJson | undefined;
  for (const hp of space.hyperparameters) {
    if (hp.type !== 'float') continue;
    const value = config[hp.name];
    if (typeof value !== 'number') continue;
    const snapped = snapToBounds(value, hp.lower, hp.upper);
    if (snapped !== value) (clipped ??= { ...config })[hp.name] = snapped;
  }
  return clipped ?? config;
}
