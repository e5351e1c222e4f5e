const PRIMES = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97];

/** Radical inverse of i in the given base (the van der Corput sequence). */
export function radicalInverse(i: number, base: number): number {
  let result = 0;
  let scale = 1 / base;
  for (let rest = i; rest > 0; rest = Math.floor(rest / base)) {
    result += (rest % base) * scale;
    scale /= base;
  }
  return result;
}

/** The Halton points with indices start .. start+n-1 in d dimensions (bases: the first d primes). */
export function haltonPoints(n: number, d: number, start = 1): number[][] {
  if (d > PRIMES.length) throw new RangeError(`Halton points are available up to d=${PRIMES.length}, got d=${d}`);
  return Array.from({ length: n }, (_, i) => Array.from({ length: d }, (__, j) => radicalInverse(start + i, PRIMES[j])));
}
