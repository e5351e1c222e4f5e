import type { Rng } from '../../core/index.js';
import { directionNumbers, SOBOL_BITS } from './directionNumbers.js';
import { JOE_KUO_MAX_DIMENSION } from './joeKuoTable.js';

export type SobolScramble = 'owen' | 'lms' | 'none';

const TWO_POW_32 = 4294967296;

/**
 * The Sobol sequence in Gray-code order (Antonov-Saleev), Joe-Kuo direction numbers, with an
 * optional randomization:
 * - 'owen': nested uniform (Owen) scrambling by a per-dimension hash permutation on the
 *   bit-reversed coordinate (Burley 2020, with Vegdahl's constants): every bit is flipped by a
 *   function of the more significant bits only, so (t, m, s)-net structure is kept.
 * - 'lms': random linear matrix scramble (lower-triangular, unit diagonal) plus a digital shift,
 *   the randomization of scipy.stats.qmc.Sobol.
 * - 'none': the plain sequence; the first point is the origin.
 * Dimensions past the table (1024) are filled with independent uniform draws.
 */
export class SobolSequence {
  private readonly directions: Uint32Array[];
  private readonly state: Uint32Array;
  private readonly owenSeeds: Uint32Array | undefined;
  private readonly shifts: Uint32Array | undefined;
  private index = 0;

  constructor(
    readonly dimension: number,
    readonly scramble: SobolScramble,
    private readonly rng: Rng,
  ) {
    const covered = Math.min(dimension, JOE_KUO_MAX_DIMENSION);
    this.directions = Array.from({ length: covered }, (_, j) => directionNumbers(j));
    this.state = new Uint32Array(covered);
    if (scramble === 'lms') {
      this.directions = this.directions.map((v) => linearScramble(v, rng));
      this.shifts = Uint32Array.from({ length: covered }, () => rng.uint32());
    } else if (scramble === 'owen') {
      this.owenSeeds = Uint32Array.from({ length: covered }, () => rng.uint32());
    }
  }

  /** The next point, in [0, 1)^dimension. */
  next(): Float64Array {
    const point = new Float64Array(this.dimension);
    const covered = this.state.length;
    if (this.index > 0) {
      const bit = trailingZeros(this.index);
      for (let j = 0; j < covered; j++) this.state[j] ^= this.directions[j][bit];
    }
    this.index = (this.index + 1) % TWO_POW_32;
    for (let j = 0; j < covered; j++) {
      let x = this.state[j];
      if (this.owenSeeds) x = owenScramble(x, this.owenSeeds[j]);
      else if (this.shifts) x = (x ^ this.shifts[j]) >>> 0;
      point[j] = x / TWO_POW_32;
    }
    for (let j = covered; j < this.dimension; j++) point[j] = this.rng.random();
    return point;
  }
}

function trailingZeros(n: number): number {
  return 31 - Math.clz32(n & -n);
}

/** Multiplies the generator matrix (columns = direction numbers) by a random lower-triangular unit-diagonal matrix. */
function linearScramble(v: Uint32Array, rng: Rng): Uint32Array {
  const rows = new Uint32Array(SOBOL_BITS);
  for (let i = 0; i < SOBOL_BITS; i++) {
    const above = i === 0 ? 0 : (0xffffffff << (32 - i)) >>> 0; // digits more significant than digit i
    rows[i] = ((1 << (31 - i)) | (rng.uint32() & above)) >>> 0;
  }
  return v.map((column) => {
    let out = 0;
    for (let i = 0; i < SOBOL_BITS; i++) out |= parity(rows[i] & column) << (31 - i);
    return out >>> 0;
  });
}

function parity(x: number): number {
  x ^= x >>> 16;
  x ^= x >>> 8;
  x ^= x >>> 4;
  x ^= x >>> 2;
  x ^= x >>> 1;
  return x & 1;
}

function reverseBits(x: number): number {
  x = ((x >>> 1) & 0x55555555) | ((x & 0x55555555) << 1);
  x = ((x >>> 2) & 0x33333333) | ((x & 0x33333333) << 2);
  x = ((x >>> 4) & 0x0f0f0f0f) | ((x & 0x0f0f0f0f) << 4);
  x = ((x >>> 8) & 0x00ff00ff) | ((x & 0x00ff00ff) << 8);
  return ((x >>> 16) | (x << 16)) >>> 0;
}

/**
 * Owen scrambling by a hash on the reversed bits: each step (odd multiply, add, xor with an even
 * multiple) changes bit k only as a function of bits below k, i.e. after reversal of the more
 * significant digits: a nested scramble.
 */
function owenScramble(x: number, seed: number): number {
  let h = reverseBits(x);
  h ^= Math.imul(h, 0x3d20adea);
  h = (h + seed) | 0;
  h = Math.imul(h, (seed >>> 16) | 1);
  h ^= Math.imul(h, 0x05526c56);
  h ^= Math.imul(h, 0x53a22864);
  return reverseBits(h >>> 0);
}
