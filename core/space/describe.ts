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

/**
 * A bound as the space's author wrote it: config_space.json files store some bounds as
 * exp(log(x)), e.g. 0.00010000000000000009 for 1e-4. A bound within a few ulps of a number
 * of at most 6 significant digits is shown as that number; any other is shown exactly.
 */
export function showBound(value: number): string {
  if (!Number.isFinite(value) || value === 0) return String(value);
  for (let digits = 1; digits <= 6; digits++) {
    const round = Number(value.toPrecision(digits));
    if (Math.abs(round - value) <= 1e-12 * Math.abs(value)) return String(round);
  }
  return String(value);
}

/** What a hyperparameter accepts, e.g. "int in [1, 10]" or "one of {'a', 'b'}". */
export function showDomain(hp: Hyperparameter): string {
  switch (hp.type) {
    case 'float':
    case 'int': {
      const scale = hp.log ? ', log scale' : '';
      const grid = hp.q !== undefined ? `, multiples of q=${showBound(hp.q)} from ${showBound(hp.lower)}` : '';
      return `${hp.type} in [${showBound(hp.lower)}, ${showBound(hp.upper)}]${scale}${grid}`;
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
