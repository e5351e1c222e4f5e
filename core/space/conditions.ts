import { SpecError } from '../errors.js';
import { showValue, showValues } from './describe.js';
import type { Condition, ConditionClause, Hyperparameter, Value } from './types.js';

/** Values by name as a test reads them; an absent name is an inactive (or missing) parameter. */
export type Values = Readonly<Record<string, Value | undefined>>;

/** Whether a child is active, given the values and the activity of every parameter before it in topological order. */
export type Gate = (values: Values, active: Uint8Array) => boolean;

const CONDITION_TYPES: readonly string[] = ['EQ', 'NEQ', 'IN', 'LT', 'GT', 'AND', 'OR'];

type LeafClause = Exclude<ConditionClause, { readonly type: 'AND' | 'OR' }>;
type Conjunction = Extract<ConditionClause, { readonly type: 'AND' | 'OR' }>;

function isConjunction(clause: ConditionClause): clause is Conjunction {
  return clause.type === 'AND' || clause.type === 'OR';
}

export interface CompiledConditions {
  /** Hyperparameter indices, every parent before its children; names order wherever conditions allow. */
  readonly order: readonly number[];
  /** Per hyperparameter index: its activity test, or undefined when unconditional. */
  readonly gates: readonly (Gate | undefined)[];
  /** Per hyperparameter index: the conditions on it (for messages). */
  readonly byChild: readonly (readonly Condition[])[];
}

/**
 * ConfigSpace semantics: a leaf test (EQ, NEQ, IN, LT, GT) holds only if its parent is active and
 * its value passes; AND needs every part, OR one part (so OR's other parents may be inactive).
 * Several conditions on one child all have to hold. LT/GT on an ordinal parent compare positions
 * in its sequence, as ConfigSpace does.
 */
export function compileConditions(hps: readonly Hyperparameter[], index: ReadonlyMap<string, number>, conditions: readonly Condition[]): CompiledConditions {
  const byChild: Condition[][] = hps.map(() => []);
  const parents: Set<number>[] = hps.map(() => new Set());
  for (const condition of conditions) {
    const child = index.get(condition.child);
    if (child === undefined) throw new SpecError(`A condition names unknown hyperparameter '${condition.child}' as its child.`);
    byChild[child].push(condition);
    collectParents(condition.clause, condition.child, hps, index, parents[child]);
  }
  const order = topologicalOrder(hps, parents);
  const gates = byChild.map((list) => (list.length === 0 ? undefined : allOf(list.map((c) => compileClause(c.clause, hps, index)))));
  return { order, gates, byChild };
}

/** Activity of every hyperparameter (1 active, 0 inactive) for the given values. */
export function computeActivity(compiled: CompiledConditions, values: Values): Uint8Array {
  const active = new Uint8Array(compiled.gates.length);
  for (const i of compiled.order) {
    const gate = compiled.gates[i];
    active[i] = gate === undefined || gate(values, active) ? 1 : 0;
  }
  return active;
}

function collectParents(clause: ConditionClause, child: string, hps: readonly Hyperparameter[], index: ReadonlyMap<string, number>, into: Set<number>): void {
  if (isConjunction(clause)) {
    if (!Array.isArray(clause.clauses) || clause.clauses.length === 0) throw new SpecError(`The ${clause.type} condition on '${child}' has no parts.`);
    for (const part of clause.clauses) collectParents(part, child, hps, index, into);
    return;
  }
  if (!CONDITION_TYPES.includes(clause.type)) throw new SpecError(`The condition on '${child}' has unknown type ${showValue(clause.type)}; valid: ${CONDITION_TYPES.join(', ')}.`);
  const p = index.get(clause.parent);
  if (p === undefined) throw new SpecError(`The condition on '${child}' names unknown parent hyperparameter '${clause.parent}'.`);
  if (clause.parent === child) throw new SpecError(`The condition on '${child}' names '${child}' as its own parent.`);
  checkClauseValues(clause, child, hps[p]);
  into.add(p);
}

