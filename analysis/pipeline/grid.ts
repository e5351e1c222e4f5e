/** The budget-fraction grid 0, 1/(n-1), ..., 1 (CARP-S interpolates on 0..1 as well). */
export function budgetGrid(points: number): number[] {
  if (!Number.isInteger(points) || points < 2) throw new RangeError(`The budget grid needs at least 2 points, got ${points}.`);
  return Array.from({ length: points }, (_, i) => i / (points - 1));
}

const TOLERANCE = 1e-9;

/**
 * Samples a step function on the grid: at fraction g, the last value whose fraction is <= g.
 * Grid points before the first value take the first value (what CARP-S's np.interp does at
 * the left end), so every run starts where its first successful trial put it. Fractions
 * must ascend; null values (nothing yet) are skipped.
 */
export function sampleSteps<T>(fractions: readonly number[], values: readonly (T | null)[], grid: readonly number[]): (T | null)[] {
  const out: (T | null)[] = new Array(grid.length).fill(null);
  let first: T | null = null;
  let current: T | null = null;
  let i = 0;
  for (let g = 0; g < grid.length; g++) {
    while (i < fractions.length && fractions[i] <= grid[g] + TOLERANCE) {
      if (values[i] !== null) {
        current = values[i];
        first ??= current;
      }
      i++;
    }
    out[g] = current;
  }
  if (first === null) {
    for (let j = i; j < values.length && first === null; j++) first = values[j];
  }
  for (let g = 0; g < out.length && out[g] === null; g++) out[g] = first;
  return out;
}
