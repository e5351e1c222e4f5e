import { JOE_KUO_LINES, JOE_KUO_MAX_DIMENSION } from './joeKuoTable.js';

/** Bits of every Sobol coordinate: up to 2^32 points per sequence. */
export const SOBOL_BITS = 32;

interface PolynomialLine {
  readonly degree: number;
  readonly coefficients: number;
  readonly initial: readonly number[];
}

let parsed: PolynomialLine[] | undefined;

function table(): PolynomialLine[] {
  parsed ??= JOE_KUO_LINES.trim()
    .split('\n')
    .map((line) => {
      const [degree, coefficients, ...initial] = line.trim().split(/\s+/).map(Number);
      return { degree, coefficients, initial };
    });
  return parsed;
}

/**
 * The 32 direction numbers V_1..V_32 of one dimension (0-based: dimension 0 is van der Corput),
 * as 32-bit integers with the first digit in the most significant bit. Joe & Kuo's recurrence:
 * V_k = V_{k-s} ^ (V_{k-s} >> s) ^ XOR_{i=1}^{s-1} a_i V_{k-i}.
 */
export function directionNumbers(dimension: number): Uint32Array {
  if (dimension < 0 || dimension >= JOE_KUO_MAX_DIMENSION) {
    throw new RangeError(`Sobol direction numbers cover dimensions 0..${JOE_KUO_MAX_DIMENSION - 1}, got ${dimension}.`);
  }
  const v = new Uint32Array(SOBOL_BITS);
  if (dimension === 0) {
    for (let k = 0; k < SOBOL_BITS; k++) v[k] = 2 ** (31 - k);
    return v;
  }
  const { degree: s, coefficients: a, initial } = table()[dimension - 1];
  for (let k = 0; k < Math.min(s, SOBOL_BITS); k++) v[k] = initial[k] * 2 ** (31 - k);
  for (let k = s; k < SOBOL_BITS; k++) {
    let value = v[k - s] ^ (v[k - s] >>> s);
    for (let i = 1; i < s; i++) if ((a >>> (s - 1 - i)) & 1) value ^= v[k - i];
    v[k] = value >>> 0;
  }
  return v;
}
