import type { Rng } from '../rng.js';
import { compileConditions, type CompiledConditions } from './conditions.js';
import { compileForbiddens, type CompiledForbidden } from './forbiddens.js';
import { checkHyperparameters } from './hyperparameterChecks.js';
import { priorSampler } from './priors.js';
import type { Hyperparameter, SearchSpaceDefinition, Value } from './types.js';
import { unitCodec, type UnitCodec } from './unitCube.js';

/**
 * Everything the space's operations need, worked out once in the constructor: index by name,
 * topological order and compiled condition gates, forbidden tests, unit-cube codecs and one
 * sampler per hyperparameter. Throws SpecError for a definition that is not a valid space.
 */
export interface CompiledSpace {
  readonly hps: readonly Hyperparameter[];
  readonly names: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  readonly conditions: CompiledConditions;
  /** False when no condition exists: every parameter is always active (the fast paths). */
  readonly conditioned: boolean;
  readonly forbiddens: readonly CompiledForbidden[];
  readonly codecs: readonly UnitCodec[];
  readonly draws: readonly ((rng: Rng) => Value)[];
  readonly defaults: readonly Value[];
}

export function compileSpace(definition: SearchSpaceDefinition): CompiledSpace {
  const hps = definition.hyperparameters;
  checkHyperparameters(hps);
  const names = hps.map((hp) => hp.name);
  const index = new Map(names.map((name, i) => [name, i]));
  const conditionList = definition.conditions ?? [];
  const conditions = compileConditions(hps, index, conditionList);
  const forbiddens = compileForbiddens(hps, index, definition.forbiddens ?? []);
  const codecs = hps.map(unitCodec);
  return {
    hps,
    names,
    index,
    conditions,
    conditioned: conditionList.length > 0,
    forbiddens,
    codecs,
    draws: hps.map((hp, i) => drawer(hp, codecs[i])),
    defaults: hps.map((hp) => (hp.type === 'constant' ? hp.value : hp.default)),
  };
}

/** One random value of a hyperparameter: its prior or weights where it has them, else uniform on its unit axis. */
function drawer(hp: Hyperparameter, codec: UnitCodec): (rng: Rng) => Value {
  switch (hp.type) {
    case 'constant': {
      const value = hp.value;
      return () => value;
    }
    case 'categorical':
      if (hp.weights) return weightedDrawer(hp.choices, hp.weights);
      break;
    case 'float':
    case 'int':
      if (hp.prior) {
        const unit = priorSampler(hp.prior, codec);
        return (rng) => codec.fromUnit(unit(rng));
      }
      if (hp.type === 'float' && !hp.log && hp.q === undefined) {
        const { lower, upper } = hp;
        const width = upper - lower;
        return (rng) => lower + rng.random() * width;
      }
      break;
  }
  return (rng) => codec.fromUnit(rng.random());
}

function weightedDrawer(choices: readonly Value[], weights: readonly number[]): (rng: Rng) => Value {
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of weights) cumulative.push((sum += w) / total);
  const last = weights.reduce((best, w, i) => (w > 0 ? i : best), 0);
  return (rng) => {
    const r = rng.random();
    for (let i = 0; i < cumulative.length; i++) if (r < cumulative[i]) return choices[i];
    return choices[last];
  };
}
