import { SpecError } from '../../errors.js';
import { showValue } from '../describe.js';
import { isValue } from '../hyperparameterChecks.js';
import type { Value } from '../types.js';

/** Typed field access on untrusted ConfigSpace JSON; every failure is a SpecError saying where. */
export type Json = Record<string, unknown>;

export function asObject(x: unknown, where: string): Json {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new SpecError(`ConfigSpace JSON: ${where} must be an object, got ${showValue(x)}.`);
  return x as Json;
}

export function asArray(x: unknown, where: string): unknown[] {
  if (!Array.isArray(x)) throw new SpecError(`ConfigSpace JSON: ${where} must be a list, got ${showValue(x)}.`);
  return x;
}

export function asString(x: unknown, where: string): string {
  if (typeof x !== 'string' || x === '') throw new SpecError(`ConfigSpace JSON: ${where} must be a non-empty string, got ${showValue(x)}.`);
  return x;
}

export function asNumber(x: unknown, where: string): number {
  if (typeof x !== 'number' || !Number.isFinite(x)) throw new SpecError(`ConfigSpace JSON: ${where} must be a finite number, got ${showValue(x)}.`);
  return x;
}

export function asValue(x: unknown, where: string): Value {
  if (!isValue(x)) throw new SpecError(`ConfigSpace JSON: ${where} must be a string, number or boolean, got ${showValue(x)}.`);
  return x;
}

export function asValues(x: unknown, where: string): Value[] {
  return asArray(x, where).map((v, i) => asValue(v, `${where}[${i}]`));
}

/** A required field; `what` names it in the message ("hyperparameter 'lr': 'lower' bound"). */
export function required(item: Json, key: string, where: string): unknown {
  if (!(key in item) || item[key] === undefined) throw new SpecError(`ConfigSpace JSON: ${where} has no '${key}'.`);
  return item[key];
}

/** Present and not null. */
export function has(item: Json, key: string): boolean {
  return item[key] !== undefined && item[key] !== null;
}
