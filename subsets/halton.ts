import { firstPrimes, radicalInverse } from '../optimizers/halton/haltonSequence.js';

/** The unscrambled Halton points with indices start .. start+n-1 in d dimensions (bases: the first d primes). */
export function haltonPoints(n: number, d: number, start = 1): number[][] {
  const bases = firstPrimes(d);
  return Array.from({ length: n }, (_, i) => bases.map((base) => radicalInverse(start + i, base)));
}
