import type { CompiledSpace } from './compiledSpace.js';
import type { Values } from './conditions.js';
import type { Config, Value } from './types.js';

/**
 * The config of the active parameters, keys in `names` order whatever order they were
 * computed in (so equal configs serialize identically).
 */
export function assemble(space: CompiledSpace, values: Values, active: Uint8Array): Config {
  const config: Record<string, Value> = {};
  const names = space.names;
  for (let i = 0; i < names.length; i++) {
    if (active[i] === 1) config[names[i]] = values[names[i]] as Value;
  }
  return config;
}

/**
 * Activity and values in topological order: a parameter that becomes active takes
 * `pick(i)` (only called for active ones); inactive ones are left out.
 */
export function resolve(space: CompiledSpace, pick: (i: number) => Value): Config {
  const { order, gates } = space.conditions;
  const names = space.names;
  const values: Record<string, Value> = {};
  const active = new Uint8Array(names.length);
  for (const i of order) {
    const gate = gates[i];
    if (gate === undefined || gate(values, active)) {
      active[i] = 1;
      values[names[i]] = pick(i);
    }
  }
  return assemble(space, values, active);
}
