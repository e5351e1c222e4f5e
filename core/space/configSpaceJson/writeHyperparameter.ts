import type { ConfigSpaceFormat, Hyperparameter } from '../types.js';
import type { Json } from './fields.js';

/** How the writer spells a layout: which key holds categorical weights, whether numerics carry 'q'. */
export interface Dialect {
  readonly format: ConfigSpaceFormat;
  readonly weightsKey: 'probabilities' | 'weights';
  readonly writesQ: boolean;
}

/** One hyperparameter as ConfigSpace writes it (field sets of 0.x json.py and 1.x dictionary.py). */
export function writeHyperparameter(hp: Hyperparameter, dialect: Dialect): Json {
  const legacy = dialect.format === 'legacy';
  const defaultKey = legacy ? 'default' : 'default_value';
  const out: Json = legacy ? { name: hp.name, type: typeName(hp) } : { type: typeName(hp), name: hp.name };
  switch (hp.type) {
    case 'float':
    case 'int':
      if (legacy) out.log = hp.log;
      if (hp.prior?.kind === 'normal') Object.assign(out, { mu: hp.prior.mu, sigma: hp.prior.sigma });
      if (hp.prior?.kind === 'beta') Object.assign(out, { alpha: hp.prior.alpha, beta: hp.prior.beta });
      Object.assign(out, { lower: hp.lower, upper: hp.upper, [defaultKey]: hp.default });
      if (!legacy) out.log = hp.log;
      if (hp.q !== undefined || (legacy && dialect.writesQ)) out.q = hp.q ?? null;
      break;
    case 'categorical':
      out.choices = [...hp.choices];
      if (!legacy) out.weights = hp.weights ? [...hp.weights] : null;
      out[defaultKey] = hp.default;
      if (legacy) out[dialect.weightsKey] = hp.weights ? [...hp.weights] : null;
      break;
    case 'ordinal':
      Object.assign(out, { sequence: [...hp.sequence], [defaultKey]: hp.default });
      break;
    case 'constant':
      out.value = hp.value;
      break;
  }
  if (!legacy) out.meta = hp.meta ?? null;
  else if (hp.meta !== undefined) out.meta = hp.meta;
  return out;
}

function typeName(hp: Hyperparameter): string {
  if (hp.type !== 'float' && hp.type !== 'int') return hp.type;
  const family = hp.prior?.kind ?? 'uniform';
  return `${family}_${hp.type}`;
}
