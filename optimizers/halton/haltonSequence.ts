import type { Rng } from '../../core/index.js';

/** The first `count` primes: the bases of the Halton sequence. */
export function firstPrimes(count: number): number[] {
  const primes: number[] = [];
  for (let candidate = 2; primes.length < count; candidate++) {
    if (primes.every((p) => p * p > candidate || candidate % p !== 0)) primes.push(candidate);
  }
  return primes;
}

/** Per digit position of one base: the affine digit permutation d -> (factor * d + offset) mod base. */
interface DigitScramble {
  readonly factors: Int32Array;
  readonly offsets: Int32Array;
}

/**
 * The Halton sequence (radical inverse in the j-th prime for dimension j), from index 0.
 * Scrambled: every digit position of every dimension gets its own random affine permutation
 * d -> (f d + g) mod b, f in 1..b-1, g in 0..b-1 (random linear digit scrambling), applied to
 * all digit positions down to b^-K < 2^-53, so every point is uniform on [0, 1) while the first
 * b^k points still fall one per interval [i b^-k, (i+1) b^-k).
 */
export class HaltonSequence {
  private readonly bases: number[];
  private readonly scrambles: DigitScramble[] | undefined;
  private index = 0;

  constructor(readonly dimension: number, rng: Rng | undefined) {
    this.bases = firstPrimes(dimension);
    if (rng) this.scrambles = this.bases.map((b) => randomDigitScramble(b, rng));
  }

  next(): Float64Array {
    const point = new Float64Array(this.dimension);
    const n = this.index++;
    for (let j = 0; j < this.dimension; j++) {
      const u = this.scrambles ? scrambledInverse(n, this.bases[j], this.scrambles[j]) : radicalInverse(n, this.bases[j]);
      point[j] = Math.min(u, 1 - 2 ** -53);
    }
    return point;
  }
}

/** Radical inverse of n in the given base (the van der Corput sequence): its digits mirrored at the point. */
export function radicalInverse(n: number, base: number): number {
  let u = 0;
  let scale = 1 / base;
  while (n > 0) {
    u += (n % base) * scale;
    n = Math.floor(n / base);
    scale /= base;
  }
  return u;
}

function scrambledInverse(n: number, base: number, scramble: DigitScramble): number {
  let u = 0;
  let scale = 1 / base;
  for (let k = 0; k < scramble.factors.length; k++) {
    const digit = n % base;
    n = Math.floor(n / base);
    u += ((scramble.factors[k] * digit + scramble.offsets[k]) % base) * scale;
    scale /= base;
  }
  return u;
}

function randomDigitScramble(base: number, rng: Rng): DigitScramble {
  const positions = Math.ceil(53 / Math.log2(base));
  return {
    factors: Int32Array.from({ length: positions }, () => rng.int(1, base - 1)),
    offsets: Int32Array.from({ length: positions }, () => rng.int(0, base - 1)),
  };
}
