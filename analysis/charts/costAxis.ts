/** Positive values spanning this ratio or more are drawn on a log axis. */
const LOG_SPAN = 100;

export interface CostAxis {
  /** A vega-lite scale. */
  readonly scale: Record<string, unknown>;
  readonly log: boolean;
  /** Appended to the axis title. */
  readonly titleSuffix: string;
  /** A vega-lite axis (tick values of a symmetric log axis), if the default does not fit. */
  readonly axis?: Record<string, unknown>;
}

/**
 * The y-axis of a chart of costs. Costs that span orders of magnitude (a BBOB run starts near
 * 500,000 and ends near 10) get a log axis, else the end of every curve is a flat line at 0;
 * Costs of both signs (BBOB costs include the instance's f_opt) whose range is orders of magnitude
 * wider than the spread of the `finals` get a symmetric log axis, linear within that spread.
 * Otherwise a linear axis over the values' own range (not from zero, and never past the data).
 */
export function costAxis(values: readonly number[], finals: readonly number[] = []): CostAxis {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return { scale: { zero: false }, log: false, titleSuffix: '' };
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  if (min > 0 && max / min >= LOG_SPAN) return { scale: { type: 'log' }, log: true, titleSuffix: ' (log scale)' };
  const ends = finals.filter(Number.isFinite);
  const endSpread = ends.length ? Math.max(...ends) - Math.min(...ends) : 0;
  if (endSpread > 0 && (max - min) / endSpread >= LOG_SPAN) {
    return {
      scale: { type: 'symlog', constant: endSpread, domain: [min, max], nice: false }, log: true, titleSuffix: ' (symmetric log scale)',
      axis: { values: symlogTicks(min, max, endSpread), format: '.3~s' },
    };
  }
  return { scale: { zero: false, domain: min === max ? [min - 1, max + 1] : [min, max] }, log: false, titleSuffix: '' };
}

/** An error band's edges kept inside [floor, ceiling]: an incumbent mean minus its standard error may fall below any cost ever seen. */
export function clip(value: number, floor: number, ceiling: number): number {
  return Math.min(Math.max(value, floor), ceiling);
}

/** 0 and ±powers of ten from the linear part outwards, inside [min, max]; the ends themselves too. */
function symlogTicks(min: number, max: number, constant: number): number[] {
  const ticks = new Set<number>([min, max]);
  if (min < 0 && max > 0) ticks.add(0);
  for (let p = 10 ** Math.ceil(Math.log10(constant)); p <= Math.max(-min, max); p *= 10) {
    if (p <= max) ticks.add(p);
    if (-p >= min) ticks.add(-p);
  }
  return [...ticks].sort((a, b) => a - b);
}
