/**
 * SMAC's RunHistoryLogScaledEncoder: costs scaled to (0, 1] against a lower reference set
 * below the minimum by the distance from the minimum to the 5th percentile, then logged:
 *   lo = min - (p5 - min) - 1e-10,  y' = log((y - lo) / (max - lo)).
 */
export function logScaledCosts(costs: Float64Array): Float64Array {
  const n = costs.length;
  const sorted = Float64Array.from(costs).sort();
  const min = sorted[0];
  const max = sorted[n - 1];
  const p5 = percentile(sorted, 5);
  let lo = min - (p5 - min) - 1e-10;
  if (lo === max) lo *= 1 - 1e-10;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.log((costs[i] - lo) / (max - lo));
  return out;
}

/** numpy.percentile with linear interpolation on an ascending array. */
export function percentile(sorted: Float64Array, q: number): number {
  const pos = (q / 100) * (sorted.length - 1);
  const i = Math.floor(pos);
  const frac = pos - i;
  return i + 1 < sorted.length ? sorted[i] + frac * (sorted[i + 1] - sorted[i]) : sorted[i];
}
