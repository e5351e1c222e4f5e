/** The fidelity values a YAHPO trial is evaluated at, as CARP-S's YahpoObjectiveFunction sets them. */
import { InvalidConfigError } from '../../core/index.js';
import type { YahpoTaskSpec } from './catalogue.js';
import type { FidelityRange } from './scenarioData.js';

/** Python's round(): halves go to the even neighbour (CARP-S rounds epoch / repl budgets with it). */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * Every fidelity parameter of the scenario -> its value for this trial: the task's own fidelity from
 * the trial (rounded half-to-even when integer, the maximum when absent), every other one at its maximum.
 */
export function fidelityValues(spec: YahpoTaskSpec, ranges: Readonly<Record<string, FidelityRange>>, requested: number | undefined): Record<string, number> {
  if (!spec.fidelity && requested !== undefined) {
    throw new InvalidConfigError(`Task '${spec.id}' is not multi-fidelity (every fidelity is fixed at its maximum), but the trial asks for fidelity ${requested}.`);
  }
  const values: Record<string, number> = {};
  for (const [name, range] of Object.entries(ranges)) values[name] = range.upper;
  if (spec.fidelity && requested !== undefined) {
    const range = ranges[spec.fidelity];
    const value = range.integer ? roundHalfEven(requested) : requested;
    if (!Number.isFinite(value) || value < range.lower || value > range.upper) {
      throw new InvalidConfigError(`Task '${spec.id}' needs fidelity ${spec.fidelity} in [${range.lower}, ${range.upper}]${range.integer ? ' (rounded to an integer)' : ''}, got ${requested}.`);
    }
    values[spec.fidelity] = value;
  }
  return values;
}
