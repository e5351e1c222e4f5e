import { InvalidConfigError } from '../errors.js';
import { resolve } from './assemble.js';
import type { CompiledSpace } from './compiledSpace.js';
import { computeActivity } from './conditions.js';
import { showDomain, showValue } from './describe.js';
import type { Config, Value } from './types.js';

/** One slot per hyperparameter in `names` order (codecs in unitCube.ts); NaN for inactive parameters. */
export function encodeConfig(space: CompiledSpace, config: Config): Float64Array {
  const { names, codecs } = space;
  const out = new Float64Array(names.length);
  const active = space.conditioned ? computeActivity(space.conditions, config) : undefined;
  for (let i = 0; i < names.length; i++) {
    if (active !== undefined && active[i] === 0) {
      out[i] = NaN;
      continue;
    }
    const u = codecs[i].toUnit(config[names[i]]);
    if (Number.isNaN(u)) throw unencodable(space, i, config[names[i]]);
    out[i] = u;
  }
  return out;
}

/**
 * The configuration a unit-cube point stands for. Slots are clamped to [0, 1]; parameters
 * the decoded parents make inactive are dropped; an active parameter whose slot is NaN
 * takes its default. Forbidden clauses are not checked here.
 */
export function decodeVector(space: CompiledSpace, vector: ArrayLike<number>): Config {
  const { names, codecs, defaults } = space;
  if (vector.length !== names.length) {
    throw new InvalidConfigError(`decode needs ${names.length} numbers, one per hyperparameter (${names.join(', ')}), got ${vector.length}.`);
  }
  const pick = (i: number): Value => (Number.isNaN(vector[i]) ? defaults[i] : codecs[i].fromUnit(vector[i]));
  if (space.conditioned) return resolve(space, pick);
  const config: Record<string, Value> = {};
  for (let i = 0; i < names.length; i++) config[names[i]] = pick(i);
  return config;
}

function unencodable(space: CompiledSpace, i: number, value: Value | undefined): InvalidConfigError {
  const hp = space.hps[i];
  if (value === undefined) return new InvalidConfigError(`Cannot encode: active hyperparameter '${hp.name}' is missing; it takes ${showDomain(hp)}.`);
  return new InvalidConfigError(`Cannot encode hyperparameter '${hp.name}' = ${showValue(value)}; it takes ${showDomain(hp)}.`);
}
