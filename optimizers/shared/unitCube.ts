import type { Config, SearchSpace } from '../../core/index.js';

/** Largest double below 1: keeps a coordinate inside the half-open cell of the last choice. */
const BELOW_ONE = 1 - 2 ** -53;

/** Clamps a unit-cube coordinate into [0, 1); NaN (an inactive slot) becomes the centre 0.5. */
export function clampToUnit(u: number): number {
  if (Number.isNaN(u)) return 0.5;
  return u <= 0 ? 0 : u >= BELOW_ONE ? BELOW_ONE : u;
}

/** Reflects any real coordinate into [0, 1] (mirror at both faces, periodic beyond). */
export function mirrorToUnit(u: number): number {
  if (u >= 0 && u <= 1) return u;
  if (!Number.isFinite(u)) return 0.5;
  const t = ((u % 2) + 2) % 2;
  return t <= 1 ? t : 2 - t;
}

/** Decodes a unit-cube vector (one slot per hyperparameter) after clamping every slot. */
export function decodeUnit(space: SearchSpace, vector: ArrayLike<number>): Config {
  const clamped = new Float64Array(vector.length);
  for (let i = 0; i < vector.length; i++) clamped[i] = clampToUnit(vector[i]);
  return space.decode(clamped);
}

/** Encodes a config and fills inactive slots (NaN) with `fill(i)`: a full point an evolutionary method can move. */
export function encodeFilled(space: SearchSpace, config: Config, fill: (index: number) => number): Float64Array {
  const out = space.encode(config);
  for (let i = 0; i < out.length; i++) if (Number.isNaN(out[i])) out[i] = fill(i);
  return out;
}
