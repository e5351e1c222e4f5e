/**
 * Correctly rounded log and cos (barring results within ~1e-30 of a rounding midpoint), used only
 * where BBOB instances are drawn (`legacyGauss`). JavaScript's Math.log / Math.cos are 1 ulp off in
 * several percent of BBOB's draws, and one ulp in a Gaussian draw changes the last bits of a whole
 * rotation matrix. glibc, which COCO's C build uses, rounds correctly in all but ~0.1% of them, so
 * this reproduces COCO's rotations (and the optima of f9 and f19 derived from them) bit for bit in
 * small dimensions and to the last bits beyond.
 *
 * Double-double arithmetic: a value is hi + lo with |lo| <= ulp(hi) / 2. To avoid allocating,
 * each operation leaves its result in the module registers H, L.
 */

let H = 0;
let L = 0;

const SPLITTER = 134217729; // 2^27 + 1

function twoSum(a: number, b: number): void {
  const s = a + b;
  const v = s - a;
  L = a - (s - v) + (b - v);
  H = s;
}

function quickTwoSum(a: number, b: number): void {
  const s = a + b;
  L = b - (s - a);
  H = s;
}

function twoProd(a: number, b: number): void {
  const p = a * b;
  let t = SPLITTER * a;
  const aHi = t - (t - a);
  const aLo = a - aHi;
  t = SPLITTER * b;
  const bHi = t - (t - b);
  const bLo = b - bHi;
  L = aHi * bHi - p + aHi * bLo + aLo * bHi + aLo * bLo;
  H = p;
}

function add(ah: number, al: number, bh: number, bl: number): void {
  twoSum(ah, bh);
  const s = H;
  let e = L;
  twoSum(al, bl);
  const t = H;
  const f = L;
  e += t;
  quickTwoSum(s, e);
  e = L + f;
  quickTwoSum(H, e);
}

function mul(ah: number, al: number, bh: number, bl: number): void {
  twoProd(ah, bh);
  const p = H;
  const e = L + (ah * bl + al * bh);
  quickTwoSum(p, e);
}

function div(ah: number, al: number, bh: number, bl: number): void {
  const q1 = ah / bh;
  mul(q1, 0, bh, bl);
  add(ah, al, -H, -L);
  const rh = H;
  const rl = L;
  const q2 = rh / bh;
  mul(q2, 0, bh, bl);
  add(rh, rl, -H, -L);
  const q3 = H / bh;
  quickTwoSum(q1, q2);
  add(H, L, q3, 0);
}

/** Double-double coefficients c_k (hi at 2k, lo at 2k + 1). */
function coefficients(count: number, term: (k: number) => [number, number]): Float64Array {
  const out = new Float64Array(2 * count);
  for (let k = 0; k < count; k++) {
    const [numerator, denominator] = term(k);
    div(numerator, 0, denominator, 0);
    out[2 * k] = H;
    out[2 * k + 1] = L;
  }
  return out;
}

function factorial(n: number): number {
  let f = 1;
  for (let i = 2; i <= n; i++) f *= i;
  return f;
}

// Series coefficients (double-double): 1 / (2k + 1) for 2 atanh(s) = log((1 + s) / (1 - s)), and
// (-1)^k / (2k)!, (-1)^k / (2k + 1)! for cos and sin (factorials beyond 22! are inexact, but those terms are below 1e-26).
const ATANH = coefficients(24, (k) => [1, 2 * k + 1]);
const COS = coefficients(15, (k) => [k % 2 ? -1 : 1, factorial(2 * k)]);
const SIN = coefficients(15, (k) => [k % 2 ? -1 : 1, factorial(2 * k + 1)]);

const LN2_HI = 0.6931471805599453;
const LN2_LO = 2.3190468138462996e-17;
const PIO2_1 = 1.5707963267948966;
const PIO2_2 = 6.123233995736766e-17;
const PIO2_3 = -1.4973849048591698e-33;

/** log(m) for m in [1/2, 2] as 2 atanh((m - c) / (m + c)) + log(c), with `terms` series terms; result in H, L. */
function logNear(m: number, c: number, logCHi: number, logCLo: number, terms: number): void {
  twoSum(m, c);
  div(m - c, 0, H, L); // m - c is exact (Sterbenz)
  const sh = H;
  const sl = L;
  mul(sh, sl, sh, sl);
  const yh = H;
  const yl = L;
  let n = terms - 1;
  let ph = ATANH[2 * n];
  let pl = ATANH[2 * n + 1];
  while (n-- > 0) {
    mul(ph, pl, yh, yl);
    add(H, L, ATANH[2 * n], ATANH[2 * n + 1]);
    ph = H;
    pl = L;
  }
  mul(ph, pl, 2 * sh, 2 * sl);
  add(H, L, logCHi, logCLo);
}

