import type { TrialValue } from '../../core/index.js';

/**
 * The cost vector of a successful multi-objective trial (a scalar cost counts as one objective);
 * undefined for a crashed one: status other than 'ok', a non-finite entry, or the wrong length.
 */
export function okCostVector(value: TrialValue, nObjectives: number): number[] | undefined {
  if (value.status !== 'ok') return undefined;
  const cost = typeof value.cost === 'number' ? [value.cost] : [...value.cost];
  if (cost.length !== nObjectives || !cost.every(Number.isFinite)) return undefined;
  return cost;
}
