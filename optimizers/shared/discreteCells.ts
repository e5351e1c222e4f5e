import { SearchSpace, type Hyperparameter, type Value } from '../../core/index.js';

/** Discrete hyperparameters with more levels than this are treated as continuous (rounded by decode). */
const MAX_DISCRETE_LEVELS = 64;

/**
 * How one hyperparameter's unit-cube slot splits into cells of equal decoded value:
 * - { kind: 'continuous' }: floats, and integers/choices with more than MAX_DISCRETE_LEVELS levels;
 * - { kind: 'discrete', thresholds }: the interior cell boundaries t_1 < ... < t_{k-1} (u < t_1 decodes
 *   to the first level, u >= t_{k-1} to the last); no thresholds means a single level (nothing to optimize).
 * Boundaries are found by bisection on the space's own decode, so they follow whatever the codec does.
 */
export type CellLayout = { readonly kind: 'continuous' } | { readonly kind: 'discrete'; readonly thresholds: readonly number[] };

export function cellLayout(hp: Hyperparameter): CellLayout {
  const levels = levelCount(hp);
  if (levels === undefined || levels > MAX_DISCRETE_LEVELS) return { kind: 'continuous' };
  if (levels <= 1) return { kind: 'discrete', thresholds: [] };
  const single = new SearchSpace({ hyperparameters: [hp] });
  const at = (u: number): Value => single.decode([u])[hp.name];
  const last = at(1 - 2 ** -53);
  const thresholds: number[] = [];
  let from = 0;
  let value = at(0);
  while (value !== last && thresholds.length < levels) {
    let lo = from;
    let hi = 1 - 2 ** -53;
    for (let step = 0; step < 48 && hi - lo > 1e-15; step++) {
      const mid = (lo + hi) / 2;
      if (at(mid) === value) lo = mid;
      else hi = mid;
    }
    thresholds.push(hi);
    from = hi;
    value = at(hi);
  }
  return { kind: 'discrete', thresholds };
}

function levelCount(hp: Hyperparameter): number | undefined {
  switch (hp.type) {
    case 'float':
      return hp.q !== undefined ? Math.floor((hp.upper - hp.lower) / hp.q + 1e-9) + 1 : undefined;
    case 'int':
      return hp.upper - hp.lower + 1;
    case 'categorical':
      return hp.choices.length;
    case 'ordinal':
      return hp.sequence.length;
    case 'constant':
      return 1;
  }
}
