import { closestName, InvalidConfigError } from '../errors.js';
import type { CompiledSpace } from './compiledSpace.js';
import { computeActivity } from './conditions.js';
import { showClause, showDomain, showForbidden, showValue } from './describe.js';
import { hitForbidden } from './forbiddens.js';
import type { Config, Forbidden, Hyperparameter, Value } from './types.js';

export function validateConfig(space: CompiledSpace, config: Config): void {
  const problem = configProblem(space, config);
  if (problem !== undefined) throw new InvalidConfigError(problem);
}

/**
 * What is wrong with a configuration, as one message naming the parameter and what it
 * accepts; undefined when it is valid. Checks, in order: unknown names, then per parameter
 * (names order) missing-while-active, set-while-inactive and the value itself, then forbiddens.
 */
export function configProblem(space: CompiledSpace, config: Config): string | undefined {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) return `A configuration must be an object of hyperparameter values, got ${showValue(config)}.`;
  for (const name in config) {
    if (!space.index.has(name)) return unknownMessage(name, space.names);
  }
  const active = space.conditioned ? computeActivity(space.conditions, config) : undefined;
  const { hps, names } = space;
  for (let i = 0; i < hps.length; i++) {
    const value = config[names[i]];
    if (active !== undefined && active[i] === 0) {
      if (value !== undefined) return `Hyperparameter '${names[i]}' is inactive (${conditionText(space, i)} does not hold) but is set to ${showValue(value)}; leave it out.`;
      continue;
    }
    if (value === undefined) {
      const why = active !== undefined && space.conditions.gates[i] ? ` (active because ${conditionText(space, i)} holds)` : '';
      return `Hyperparameter '${names[i]}' is missing${why}; it takes ${showDomain(hps[i])}.`;
    }
    const hp = hps[i];
    const unit = hp.type === 'categorical' || hp.type === 'ordinal' ? space.codecs[i].toUnit(value) : 0;
    const problem = valueProblem(hp, value, unit);
    if (problem !== undefined) return problem;
  }
  if (space.forbiddens.length > 0) {
    const hit = hitForbidden(space.forbiddens, config);
    if (hit !== undefined) return forbiddenMessage(hit, config);
  }
  return undefined;
}

/** `unit` is the codec's position of the value, NaN when it is not one of the choices. Messages are built only on failure. */
function valueProblem(hp: Hyperparameter, value: Value, unit: number): string | undefined {
  switch (hp.type) {
    case 'float':
    case 'int': {
      if (typeof value !== 'number' || Number.isNaN(value)) return `${prefix(hp, value)} is not a number; it takes ${showDomain(hp)}.`;
      if (hp.type === 'int' && !Number.isInteger(value) && Number.isFinite(value)) return `${prefix(hp, value)} is not an integer; it takes ${showDomain(hp)}.`;
      if (!(value >= hp.lower && value <= hp.upper)) return `${prefix(hp, value)} is outside its range: ${showDomain(hp)}.`;
      if (hp.q !== undefined && !onGrid(value, hp.lower, hp.q)) return `${prefix(hp, value)} is not on its grid: ${showDomain(hp)}.`;
      return undefined;
    }
    case 'categorical':
    case 'ordinal':
      return Number.isNaN(unit) ? `${prefix(hp, value)} is not among its choices: ${showDomain(hp)}.` : undefined;
    case 'constant':
      return value === hp.value ? undefined : `${prefix(hp, value)} differs from its constant value ${showValue(hp.value)}.`;
  }
}

function prefix(hp: Hyperparameter, value: Value): string {
  return `Hyperparameter '${hp.name}' = ${showValue(value)}`;
}

function onGrid(value: number, lower: number, q: number): boolean {
  const steps = (value - lower) / q;
  return Math.abs(steps - Math.round(steps)) < 1e-6;
}

function conditionText(space: CompiledSpace, i: number): string {
  const list = space.conditions.byChild[i];
  return `its condition ${list.map((c) => showClause(c.clause)).join(' && ')}`;
}

function unknownMessage(name: string, valid: readonly string[]): string {
  const suggestion = closestName(name, valid);
  const hint = suggestion ? ` Did you mean '${suggestion}'?` : '';
  const listed = valid.length <= 30 ? valid.join(', ') : `${valid.slice(0, 30).join(', ')}, ... (${valid.length} in all)`;
  return `Unknown hyperparameter '${name}'.${hint} Valid: ${listed}`;
}

function forbiddenMessage(clause: Forbidden, config: Config): string {
  const involved = [...new Set(namesIn(clause))].map((n) => `${n} = ${showValue(config[n])}`);
  return `Configuration is forbidden: ${involved.join(', ')} hits the forbidden clause ${showForbidden(clause)}.`;
}

function namesIn(clause: Forbidden): string[] {
  switch (clause.type) {
    case 'EQUALS':
    case 'IN':
      return [clause.name];
    case 'AND':
      return clause.clauses.flatMap(namesIn);
    default:
      return [clause.left, clause.right];
  }
}
