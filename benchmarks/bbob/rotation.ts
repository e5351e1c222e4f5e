import { legacyGauss } from './legacyRandom.js';

/**
 * Rotations and linear maps, all d x d, row-major in one Float64Array (entry (i, j) at i * d + j).
 * `computeRotation` is bbob2009_compute_rotation: Gram-Schmidt on the columns of a Gaussian
 * matrix filled column by column. COCO's C code caps d at 44 (a 2000-entry buffer); the
 * construction itself has no limit, and we apply it as is to larger d.
 */
export function computeRotation(seed: number, d: number): Float64Array {
  // Column i of the Gaussian matrix is gauss[i * d .. i * d + d): work on contiguous columns, then transpose.
  const columns = legacyGauss(d * d, seed);
  for (let i = 0; i < d; i++) {
    const ci = i * d;
    for (let j = 0; j < i; j++) {
      const cj = j * d;
      let prod = 0;
      for (let k = 0; k < d; k++) prod += columns[ci + k] * columns[cj + k];
      for (let k = 0; k < d; k++) columns[ci + k] -= prod * columns[cj + k];
    }
    let norm = 0;
    for (let k = 0; k < d; k++) norm += columns[ci + k] * columns[ci + k];
    const length = Math.sqrt(norm);
    for (let k = 0; k < d; k++) columns[ci + k] /= length;
  }
  const b = new Float64Array(d * d);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) b[i * d + j] = columns[j * d + i];
  return b;
}

/** base^(i / (d - 1)) for i = 0..d-1: the diagonal scalings BBOB applies ("Lambda^alpha"). */
export function powerRamp(base: number, d: number): Float64Array {
  const out = new Float64Array(d);
  for (let i = 0; i < d; i++) out[i] = Math.pow(base, (1.0 * i) / (d - 1.0));
  return out;
}

/** R1 * diag(lambda) * R2, summed in COCO's order. */
export function conditionedProduct(r1: Float64Array, lambda: Float64Array, r2: Float64Array, d: number): Float64Array {
  const m = new Float64Array(d * d);
  // Loop order i, k, j keeps memory access contiguous; each entry still sums over k in increasing order.
  for (let i = 0; i < d; i++) {
    const row = i * d;
    for (let k = 0; k < d; k++) {
      const a = r1[row + k] * lambda[k];
      const other = k * d;
      for (let j = 0; j < d; j++) m[row + j] += a * r2[other + j];
    }
  }
  return m;
}

/** diag(lambda) * R: row i scaled by lambda[i]. */
export function scaleRows(lambda: Float64Array, r: Float64Array, d: number): Float64Array {
  const m = new Float64Array(d * d);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) m[i * d + j] = r[i * d + j] * lambda[i];
  return m;
}

/** factor * R, entry by entry. */
export function scaleMatrix(factor: number, r: Float64Array): Float64Array {
  return r.map((v) => factor * v);
}

/** out = M x + offset, accumulated from `offset` as COCO's transform_vars_affine does. */
export function affine(m: Float64Array, x: Float64Array, out: Float64Array, d: number, offset = 0): void {
  for (let i = 0; i < d; i++) {
    let sum = offset;
    const row = i * d;
    for (let j = 0; j < d; j++) sum += x[j] * m[row + j];
    out[i] = sum;
  }
}

/** out = M (x - shift): the shift-then-rotate that starts most BBOB functions. */
export function shiftRotate(m: Float64Array, x: Float64Array, shift: Float64Array, scratch: Float64Array, out: Float64Array, d: number): void {
  for (let j = 0; j < d; j++) scratch[j] = x[j] - shift[j];
  affine(m, scratch, out, d);
}
