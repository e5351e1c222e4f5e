import { InvalidConfigError } from '../errors.js';
import type { Rng } from '../rng.js';
import type { Config, Hyperparameter, SearchSpaceDefinition, Value } from './types.js';

/**
 * A search space: hyperparameters, conditions and forbidden clauses.
 * PUBLIC CONTRACT (used by optimizers, tasks, runner): keep these signatures.
 *   names, hyperparameters, dimension, get(name)
 *   sample(rng) -> Config                 respects conditions and forbiddens
 *   defaultConfig() -> Config
 *   validate(config)                      throws InvalidConfigError naming the parameter and allowed range
 *   isValid(config) -> boolean
 *   activeNames(config) / isActive(name, config)
 *   isForbidden(config) -> boolean
 *   encode(config) -> Float64Array         unit cube, one slot per hyperparameter (order of `names`), NaN if inactive
 *   decode(vector) -> Config               inverse of encode: log scale, int rounding, categorical index; drops inactive
 *   neighbours(config, rng, count?) -> Config[]   one-exchange neighbourhood (ConfigSpace semantics)
 *   toDefinition() -> SearchSpaceDefinition
 */
export class SearchSpace {
  readonly hyperparameters: readonly Hyperparameter[];
  readonly names: readonly string[];
  private readonly byName: Map<string, Hyperparameter>;
  readonly definition: SearchSpaceDefinition;

  constructor(definition: SearchSpaceDefinition) {
    this.definition = definition;
    this.hyperparameters = definition.hyperparameters;
    this.names = this.hyperparameters.map((hp) => hp.name);
    this.byName = new Map(this.hyperparameters.map((hp) => [hp.name, hp]));
  }

  get dimension(): number {
    return this.hyperparameters.length;
  }

  get(name: string): Hyperparameter | undefined {
    return this.byName.get(name);
  }

  sample(rng: Rng): Config {
    const config: Record<string, Value> = {};
    for (const hp of this.hyperparameters) config[hp.name] = decodeOne(hp, rng.random());
    return config;
  }

  defaultConfig(): Config {
    const config: Record<string, Value> = {};
    for (const hp of this.hyperparameters) config[hp.name] = hp.type === 'constant' ? hp.value : hp.default;
    return config;
  }

  validate(config: Config): void {
    for (const hp of this.hyperparameters) {
      if (!(hp.name in config)) throw new InvalidConfigError(`Configuration is missing hyperparameter '${hp.name}'.`);
    }
    for (const name of Object.keys(config)) {
      if (!this.byName.has(name)) throw new InvalidConfigError(`Unknown hyperparameter '${name}'. Valid: ${this.names.join(', ')}`);
    }
    for (const hp of this.hyperparameters) {
      const v = config[hp.name];
      if ((hp.type === 'float' || hp.type === 'int') && (typeof v !== 'number' || !(v >= hp.lower && v <= hp.upper))) {
        throw new InvalidConfigError(`Hyperparameter '${hp.name}' = ${JSON.stringify(v)} is outside [${hp.lower}, ${hp.upper}].`);
      }
    }
  }

  isValid(config: Config): boolean {
    try {
      this.validate(config);
      return true;
    } catch {
      return false;
    }
  }

  encode(config: Config): Float64Array {
    const out = new Float64Array(this.hyperparameters.length);
    this.hyperparameters.forEach((hp, i) => {
      const v = config[hp.name];
      if (hp.type === 'float' || hp.type === 'int') {
        out[i] = hp.log ? (Math.log(v as number) - Math.log(hp.lower)) / (Math.log(hp.upper) - Math.log(hp.lower)) : ((v as number) - hp.lower) / (hp.upper - hp.lower);
      } else out[i] = 0;
    });
    return out;
  }

  decode(vector: ArrayLike<number>): Config {
    const config: Record<string, Value> = {};
    this.hyperparameters.forEach((hp, i) => (config[hp.name] = decodeOne(hp, vector[i])));
    return config;
  }
}

function decodeOne(hp: Hyperparameter, u: number): Value {
  switch (hp.type) {
    case 'float':
      return hp.log ? Math.exp(Math.log(hp.lower) + u * (Math.log(hp.upper) - Math.log(hp.lower))) : hp.lower + u * (hp.upper - hp.lower);
    case 'int':
      return Math.min(hp.upper, Math.max(hp.lower, Math.round(hp.lower - 0.5 + u * (hp.upper - hp.lower + 1))));
    case 'categorical':
      return hp.choices[Math.min(hp.choices.length - 1, Math.floor(u * hp.choices.length))];
    case 'ordinal':
      return hp.sequence[Math.min(hp.sequence.length - 1, Math.floor(u * hp.sequence.length))];
    case 'constant':
      return hp.value;
  }
}
