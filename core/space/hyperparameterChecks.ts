import { SpecError } from '../errors.js';
import { showValue, showValues } from './describe.js';
import type { Hyperparameter, Prior, Value } from './types.js';

/** Throws SpecError, naming the parameter, for a hyperparameter no sampler or codec could honour. */
export function checkHyperparameters(hps: readonly Hyperparameter[]): void {
  const seen = new Set<string>();
  for (const hp of hps) {
    if (typeof hp.name !== 'string' || hp.name === '') throw new SpecError(`Hyperparameter names must be non-empty strings, got ${showValue(hp.name)}.`);
    if (seen.has(hp.name)) throw new SpecError(`Hyperparameter '${hp.name}' is defined twice.`);
    seen.add(hp.name);
    checkOne(hp);
  }
}

function fail(hp: Hyperparameter, problem: string): never {
  throw new SpecError(`Hyperparameter '${hp.name}' (${hp.type}): ${problem}.`);
}

function checkOne(hp: Hyperparameter): void {
  switch (hp.type) {
    case 'float':
    case 'int':
      return checkNumeric(hp);
    case 'categorical':
      checkChoices(hp, hp.choices, hp.default);
      if (hp.weights !== undefined) checkWeights(hp, hp.weights, hp.choices.length);
      return;
    case 'ordinal':
      return checkChoices(hp, hp.sequence, hp.default);
    case 'constant':
      if (!isValue(hp.value)) fail(hp, `value must be a string, number or boolean, got ${showValue(hp.value)}`);
      return;
    default:
      throw new SpecError(`Hyperparameter '${(hp as Hyperparameter).name}' has unknown type ${showValue((hp as { type: unknown }).type)}; valid: float, int, categorical, ordinal, constant.`);
  }
}

function checkNumeric(hp: Hyperparameter & { type: 'float' | 'int' }): void {
  const { lower, upper } = hp;
  if (typeof lower !== 'number' || !Number.isFinite(lower)) fail(hp, `lower bound must be a finite number, got ${showValue(lower)}`);
  if (typeof upper !== 'number' || !Number.isFinite(upper)) fail(hp, `upper bound must be a finite number, got ${showValue(upper)}`);
  if (hp.type === 'int' && !(Number.isInteger(lower) && Number.isInteger(upper))) fail(hp, `bounds must be integers, got [${lower}, ${upper}]`);
  if (lower > upper || (hp.type === 'float' && lower === upper)) fail(hp, `lower bound ${lower} must be below upper bound ${upper}`);
  if (hp.log && lower <= 0) fail(hp, `a log scale needs a positive lower bound, got ${lower}`);
  const d = hp.default;
  if (typeof d !== 'number' || !(d >= lower && d <= upper)) fail(hp, `default ${showValue(d)} is outside [${lower}, ${upper}]`);
  if (hp.type === 'int' && !Number.isInteger(d)) fail(hp, `default ${d} is not an integer`);
  if (hp.q !== undefined && !(typeof hp.q === 'number' && hp.q > 0 && Number.isFinite(hp.q))) fail(hp, `q must be a positive number, got ${showValue(hp.q)}`);
  if (hp.type === 'int' && hp.q !== undefined && !Number.isInteger(hp.q)) fail(hp, `q must be an integer, got ${hp.q}`);
  if (hp.prior) checkPrior(hp, hp.prior, hp.log);
}

function checkPrior(hp: Hyperparameter, prior: Prior, log: boolean): void {
  if (prior.kind === 'normal') {
    if (!(prior.sigma > 0 && Number.isFinite(prior.sigma))) fail(hp, `normal prior needs sigma > 0, got ${showValue(prior.sigma)}`);
    if (!Number.isFinite(prior.mu) || (log && prior.mu <= 0)) fail(hp, `normal prior needs a finite${log ? ', positive (log scale)' : ''} mu, got ${showValue(prior.mu)}`);
  } else if (!(prior.alpha > 0 && prior.beta > 0 && Number.isFinite(prior.alpha) && Number.isFinite(prior.beta))) {
    fail(hp, `beta prior needs alpha > 0 and beta > 0, got alpha=${showValue(prior.alpha)}, beta=${showValue(prior.beta)}`);
  }
}

function checkChoices(hp: Hyperparameter, choices: readonly Value[], def: Value): void {
  if (!Array.isArray(choices) || choices.length === 0) fail(hp, 'needs at least one choice');
  for (const c of choices) if (!isValue(c)) fail(hp, `choices must be strings, numbers or booleans, got ${showValue(c)}`);
  if (new Set(choices).size !== choices.length) fail(hp, `choices must be distinct, got ${showValues(choices)}`);
  if (!choices.includes(def)) fail(hp, `default ${showValue(def)} is not one of ${showValues(choices)}`);
}

function checkWeights(hp: Hyperparameter, weights: readonly number[], k: number): void {
  if (!Array.isArray(weights) || weights.length !== k) fail(hp, `needs one weight per choice (${k}), got ${showValue(weights)}`);
  if (weights.some((w) => typeof w !== 'number' || !(w >= 0) || !Number.isFinite(w))) fail(hp, `weights must be finite and non-negative, got ${showValue(weights)}`);
  if (!weights.some((w) => w > 0)) fail(hp, 'weights must not all be zero');
}

export function isValue(v: unknown): v is Value {
  return typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
}
