import { SpecError } from '../../errors.js';
import { showValue } from '../describe.js';
import type { Condition, ConditionClause, Forbidden } from '../types.js';
import { asArray, asObject, asString, asValue, asValues, required, type Json } from './fields.js';

/** A condition of either layout: a leaf {child, parent, type, value(s)} or a conjunction {child, type, conditions}. */
export function readCondition(raw: unknown, position: number): Condition {
  const item = asObject(raw, `conditions[${position}]`);
  const child = asString(item.child, `conditions[${position}].child`);
  return { child, clause: readClause(item, child) };
}

function readClause(item: Json, child: string): ConditionClause {
  const where = `the condition on '${child}'`;
  const own = item.child === undefined ? child : asString(item.child, `${where}: 'child'`);
  if (own !== child) throw new SpecError(`ConfigSpace JSON: ${where} has a part whose child is '${own}'; every part of a conjunction must share the child.`);
  switch (item.type) {
    case 'AND':
    case 'OR': {
      const parts = asArray(required(item, 'conditions', where), `${where}: 'conditions'`);
      return { type: item.type, clauses: parts.map((p, i) => readClause(asObject(p, `${where}: conditions[${i}]`), child)) };
    }
    case 'EQ':
    case 'NEQ':
    case 'LT':
    case 'GT':
      return { type: item.type, parent: asString(item.parent, `${where}: 'parent'`), value: asValue(required(item, 'value', where), `${where}: 'value'`) };
    case 'IN':
      return { type: 'IN', parent: asString(item.parent, `${where}: 'parent'`), values: asValues(required(item, 'values', where), `${where}: 'values'`) };
    default:
      throw new SpecError(`ConfigSpace JSON: ${where} has unknown type ${showValue(item.type)}; valid: EQ, NEQ, IN, LT, GT, AND, OR.`);
  }
}

/** Relation names: 1.x writes RELATION_LT/EQ/GT, 0.x writes RELATION with lambda LESS/EQUALS/GREATER. */
const RELATIONS: Record<string, 'LESS' | 'EQUALS_RELATION' | 'GREATER'> = {
  RELATION_LT: 'LESS',
  RELATION_EQ: 'EQUALS_RELATION',
  RELATION_GT: 'GREATER',
  LESS: 'LESS',
  LT: 'LESS',
  EQUALS: 'EQUALS_RELATION',
  EQ: 'EQUALS_RELATION',
  GREATER: 'GREATER',
  GT: 'GREATER',
};

/** A forbidden clause of either layout; EQUALS with left/right and bare LESS/GREATER also read as relations. */
export function readForbidden(raw: unknown, where: string): Forbidden {
  const item = asObject(raw, where);
  const type = item.type;
  if (type === 'RELATION' || (typeof type === 'string' && type.startsWith('RELATION_')) || ('left' in item && 'right' in item && typeof type === 'string')) {
    const kind = RELATIONS[type === 'RELATION' ? String(item.lambda) : (type as string)];
    if (kind === undefined) throw new SpecError(`ConfigSpace JSON: ${where} has unsupported relation ${showValue(type === 'RELATION' ? item.lambda : type)}; valid: LESS, EQUALS, GREATER (RELATION_LT, RELATION_EQ, RELATION_GT).`);
    return { type: kind, left: asString(item.left, `${where}: 'left'`), right: asString(item.right, `${where}: 'right'`) };
  }
  switch (type) {
    case 'EQUALS':
      return { type: 'EQUALS', name: asString(item.name, `${where}: 'name'`), value: asValue(required(item, 'value', where), `${where} on '${String(item.name)}': 'value'`) };
    case 'IN':
      return { type: 'IN', name: asString(item.name, `${where}: 'name'`), values: asValues(required(item, 'values', where), `${where} on '${String(item.name)}': 'values'`) };
    case 'AND': {
      const parts = asArray(required(item, 'clauses', where), `${where}: 'clauses'`);
      return { type: 'AND', clauses: parts.map((p, i) => readForbidden(p, `${where}.clauses[${i}]`)) };
    }
    default:
      throw new SpecError(`ConfigSpace JSON: ${where} has unknown type ${showValue(type)}; valid: EQUALS, IN, AND, RELATION_LT, RELATION_EQ, RELATION_GT (0.x: RELATION with lambda LESS, EQUALS, GREATER).`);
  }
}
