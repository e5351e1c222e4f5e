import type { Condition, ConditionClause, ConfigSpaceFormat, Forbidden } from '../types.js';
import type { Json } from './fields.js';

/** Conditions are spelled the same in both layouts: every leaf repeats the child. */
export function writeCondition(condition: Condition): Json {
  return writeClause(condition.clause, condition.child);
}

function writeClause(clause: ConditionClause, child: string): Json {
  switch (clause.type) {
    case 'AND':
    case 'OR':
      return { child, type: clause.type, conditions: clause.clauses.map((c) => writeClause(c, child)) };
    case 'IN':
      return { child, parent: clause.parent, type: 'IN', values: [...clause.values] };
    default:
      return { child, parent: clause.parent, type: clause.type, value: clause.value };
  }
}

const V1_RELATIONS = { LESS: 'RELATION_LT', EQUALS_RELATION: 'RELATION_EQ', GREATER: 'RELATION_GT' } as const;
const LEGACY_LAMBDAS = { LESS: 'LESS', EQUALS_RELATION: 'EQUALS', GREATER: 'GREATER' } as const;

/** 0.x names an AND by its first literal's parameter and writes relations as RELATION + lambda; 1.x does neither. */
export function writeForbidden(clause: Forbidden, format: ConfigSpaceFormat): Json {
  switch (clause.type) {
    case 'EQUALS':
      return { name: clause.name, type: 'EQUALS', value: clause.value };
    case 'IN':
      return { name: clause.name, type: 'IN', values: [...clause.values] };
    case 'AND': {
      const clauses = clause.clauses.map((c) => writeForbidden(c, format));
      return format === 'legacy' ? { name: firstName(clause), type: 'AND', clauses } : { type: 'AND', clauses };
    }
    default:
      return format === 'legacy'
        ? { left: clause.left, right: clause.right, type: 'RELATION', lambda: LEGACY_LAMBDAS[clause.type] }
        : { type: V1_RELATIONS[clause.type], left: clause.left, right: clause.right };
  }
}

function firstName(clause: Forbidden): string {
  switch (clause.type) {
    case 'EQUALS':
    case 'IN':
      return clause.name;
    case 'AND':
      return firstName(clause.clauses[0]);
    default:
      return clause.left;
  }
}
