/**
 * The random generators of BBOB 2009 that COCO keeps to reproduce its instances
 * (`bbob2009_unif` and `bbob2009_gauss` in COCO's suite_bbob_legacy_code.c).
 * Every instance parameter (xopt, fopt, rotations, Gallagher peaks) is drawn from these.
 *
 * The arithmetic stays exact in doubles for seeds below 2^31 - 1, which is where the C code
 * (64-bit `long`, `int` casts) is defined; callers keep their seeds in that range.
 */

import { accurateCos, accurateLog } from './accurateMath.js';

const MODULUS = 2147483647;
const MULTIPLIER = 16807;
const QUOTIENT = 127773; // MODULUS / MULTIPLIER
const REMAINDER = 2836; // MODULUS % MULTIPLIER
const TABLE_SIZE = 32;

/** Schrage's step of the minimal standard generator: seed -> 16807 * seed mod (2^31 - 1). */
function nextSeed(seed: number): number {
  const high = Math.floor(seed / QUOTIENT);
  const next = MULTIPLIER * (seed - high * QUOTIENT) - REMAINDER * high;
  return next < 0 ? next + MODULUS : next;
}

/** `n` uniform numbers in (0, 1] from `seed`: the minimal standard generator behind a 32-slot shuffle table. */
export function legacyUniform(n: number, seed: number): Float64Array {
  const out = new Float64Array(n);
  let state = Math.max(1, Math.abs(seed));
  const table = new Float64Array(TABLE_SIZE);
  for (let i = 39; i >= 0; i--) {
    state = nextSeed(state);
    if (i < TABLE_SIZE) table[i] = state;
  }
  let current = table[0];
  for (let i = 0; i < n; i++) {
    state = nextSeed(state);
    const slot = Math.floor(current / 67108865);
    current = table[slot];
    table[slot] = state;
    const value = current / 2.147483647e9;
    out[i] = value === 0 ? 1e-99 : value;
  }
  return out;
}

/** `n` standard normal numbers from `seed` (Box-Muller over 2n legacy uniforms, with correctly rounded log and cos). */
export function legacyGauss(n: number, seed: number): Float64Array {
  const uniform = legacyUniform(2 * n, seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const value = Math.sqrt(-2 * accurateLog(uniform[i])) * accurateCos(2 * Math.PI * uniform[n + i]);
    out[i] = value === 0 ? 1e-99 : value;
  }
  return out;
}
