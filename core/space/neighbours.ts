import type { Rng } from '../rng.js';
import { resolve } from './assemble.js';
import type { CompiledSpace } from './compiledSpace.js';
import { hitForbidden } from './forbiddens.js';
import type { Config, Hyperparameter, Value } from './types.js';
import { validateConfig } from './validation.js';

/** ConfigSpace's one-exchange neighbourhood: stdev of a numeric move on the unit axis, moves per numeric parameter. */
export const NEIGHBOUR_STDEV = 0.2;
export const NUMERIC_NEIGHBOURS = 4;

/**
 * Neighbours that differ from `config` in one active parameter: numeric ones moved by a
 * normal step (stdev 0.2 on the unit axis, redrawn until inside the bounds; ints and grids by
 * at least one step), categoricals to every other choice, ordinals to the adjacent values.
 * Conditions are re-applied (newly active children take their default, deactivated ones are
 * dropped) and forbidden results are skipped. Moves come in random order; `count` caps how many
 * are returned, and numeric parameters make more than 4 moves each when needed to reach it.
 */
export function neighbourConfigs(space: CompiledSpace, config: Config, rng: Rng, count?: number): Config[] {
  if (count !== undefined && !(Number.isInteger(count) && count >= 0)) throw new RangeError(`neighbours: count must be a non-negative integer, got ${count}.`);
  validateConfig(space, config);
  const { hps, names } = space;
  const movable = hps.map((_, i) => i).filter((i) => config[names[i]] !== undefined && hps[i].type !== 'constant');
  const numeric = movable.filter((i) => hps[i].type === 'float' || hps[i].type === 'int');
  const discreteMoves = movable.reduce((sum, i) => sum + discreteMoveCount(hps[i], config[names[i]] as Value), 0);
  const perNumeric = count === undefined || numeric.length === 0 ? NUMERIC_NEIGHBOURS : Math.max(NUMERIC_NEIGHBOURS, Math.ceil((count - discreteMoves) / numeric.length));

  const moves: Array<readonly [number, Value]> = [];
  for (const i of movable) {
    for (const v of movesOf(space, i, config[names[i]] as Value, perNumeric, rng)) moves.push([i, v]);
  }
  rng.shuffle(moves);
  const out: Config[] = [];
  for (const [i, v] of moves) {
    if (count !== undefined && out.length >= count) break;
    const neighbour = exchange(space, config, i, v);
    if (space.forbiddens.length === 0 || hitForbidden(space.forbiddens, neighbour) === undefined) out.push(neighbour);
  }
  return out;
}

function discreteMoveCount(hp: Hyperparameter, value: Value): number {
  if (hp.type === 'categorical') return hp.choices.length - 1;
  if (hp.type === 'ordinal') {
    const i = hp.sequence.indexOf(value);
    return (i > 0 ? 1 : 0) + (i < hp.sequence.length - 1 ? 1 : 0);
  }
  return 0;
}

function movesOf(space: CompiledSpace, i: number, value: Value, perNumeric: number, rng: Rng): Value[] {
  const hp = space.hps[i];
  switch (hp.type) {
    case 'categorical':
      return hp.choices.filter((c) => c !== value);
    case 'ordinal': {
      const k = hp.sequence.indexOf(value);
      return [hp.sequence[k - 1], hp.sequence[k + 1]].filter((v) => v !== undefined);
    }
    case 'float':
    case 'int':
      return numericMoves(space, i, value as number, perNumeric, rng);
    case 'constant':
      return [];
  }
}

/** Distinct values near `value`; on integer and q grids a draw that lands in the same cell moves one step its way. */
function numericMoves(space: CompiledSpace, i: number, value: number, want: number, rng: Rng): Value[] {
  const hp = space.hps[i] as Hyperparameter & { type: 'float' | 'int' };
  const codec = space.codecs[i];
  const step = hp.q ?? (hp.type === 'int' ? 1 : undefined);
  const cells = step === undefined ? Infinity : Math.floor((hp.upper - hp.lower) / step + 1e-9) + 1;
  const target = Math.min(want, cells - 1);
  const centre = codec.toUnit(value);
  const found = new Set<number>();
  for (let attempt = 0; found.size < target && attempt < 20 * want; attempt++) {
    const z = rng.normal(0, NEIGHBOUR_STDEV);
    if (centre + z < 0 || centre + z > 1) continue;
    let v = codec.fromUnit(centre + z) as number;
    if (v === value && step !== undefined) v = stepAway(value, z >= 0 ? step : -step, hp.lower, hp.upper);
    if (v !== value) found.add(v);
  }
  return [...found];
}

function stepAway(value: number, step: number, lower: number, upper: number): number {
  const forward = Number((value + step).toPrecision(12));
  if (forward >= lower && forward <= upper) return forward;
  return Number((value - step).toPrecision(12));
}

/** `config` with parameter i set to v, conditions re-applied; keys in names order. */
function exchange(space: CompiledSpace, config: Config, i: number, v: Value): Config {
  const { names, defaults } = space;
  const pick = (j: number): Value => (j === i ? v : (config[names[j]] ?? defaults[j]));
  if (space.conditioned) return resolve(space, pick);
  const out: Record<string, Value> = {};
  for (let j = 0; j < names.length; j++) out[names[j]] = pick(j);
  return out;
}
