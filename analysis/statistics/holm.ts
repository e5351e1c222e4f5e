/**
 * Holm's step-down correction: sort the m p-values ascending, multiply the i-th (0-based)
 * by m - i, carry the running maximum and cap at 1. Returns adjusted p-values in input
 * order (statsmodels.stats.multitest.multipletests(method='holm')).
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((_, i) => i).sort((a, b) => pValues[a] - pValues[b]);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach((index, i) => {
    running = Math.max(running, Math.min(1, (m - i) * pValues[index]));
    adjusted[index] = running;
  });
  return adjusted;
}
