import { SpecError, UnknownNameError } from './errors.js';
import type { OptimizerFactory, Options, OptionValue } from './optimizer.js';

/** Checks user options against a factory's specs, up front, naming the bad option; fills defaults. */
export function resolveOptions(factory: Pick<OptimizerFactory, 'name' | 'options'>, raw: Options = {}): Options {
  const out: Record<string, OptionValue> = {};
  const valid = Object.keys(factory.options);
  for (const key of Object.keys(raw)) {
    if (!(key in factory.options)) throw new UnknownNameError(`option of optimizer '${factory.name}'`, key, valid);
  }
  for (const [key, spec] of Object.entries(factory.options)) {
    const value = key in raw ? raw[key] : spec.default;
    const where = `Option '${key}' of optimizer '${factory.name}'`;
    if (value === null) {
      out[key] = value;
      continue;
    }
    switch (spec.type) {
      case 'number':
      case 'integer':
        if (typeof value !== 'number' || !Number.isFinite(value)) throw new SpecError(`${where} must be a number, got ${JSON.stringify(value)}.`);
        if (spec.type === 'integer' && !Number.isInteger(value)) throw new SpecError(`${where} must be an integer, got ${value}.`);
        if (spec.min !== undefined && value < spec.min) throw new SpecError(`${where} must be >= ${spec.min}, got ${value}.`);
        if (spec.max !== undefined && value > spec.max) throw new SpecError(`${where} must be <= ${spec.max}, got ${value}.`);
        break;
      case 'boolean':
        if (typeof value !== 'boolean') throw new SpecError(`${where} must be true or false, got ${JSON.stringify(value)}.`);
        break;
      case 'string':
        if (typeof value !== 'string') throw new SpecError(`${where} must be a string, got ${JSON.stringify(value)}.`);
        if (spec.choices && !spec.choices.includes(value)) throw new SpecError(`${where} must be one of ${spec.choices.join(', ')}, got '${value}'.`);
        break;
      case 'json':
        break;
    }
    const problem = spec.check?.(value);
    if (problem !== undefined) throw new SpecError(`${where} ${problem}, got ${JSON.stringify(value)}.`);
    out[key] = value;
  }
  return out;
}
