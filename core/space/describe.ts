import type { ConditionClause, Forbidden, Hyperparameter, Value } from './types.js';

/** Human-readable pieces for error messages: values, allowed domains, clauses. */

export function showValue(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value) ?? String(value);
}

export function showValues(values: readonly Value[]): string {
  const shown = values.length <= 20 ? values.map(showValue) : [...values.slice(0, 20).map(showValue), `... (${values.length} in all)`];
  return `{${shown.join(', ')}}`;
}

/** What a hyperparameter accepts, e.g. "int in [1, 10]" or "one of {'a', 'b'}". */
export function showDomain(hp: Hyperparameter): string {
  switch (hp.type) {
    case 'float':
    case 'int': {
      const scale = hp.log ? ', log scale' : '';
      const grid = hp.q !== undefined ? `, multiples of q=${hp.q} from ${hp.lower}` : '';
      return `${hp.type} in [${hp.lower}, ${hp.upper}]${scale}${grid}`;
    }
    case 'categorical':
      return `one of ${showValues(hp.choices)}`;
    case 'ordinal':
      return `one of the ordered ${showValues(hp.sequence)}`;
    case 'constant':
      return `the constant ${showValue(hp.value)}`;
  }
}

export function showClause(clause: ConditionClause): string {
  switch (clause.type) {
    case 'EQ':
      return `${clause.parent} == ${showValue(clause.value)}`;
    case 'NEQ':
      return `${clause.parent} != ${showValue(clause.value)}`;
    case 'LT':
      return `${clause.parent} < ${showValue(clause.value)}`;
    case 'GT':
      return `${clause.parent} > ${showValue(clause.value)}`;
    case 'IN':
      return `${clause.parent} in ${showValues(clause.values)}`;
    case 'AND':
    case 'OR':
      return `(${clause.clauses.map(showClause).join(clause.type === 'AND' ? ' && ' : ' || ')})`;
  }
}

export function showForbidden(forbidden: Forbidden): string {
  switch (forbidden.type) {
    case 'EQUALS':
      return `${forbidden.name} == ${showValue(forbidden.value)}`;
    case 'IN':
      return `${forbidden.name} in ${showValues(forbidden.values)}`;
    case 'LESS':
      return `${forbidden.left} < ${forbidden.right}`;
    case 'EQUALS_RELATION':
      return `${forbidden.left} == ${forbidden.right}`;
    case 'GREATER':
      return `${forbidden.left} > ${forbidden.right}`;
    case 'AND':
      return `(${forbidden.clauses.map(showForbidden).join(' && ')})`;
  }
}
