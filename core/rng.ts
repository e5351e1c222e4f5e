/**
 * One seeded, splittable random generator (xoshiro128**, seeded through splitmix32).
 * Every random choice in hpoarena flows from a run seed through this class; `split(label)`
 * derives an independent child stream, so adding draws in one component never shifts
 * the draws of another.
 */
export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spareNormal: number | undefined;

  constructor(seed: number | string) {
    let h = typeof seed === 'number' ? hashNumber(seed) : hashString(seed);
    const next = () => {
      h = (h + 0x9e3779b9) | 0;
      let z = h;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** Next 32 random bits as an unsigned integer. */
  uint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform double in [0, 1) with 53 random bits. */
  random(): number {
    const hi = this.uint32() >>> 5; // 27 bits
    const lo = this.uint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Uniform double in [low, high). */
  uniform(low: number, high: number): number {
    return low + (high - low) * this.random();
  }

  /** Uniform integer in [low, high] (both inclusive). */
  int(low: number, high: number): number {
    return low + Math.floor(this.random() * (high - low + 1));
  }

  /** Standard normal draw (Marsaglia polar method). */
  normal(mean = 0, sd = 1): number {
    if (this.spareNormal !== undefined) {
      const z = this.spareNormal;
      this.spareNormal = undefined;
      return mean + sd * z;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * this.random() - 1;
      v = 2 * this.random() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * f;
    return mean + sd * u * f;
  }

  /** Index drawn with probability proportional to `weights`. */
  weightedIndex(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.random() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  choice<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  /** Fisher-Yates shuffle in place; returns the array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.random() * (i + 1));
      const tmp = items[i];
      items[i] = items[j];
      items[j] = tmp;
    }
    return items;
  }

  /** An integer seed in [0, 2^31) for components that take a numeric seed. */
  seed(): number {
    return this.uint32() >>> 1;
  }

  /**
   * An independent child stream. The child depends on this generator's current state and
   * the label, and drawing it advances this generator by exactly four words.
   */
  split(label = ''): Rng {
    const words = [this.uint32(), this.uint32(), this.uint32(), this.uint32()];
    return new Rng(`${words.join(':')}/${label}`);
  }
}

/** A child generator identified only by (seed, path): e.g. derive(seed, 'task') or derive(seed, 'trial', 7). */
export function deriveRng(seed: number, ...path: Array<string | number>): Rng {
  return new Rng(`${seed}/${path.join('/')}`);
}

/**
 * A well-mixed seed in [0, 2^31) from two integers, without allocating: for hot paths such
 * as the per-trial seed (murmur3-style finalizer over both words).
 */
export function mixSeeds(a: number, b: number): number {
  let h = Math.imul(a | 0, 0x9e3779b1) ^ Math.imul((b | 0) + 0x7f4a7c15, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 1;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

function hashString(text: string): number {
  // FNV-1a then a murmur finalizer: a well-mixed 32-bit seed from any string.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

function hashNumber(seed: number): number {
  if (!Number.isFinite(seed)) throw new RangeError(`RNG seed must be a finite number, got ${seed}`);
  return hashString(`n:${seed}`);
}
