/**
 * Effect sizes for comparing two samples of costs. Conventions: cliffsDelta(x, y) > 0 and
 * a12(x, y) > 0.5 mean x tends to be LARGER than y (for costs: x is worse).
 */

/** Cliff's delta: (#{x > y} - #{x < y}) / (n m), over all pairs. */
export function cliffsDelta(x: readonly number[], y: readonly number[]): number {
  const { greater, less } = pairCounts(x, y);
  return (greater - less) / (x.length * y.length);
}

/** Vargha & Delaney's A12: P(X > Y) + P(X = Y) / 2 = (delta + 1) / 2. */
export function varghaDelaneyA12(x: readonly number[], y: readonly number[]): number {
  const { greater, less } = pairCounts(x, y);
  const pairs = x.length * y.length;
  return (greater + (pairs - greater - less) / 2) / pairs;
}

export type Magnitude = 'negligible' | 'small' | 'medium' | 'large';

/** Romano et al. (2006) thresholds on |delta|: 0.147, 0.33, 0.474. */
export function cliffsDeltaMagnitude(delta: number): Magnitude {
  const a = Math.abs(delta);
  return a < 0.147 ? 'negligible' : a < 0.33 ? 'small' : a < 0.474 ? 'medium' : 'large';
}

/** Vargha & Delaney (2000) thresholds on |A12 - 0.5|: 0.06, 0.14, 0.21. */
export function a12Magnitude(a12: number): Magnitude {
  const a = Math.abs(a12 - 0.5);
  return a < 0.06 ? 'negligible' : a < 0.14 ? 'small' : a < 0.21 ? 'medium' : 'large';
}

/** Counts of pairs with x > y and x < y in O((n + m) log(n + m)). */
function pairCounts(x: readonly number[], y: readonly number[]): { greater: number; less: number } {
  if (x.length === 0 || y.length === 0) throw new RangeError('Effect sizes need two non-empty samples.');
  const sorted = [...y].sort((a, b) => a - b);
  let greater = 0;
  let less = 0;
  for (const v of x) {
    const below = lowerBound(sorted, v);
    const notAbove = upperBound(sorted, v);
    greater += below;
    less += sorted.length - notAbove;
  }
  return { greater, less };
}

function lowerBound(sorted: readonly number[], v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function upperBound(sorted: readonly number[], v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