function checkClauseValues(clause: LeafClause, child: string, parent: Hyperparameter): void {
  const values = clause.type === 'IN' ? clause.values : [clause.value];
  const where = `The condition on '${child}' (parent '${parent.name}')`;
  if (!Array.isArray(values) || values.length === 0) throw new SpecError(`${where} has no values.`);
  if ((clause.type === 'LT' || clause.type === 'GT') && (parent.type === 'categorical' || parent.type === 'constant')) {
    throw new SpecError(`${where} uses ${clause.type}, which needs a numeric or ordinal parent; '${parent.name}' is ${parent.type}.`);
  }
  const legal = legalValues(parent);
  for (const v of values) {
    const ok = legal ? legal.includes(v) : typeof v === 'number' && Number.isFinite(v);
    if (!ok) throw new SpecError(`${where} tests value ${showValue(v)}, which '${parent.name}' never takes; valid: ${legal ? showValues(legal) : 'a number'}.`);
  }
}

function legalValues(hp: Hyperparameter): readonly Value[] | undefined {
  return hp.type === 'categorical' ? hp.choices : hp.type === 'ordinal' ? hp.sequence : hp.type === 'constant' ? [hp.value] : undefined;
}

function compileClause(clause: ConditionClause, hps: readonly Hyperparameter[], index: ReadonlyMap<string, number>): Gate {
  if (isConjunction(clause)) {
    const parts = clause.clauses.map((c) => compileClause(c, hps, index));
    return clause.type === 'AND' ? allOf(parts) : (values, active) => parts.some((g) => g(values, active));
  }
  const p = index.get(clause.parent) as number;
  const name = clause.parent;
  const test = leafTest(clause, hps[p]);
  return (values, active) => {
    const v = values[name];
    return v !== undefined && active[p] === 1 && test(v);
  };
}

function leafTest(clause: LeafClause, parent: Hyperparameter): (v: Value) => boolean {
  switch (clause.type) {
    case 'EQ': {
      const x = clause.value;
      return (v) => v === x;
    }
    case 'NEQ': {
      const x = clause.value;
      return (v) => v !== x;
    }
    case 'IN': {
      const set = new Set(clause.values);
      return (v) => set.has(v);
    }
    case 'LT':
    case 'GT': {
      const rank = parent.type === 'ordinal' ? new Map(parent.sequence.map((s, i) => [s, i])) : undefined;
      const pos = (v: Value) => (rank ? (rank.get(v) ?? NaN) : typeof v === 'number' ? v : NaN);
      const x = pos(clause.value);
      return clause.type === 'LT' ? (v) => pos(v) < x : (v) => pos(v) > x;
    }
    default:
      throw new SpecError(`Unknown condition type ${showValue((clause as { type: unknown }).type)}; valid: ${CONDITION_TYPES.join(', ')}.`);
  }
}

function allOf(gates: readonly Gate[]): Gate {
  if (gates.length === 1) return gates[0];
  return (values, active) => gates.every((g) => g(values, active));
}

/** Depth-first, parents first, visiting in names order; a cycle is a SpecError that spells it out. */
function topologicalOrder(hps: readonly Hyperparameter[], parents: readonly Set<number>[]): number[] {
  const state = new Uint8Array(hps.length); // 0 new, 1 on the stack, 2 placed
  const order: number[] = [];
  const stack: number[] = [];
  const visit = (i: number): void => {
    if (state[i] === 2) return;
    if (state[i] === 1) {
      const cycle = [...stack.slice(stack.indexOf(i)), i].map((j) => `'${hps[j].name}'`);
      throw new SpecError(`Conditions form a cycle at hyperparameter '${hps[i].name}': ${cycle.join(' -> ')} (each depends on the next).`);
    }
    state[i] = 1;
    stack.push(i);
    for (const p of [...parents[i]].sort((a, b) => a - b)) visit(p);
    stack.pop();
    state[i] = 2;
    order.push(i);
  };
  for (let i = 0; i < hps.length; i++) visit(i);
  return order;
}
