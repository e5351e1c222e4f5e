/**
 * Dense symmetric-positive-definite linear algebra on row-major Float64Arrays (n x n).
 * Every O(n^3) loop is a dot product over contiguous memory (unrolled, several accumulators).
 */

/** sum_{k < len} a[ao + k] * b[bo + k] */
export function dot(a: Float64Array, ao: number, b: Float64Array, bo: number, len: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = 0;
  for (; k + 3 < len; k += 4) {
    s0 += a[ao + k] * b[bo + k];
    s1 += a[ao + k + 1] * b[bo + k + 1];
    s2 += a[ao + k + 2] * b[bo + k + 2];
    s3 += a[ao + k + 3] * b[bo + k + 3];
  }
  for (; k < len; k++) s0 += a[ao + k] * b[bo + k];
  return s0 + s1 + (s2 + s3);
}

/**
 * In-place Cholesky factorization A = L L^T: the lower triangle of `a` becomes L (the upper
 * triangle is left untouched). Returns false when A is not numerically positive definite.
 */
export function cholesky(a: Float64Array, n: number): boolean {
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = 0; j < i; j++) {
      const rj = j * n;
      a[ri + j] = (a[ri + j] - dot(a, ri, a, rj, j)) / a[rj + j];
    }
    const s = a[ri + i] - dot(a, ri, a, ri, i);
    if (!(s > 0)) return false;
    a[ri + i] = Math.sqrt(s);
  }
  return true;
}

/** Solves L x = b in place (b becomes x) for the lower-triangular L in `l`. */
export function solveLower(l: Float64Array, n: number, b: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    b[i] = (b[i] - dot(l, ri, b, 0, i)) / l[ri + i];
  }
}

/** Solves L^T x = b in place for the lower-triangular L in `l` (column sweep over rows of L). */
export function solveLowerTransposed(l: Float64Array, n: number, b: Float64Array): void {
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * n;
    const xi = b[i] / l[ri + i];
    b[i] = xi;
    for (let k = 0; k < i; k++) b[k] -= l[ri + k] * xi;
  }
}

/** Solves (L L^T) x = b in place. */
export function solveCholesky(l: Float64Array, n: number, b: Float64Array): void {
  solveLower(l, n, b);
  solveLowerTransposed(l, n, b);
}

/** sum(log diag(L)) = log det(A) / 2. */
export function halfLogDet(l: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.log(l[i * n + i]);
  return s;
}

/**
 * A^-1 (full symmetric, written to `out`) from the Cholesky factor in `l`; `work` (n x n)
 * receives T = L^-T, whose row j is column j of L^-1.
 */
export function inverseFromCholesky(l: Float64Array, n: number, out: Float64Array, work: Float64Array): void {
  // Column j of L^-1 by forward substitution: x_j = 1 / L_jj, x_i = -(sum_{j<=k<i} L_ik x_k) / L_ii.
  for (let j = 0; j < n; j++) {
    const rj = j * n;
    work[rj + j] = 1 / l[rj + j];
    for (let i = j + 1; i < n; i++) {
      const ri = i * n;
      work[rj + i] = -dot(l, ri + j, work, rj + j, i - j) / l[ri + i];
    }
  }
  // (A^-1)_ij = sum_{k >= max(i, j)} T_ik T_jk.
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = i; j < n; j++) {
      const rj = j * n;
      const v = dot(work, ri + j, work, rj + j, n - j);
      out[ri + j] = v;
      out[rj + i] = v;
    }
  }
}
