import { SpecError } from '../errors.js';
import { showForbidden, showValue, showValues } from './describe.js';
import type { Values } from './conditions.js';
import type { Forbidden, Hyperparameter, Value } from './types.js';

/** True when the values hit the clause. A clause touching an inactive (absent) parameter never hits (ConfigSpace). */
export type ForbiddenTest = (values: Values) => boolean;

export interface CompiledForbidden {
  readonly clause: Forbidden;
  readonly test: ForbiddenTest;
}

export function compileForbiddens(hps: readonly Hyperparameter[], index: ReadonlyMap<string, number>, forbiddens: readonly Forbidden[]): CompiledForbidden[] {
  return forbiddens.map((clause) => ({ clause, test: compile(clause, hps, index) }));
}

/** The first clause the values hit, if any. */
export function hitForbidden(compiled: readonly CompiledForbidden[], values: Values): Forbidden | undefined {
  for (const f of compiled) if (f.test(values)) return f.clause;
  return undefined;
}

function compile(clause: Forbidden, hps: readonly Hyperparameter[], index: ReadonlyMap<string, number>): ForbiddenTest {
  const hp = (name: string): Hyperparameter => {
    const i = index.get(name);
    if (i === undefined) throw new SpecError(`Forbidden clause ${showForbidden(clause)} names unknown hyperparameter '${name}'.`);
    return hps[i];
  };
  switch (clause.type) {
    case 'EQUALS': {
      checkLegal(clause, hp(clause.name), [clause.value]);
      const { name, value } = clause;
      return (values) => values[name] === value;
    }
    case 'IN': {
      checkLegal(clause, hp(clause.name), clause.values);
      const { name } = clause;
      const set = new Set<Value>(clause.values);
      return (values) => {
        const v = values[name];
        return v !== undefined && set.has(v);
      };
    }
    case 'AND': {
      if (!Array.isArray(clause.clauses) || clause.clauses.length === 0) throw new SpecError('A forbidden AND clause has no parts.');
      const parts = clause.clauses.map((c) => compile(c, hps, index));
      return (values) => parts.every((t) => t(values));
    }
    case 'LESS':
    case 'GREATER':
    case 'EQUALS_RELATION': {
      hp(clause.left);
      hp(clause.right);
      if (clause.left === clause.right) throw new SpecError(`Forbidden relation ${showForbidden(clause)} compares '${clause.left}' with itself.`);
      const { left, right } = clause;
      const holds = relation(clause.type);
      return (values) => {
        const a = values[left];
        const b = values[right];
        return a !== undefined && b !== undefined && typeof a === typeof b && holds(a, b);
      };
    }
    default:
      throw new SpecError(`Unknown forbidden clause type ${showValue((clause as { type: unknown }).type)}; valid: EQUALS, IN, AND, LESS, EQUALS_RELATION, GREATER.`);
  }
}

function relation(type: 'LESS' | 'GREATER' | 'EQUALS_RELATION'): (a: Value, b: Value) => boolean {
  if (type === 'LESS') return (a, b) => a < b;
  if (type === 'GREATER') return (a, b) => a > b;
  return (a, b) => a === b;
}

function checkLegal(clause: Forbidden, hp: Hyperparameter, values: readonly Value[]): void {
  if (!Array.isArray(values) || values.length === 0) throw new SpecError(`Forbidden clause on '${hp.name}' has no values.`);
  const legal = hp.type === 'categorical' ? hp.choices : hp.type === 'ordinal' ? hp.sequence : hp.type === 'constant' ? [hp.value] : undefined;
  for (const v of values) {
    const ok = legal ? legal.includes(v) : typeof v === 'number' && Number.isFinite(v);
    if (!ok) throw new SpecError(`Forbidden clause ${showForbidden(clause)} uses value ${showValue(v)}, which '${hp.name}' never takes; valid: ${legal ? showValues(legal) : 'a number'}.`);
  }
}
