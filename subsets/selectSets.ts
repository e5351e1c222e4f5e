import { deriveRng, SpecError } from '../core/index.js';
import { pickPoints, type PointSet } from './pointSet.js';
import { shiftSelect, type ShiftOptions, type ShiftResult } from './shift.js';

/**
 * 'sequential': pick k points, remove them, pick k again from the rest (one set after another).
 * 'split': pick (number of sets) x k points first, then split that selection into the sets the
 * sequential way (CARP-S's "split": the sets then share one well-spread core).
 */
export type SetMode = 'sequential' | 'split';
export const SET_MODES: readonly SetMode[] = ['sequential', 'split'];

export interface SetSelectionOptions extends Omit<ShiftOptions, 'k'> {
  readonly k: number;
  /** Names of the disjoint sets, in the order they are picked (e.g. dev, test). */
  readonly sets: readonly string[];
  readonly mode?: SetMode;
}

export interface SelectedSet {
  readonly name: string;
  /** Indices into the full point set, increasing. */
  readonly ids: number[];
  /** Exact star discrepancy of the set. */
  readonly discrepancy: number;
}

/** Disjoint subsets of k points each with low star discrepancy. */
export function selectSets(points: PointSet, options: SetSelectionOptions): SelectedSet[] {
  const mode = options.mode ?? 'sequential';
  checkSetOptions(points.n, options.k, options.sets, mode);
  const all = Array.from({ length: points.n }, (_, i) => i);
  const pool = mode === 'split' ? pick(points, all, options.k * options.sets.length, options, 'pool').ids : all;
  const chosen: SelectedSet[] = [];
  let remaining = pool;
  options.sets.forEach((name, s) => {
    const result = pick(points, remaining, options.k, options, `set-${s}`);
    chosen.push({ name, ids: result.ids, discrepancy: result.discrepancy });
    const taken = new Set(result.ids);
    remaining = remaining.filter((i) => !taken.has(i));
  });
  return chosen;
}

/** Shift selection among the points `among` (indices into `points`); ids come back as indices into `points`. */
function pick(points: PointSet, among: readonly number[], k: number, options: SetSelectionOptions, label: string): ShiftResult {
  const seed = deriveRng(options.seed ?? 0, 'sets', label).seed();
  const result = shiftSelect(pickPoints(points, among), { ...options, k, seed });
  return { ...result, ids: result.ids.map((i) => among[i]).sort((a, b) => a - b) };
}

function checkSetOptions(n: number, k: number, sets: readonly string[], mode: string): void {
  if (!SET_MODES.includes(mode as SetMode)) throw new SpecError(`mode = '${mode}' is not a set mode: valid: ${SET_MODES.join(', ')}.`);
  if (sets.length === 0) throw new SpecError('No set names given: use e.g. --sets dev,test.');
  const blank = sets.find((s) => s.trim() === '');
  if (blank !== undefined) throw new SpecError(`Set names must not be empty (got ${JSON.stringify(sets.join(','))}).`);
  const duplicate = sets.find((s, i) => sets.indexOf(s) !== i);
  if (duplicate) throw new SpecError(`Set name '${duplicate}' is given twice: the sets are disjoint and need distinct names.`);
  if (!/^[\w.-]+$/.test(sets.join(''))) throw new SpecError(`Set names may hold letters, digits, '_', '-' and '.', got ${sets.join(', ')}.`);
  if (!Number.isInteger(k) || k < 1) throw new SpecError(`k = ${k} is not a valid subset size: give an integer >= 1.`);
  if (k * sets.length > n) {
    throw new SpecError(`k = ${k} is too large: ${sets.length} disjoint set(s) of ${k} need ${k * sets.length} tasks, but only ${n} are given (use k <= ${Math.floor(n / sets.length)}).`);
  }
}
