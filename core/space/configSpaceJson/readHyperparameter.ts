import { SpecError } from '../../errors.js';
import { showValue } from '../describe.js';
import type { Hyperparameter, Prior } from '../types.js';
import { asNumber, asObject, asString, asValue, asValues, has, required, type Json } from './fields.js';

/** ConfigSpace hyperparameter type names (both layouts); 'unparametrized' (0.x) reads as a constant. */
const HYPERPARAMETER_TYPES = ['uniform_float', 'uniform_int', 'normal_float', 'normal_int', 'beta_float', 'beta_int', 'categorical', 'ordinal', 'constant'] as const;

/** One hyperparameter of either layout ('default' or 'default_value', 'probabilities' or 'weights'). */
export function readHyperparameter(raw: unknown, position: number): Hyperparameter {
  const item = asObject(raw, `hyperparameters[${position}]`);
  const name = asString(item.name, `hyperparameters[${position}].name`);
  const where = `hyperparameter '${name}'`;
  const type = item.type;
  const meta = has(item, 'meta') ? { meta: asObject(item.meta, `${where}: 'meta'`) } : {};
  switch (type) {
    case 'uniform_float':
    case 'normal_float':
    case 'beta_float':
    case 'uniform_int':
    case 'normal_int':
    case 'beta_int':
      return { ...readNumeric(item, name, type), ...meta };
    case 'categorical': {
      const choices = asValues(required(item, 'choices', where), `${where}: 'choices'`);
      const weightsRaw = has(item, 'weights') ? item.weights : item.probabilities;
      const weights = weightsRaw === undefined || weightsRaw === null ? undefined : (asNumberList(weightsRaw, `${where}: 'weights'`) as readonly number[]);
      const def = defaultOf(item) ?? (weights ? choices[weights.indexOf(Math.max(...weights))] : choices[0]);
      return { type: 'categorical', name, choices, default: asValue(def, `${where}: default`), ...(weights ? { weights } : {}), ...meta };
    }
    case 'ordinal': {
      const sequence = asValues(required(item, 'sequence', where), `${where}: 'sequence'`);
      return { type: 'ordinal', name, sequence, default: asValue(defaultOf(item) ?? sequence[0], `${where}: default`), ...meta };
    }
    case 'constant':
    case 'unparametrized':
      return { type: 'constant', name, value: asValue(required(item, 'value', where), `${where}: 'value'`), ...meta };
    default:
      throw new SpecError(`ConfigSpace JSON: ${where} has unknown type ${showValue(type)}; valid: ${HYPERPARAMETER_TYPES.join(', ')}.`);
  }
}

function readNumeric(item: Json, name: string, type: string): Hyperparameter {
  const where = `hyperparameter '${name}'`;
  const isInt = type.endsWith('_int');
  const lower = asNumber(required(item, 'lower', where), `${where}: 'lower' bound`);
  const upper = asNumber(required(item, 'upper', where), `${where}: 'upper' bound`);
  const log = item.log === undefined || item.log === null ? false : item.log === true;
  const prior = readPrior(item, type, where);
  const rawDefault = defaultOf(item);
  const def = rawDefault === undefined ? impliedDefault(lower, upper, log, isInt, prior) : asNumber(rawDefault, `${where}: default`);
  const q = has(item, 'q') ? { q: asNumber(item.q, `${where}: 'q'`) } : {};
  return { type: isInt ? 'int' : 'float', name, lower, upper, log, default: def, ...q, ...(prior ? { prior } : {}) };
}

function readPrior(item: Json, type: string, where: string): Prior | undefined {
  if (type.startsWith('normal_')) {
    return { kind: 'normal', mu: asNumber(required(item, 'mu', where), `${where}: 'mu'`), sigma: asNumber(required(item, 'sigma', where), `${where}: 'sigma'`) };
  }
  if (type.startsWith('beta_')) {
    return { kind: 'beta', alpha: asNumber(required(item, 'alpha', where), `${where}: 'alpha'`), beta: asNumber(required(item, 'beta', where), `${where}: 'beta'`) };
  }
  return undefined;
}

/** ConfigSpace 1.x's default when none is written: the (log-)midpoint, mu clipped, or the beta's mode. */
function impliedDefault(lower: number, upper: number, log: boolean, isInt: boolean, prior: Prior | undefined): number {
  const toAxis = (x: number) => (log ? Math.log(x) : x);
  const fromAxis = (x: number) => (log ? Math.exp(x) : x);
  let value: number;
  if (prior?.kind === 'normal') value = Math.min(upper, Math.max(lower, prior.mu));
  else {
    const mode = prior && (prior.alpha > 1 || prior.beta > 1) ? (prior.alpha - 1) / (prior.alpha + prior.beta - 2) : 0.5;
    value = fromAxis(toAxis(lower) + mode * (toAxis(upper) - toAxis(lower)));
  }
  return isInt ? Math.min(upper, Math.max(lower, Math.round(value))) : value;
}

function defaultOf(item: Json): unknown {
  if (has(item, 'default_value')) return item.default_value;
  if (has(item, 'default')) return item.default;
  return undefined;
}

function asNumberList(x: unknown, where: string): number[] {
  if (!Array.isArray(x)) throw new SpecError(`ConfigSpace JSON: ${where} must be a list of numbers, got ${showValue(x)}.`);
  return x.map((v, i) => asNumber(v, `${where}[${i}]`));
}
