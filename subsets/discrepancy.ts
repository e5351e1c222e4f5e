import { SpecError } from '../core/index.js';
import type { ValuedBox } from './box.js';
import { exactDiscrepancy } from './dem.js';
import type { PointSet } from './pointSet.js';
import { thresholdAcceptingLowerBound, type ThresholdAcceptingOptions } from './thresholdAccepting.js';

/** 'exact': the DEM algorithm. 'ta': threshold accepting, a lower bound (for large d). */
export type DiscrepancyMethod = 'exact' | 'ta';
export const DISCREPANCY_METHODS: readonly DiscrepancyMethod[] = ['exact', 'ta'];

export interface DiscrepancyReport {
  readonly value: number;
  readonly method: DiscrepancyMethod;
  /** True when `value` is only a lower bound on the star discrepancy (method 'ta'). */
  readonly lowerBound: boolean;
  /** A box attaining `value`. */
  readonly box: ValuedBox;
}

export function starDiscrepancy(points: PointSet, options: { readonly method?: string } & ThresholdAcceptingOptions = {}): DiscrepancyReport {
  const method = options.method ?? 'exact';
  if (method === 'exact') {
    const box = exactDiscrepancy(points);
    return { value: box.value, method, lowerBound: false, box };
  }
  if (method === 'ta') {
    const box = thresholdAcceptingLowerBound(points, options);
    return { value: box.value, method, lowerBound: true, box };
  }
  throw new SpecError(`Discrepancy method '${method}' is unknown: valid: ${DISCREPANCY_METHODS.join(', ')}.`);
}
