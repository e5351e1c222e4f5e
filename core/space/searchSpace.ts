import { InvalidConfigError } from '../errors.js';
import type { Rng } from '../rng.js';
import { resolve } from './assemble.js';
import { compileSpace, type CompiledSpace } from './compiledSpace.js';
import { computeActivity } from './conditions.js';
import { readConfigSpaceJson } from './configSpaceJson/read.js';
import { writeConfigSpaceJson } from './configSpaceJson/write.js';
import { decodeVector, encodeConfig } from './encoding.js';
import { hitForbidden } from './forbiddens.js';
import { neighbourConfigs } from './neighbours.js';
import { sampleConfig } from './sampling.js';
import type { Config, ConfigSpaceFormat, Hyperparameter, SearchSpaceDefinition } from './types.js';
import { configProblem, validateConfig } from './validation.js';

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
 *   SearchSpace.fromConfigSpaceJson(json) / toConfigSpaceJson(format?)   ConfigSpace's serialized JSON
 *
 * A thin front: the constructor checks and compiles the definition once (compiledSpace.ts, SpecError
 * for an invalid one); each method delegates to the file that owns the operation. Configs hold the
 * active parameters only, keys in `names` order.
 */
export class SearchSpace {
  readonly hyperparameters: readonly Hyperparameter[];
  readonly names: readonly string[];
  private readonly byName: Map<string, Hyperparameter>;
  readonly definition: SearchSpaceDefinition;
  private readonly compiled: CompiledSpace;
  private readonly defaults: Config;

  constructor(definition: SearchSpaceDefinition) {
    this.definition = definition;
    this.compiled = compileSpace(definition);
    this.hyperparameters = definition.hyperparameters;
    this.names = this.compiled.names;
    this.byName = new Map(this.hyperparameters.map((hp) => [hp.name, hp]));
    this.defaults = Object.freeze(resolve(this.compiled, (i) => this.compiled.defaults[i]));
  }

  /** Reads ConfigSpace JSON (0.x `json.write` or 1.x serialized dict; object or text); SpecError naming what is malformed. */
  static fromConfigSpaceJson(json: unknown): SearchSpace {
    return new SearchSpace(readConfigSpaceJson(json));
  }

  /** ConfigSpace JSON in the given layout; by default the one it was read in, else 'v1'. */
  toConfigSpaceJson(format?: ConfigSpaceFormat): object {
    return writeConfigSpaceJson(this.definition, format);
  }

  get dimension(): number {
    return this.hyperparameters.length;
  }

  get(name: string): Hyperparameter | undefined {
    return this.byName.get(name);
  }

  sample(rng: Rng): Config {
    return sampleConfig(this.compiled, rng);
  }

  /** Defaults of the parameters active under the defaults. Not checked against forbiddens. */
  defaultConfig(): Config {
    return this.defaults;
  }

  validate(config: Config): void {
    validateConfig(this.compiled, config);
  }

  isValid(config: Config): boolean {
    return configProblem(this.compiled, config) === undefined;
  }

  /** Names (in `names` order) whose conditions hold for the config's values. */
  activeNames(config: Config): string[] {
    if (!this.compiled.conditioned) return [...this.names];
    const active = computeActivity(this.compiled.conditions, config);
    return this.names.filter((_, i) => active[i] === 1);
  }

  isActive(name: string, config: Config): boolean {
    const i = this.compiled.index.get(name);
    if (i === undefined) throw new InvalidConfigError(`Unknown hyperparameter '${name}'. Valid: ${this.names.join(', ')}`);
    return !this.compiled.conditioned || computeActivity(this.compiled.conditions, config)[i] === 1;
  }

  /** True when the config hits a forbidden clause (clauses on absent parameters never hit). */
  isForbidden(config: Config): boolean {
    return hitForbidden(this.compiled.forbiddens, config) !== undefined;
  }

  encode(config: Config): Float64Array {
    return encodeConfig(this.compiled, config);
  }

  decode(vector: ArrayLike<number>): Config {
    return decodeVector(this.compiled, vector);
  }

  neighbours(config: Config, rng: Rng, count?: number): Config[] {
    return neighbourConfigs(this.compiled, config, rng, count);
  }

  toDefinition(): SearchSpaceDefinition {
    return this.definition;
  }
}