/** sin(t) or cos(t) of a double-double |t| <= pi/4 by Taylor series with `terms` terms; result in H, L. */
function sinCosNear(th: number, tl: number, sine: boolean, terms: number): void {
  mul(th, tl, th, tl);
  const yh = H;
  const yl = L;
  const c = sine ? SIN : COS;
  let n = terms - 1;
  let ph = c[2 * n];
  let pl = c[2 * n + 1];
  while (n-- > 0) {
    mul(ph, pl, yh, yl);
    add(H, L, c[2 * n], c[2 * n + 1]);
    ph = H;
    pl = L;
  }
  if (sine) mul(ph, pl, th, tl);
  else {
    H = ph;
    L = pl;
  }
}

// Tables: log(j / 128) for j / 128 in [0.70, 1.42], and sin, cos(j / 64) for |j / 64| <= 0.8, each as (hi, lo),
// computed once with the long series; evaluation then only needs short series around the nearest node.
const LOG_FIRST = 89;
const LOG_TABLE = new Float64Array(2 * (183 - LOG_FIRST));
for (let j = LOG_FIRST; j < 183; j++) {
  logNear(j / 128, 1, 0, 0, 24);
  LOG_TABLE[2 * (j - LOG_FIRST)] = H;
  LOG_TABLE[2 * (j - LOG_FIRST) + 1] = L;
}
const TRIG_HALF = 52;
const SIN_TABLE = new Float64Array(2 * (2 * TRIG_HALF + 1));
const COS_TABLE = new Float64Array(2 * (2 * TRIG_HALF + 1));
for (let j = -TRIG_HALF; j <= TRIG_HALF; j++) {
  const at = 2 * (j + TRIG_HALF);
  sinCosNear(j / 64, 0, true, 15);
  SIN_TABLE[at] = H;
  SIN_TABLE[at + 1] = L;
  sinCosNear(j / 64, 0, false, 15);
  COS_TABLE[at] = H;
  COS_TABLE[at + 1] = L;
}

const BITS = new Float64Array(1);
const WORDS = new Uint32Array(BITS.buffer);
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // index of the sign/exponent word

/** log(u) for finite u > 0 (normal numbers), correctly rounded. */
export function accurateLog(u: number): number {
  if (!(u >= 2.2250738585072014e-308) || u === Infinity) return Math.log(u);
  BITS[0] = u;
  let e = ((WORDS[HIGH] >>> 20) & 0x7ff) - 1023;
  WORDS[HIGH] = (WORDS[HIGH] & 0x800fffff) | 0x3ff00000; // mantissa in [1, 2)
  let m = BITS[0];
  if (m > Math.SQRT2) {
    m /= 2;
    e += 1;
  }
  // Node c = j / 128 within 1/256 of m: |s| <= 2^-8.5, so 8 series terms reach 2^-130. For j = 128, log c = 0
  // and the result keeps its full relative precision near u = 1.
  const j = Math.round(m * 128);
  logNear(m, j / 128, LOG_TABLE[2 * (j - LOG_FIRST)], LOG_TABLE[2 * (j - LOG_FIRST) + 1], 8);
  if (e === 0) return H + L;
  const lh = H;
  const ll = L;
  twoProd(e, LN2_HI);
  add(H, L, e * LN2_LO, 0);
  add(H, L, lh, ll);
  return H + L;
}

/** cos(x), correctly rounded for |x| <= 8 (BBOB needs [0, 2 pi]); Math.cos beyond. */
export function accurateCos(x: number): number {
  if (!(Math.abs(x) <= 8)) return Math.cos(x);
  // r = x - k pi/2 with pi/2 in three parts.
  const k = Math.round(x / PIO2_1);
  twoProd(k, PIO2_1);
  add(x, 0, -H, -L);
  const rh = H;
  const rl = L;
  twoProd(k, PIO2_2);
  add(rh, rl, -H, -L);
  add(H, L, -k * PIO2_3, 0);
  // r = j / 64 + t with |t| <= 1/128: 7 series terms reach 2^-110.
  const j = Math.round(H * 64);
  add(H, L, -j / 64, 0);
  const th = H;
  const tl = L;
  const at = 2 * (j + TRIG_HALF);
  const quadrant = ((k % 4) + 4) % 4;
  // cos(x) = cos r, -sin r, -cos r, sin r in quadrants 0..3; cos(a + t) = cos a cos t - sin a sin t, sin(a + t) = sin a cos t + cos a sin t.
  const sine = quadrant === 1 || quadrant === 3;
  sinCosNear(th, tl, false, 7);
  const ch = H;
  const cl = L;
  sinCosNear(th, tl, true, 7);
  const sh = H;
  const sl = L;
  if (sine) {
    mul(SIN_TABLE[at], SIN_TABLE[at + 1], ch, cl);
    const ph = H;
    const pl = L;
    mul(COS_TABLE[at], COS_TABLE[at + 1], sh, sl);
    add(ph, pl, H, L);
  } else {
    mul(COS_TABLE[at], COS_TABLE[at + 1], ch, cl);
    const ph = H;
    const pl = L;
    mul(SIN_TABLE[at], SIN_TABLE[at + 1], sh, sl);
    add(ph, pl, -H, -L);
  }
  const value = H + L;
  return quadrant === 1 || quadrant === 2 ? -value : value;
}
