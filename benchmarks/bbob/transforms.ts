/**
 * The per-coordinate and objective transformations of BBOB (COCO's transform_vars_*.c and
 * transform_obj_*.c), written as plain functions over preallocated arrays so that an
 * evaluation allocates nothing.
 */

/**
 * T_osz on one value (alpha = 0.1): smooth local irregularities. The same map serves
 * transform_vars_oscillate, transform_obj_oscillate (f6) and Gallagher's objective (f21, f22).
 */
export function oscillate(x: number): number {
  if (x > 0) {
    const t = Math.log(x) / 0.1;
    return Math.pow(Math.exp(t + 0.49 * (Math.sin(t) + Math.sin(0.79 * t))), 0.1);
  }
  if (x < 0) {
    const t = Math.log(-x) / 0.1;
    return -Math.pow(Math.exp(t + 0.49 * (Math.sin(0.55 * t) + Math.sin(0.31 * t))), 0.1);
  }
  return 0;
}

export function oscillateAll(x: Float64Array, out: Float64Array, d: number): void {
  for (let i = 0; i < d; i++) out[i] = oscillate(x[i]);
}

/** Coefficients beta * i / (d - 1) of T_asy^beta (transform_vars_asymmetric). */
export function asymmetryCoefficients(beta: number, d: number): Float64Array {
  const out = new Float64Array(d);
  for (let i = 0; i < d; i++) out[i] = (beta * i) / (d - 1.0);
  return out;
}

/** T_asy: x_i^(1 + c_i sqrt(x_i)) for positive x_i, unchanged otherwise. */
export function asymmetric(x: Float64Array, coefficients: Float64Array, out: Float64Array, d: number): void {
  for (let i = 0; i < d; i++) {
    const v = x[i];
    out[i] = v > 0 ? Math.pow(v, 1.0 + coefficients[i] * Math.sqrt(v)) : v;
  }
}

/** alpha^(0.5 i / (d - 1)): the scalings of transform_vars_conditioning. */
export function conditioningScales(alpha: number, d: number): Float64Array {
  const out = new Float64Array(d);
  for (let i = 0; i < d; i++) out[i] = Math.pow(alpha, (0.5 * i) / (d - 1.0));
  return out;
}

/** f_pen: sum of squared excursions outside [-5, 5] (transform_obj_penalize before its factor). */
export function boxPenalty(x: ArrayLike<number>, d: number): number {
  let penalty = 0;
  for (let i = 0; i < d; i++) {
    const above = x[i] - 5.0;
    const below = -5.0 - x[i];
    if (above > 0) penalty += above * above;
    else if (below > 0) penalty += below * below;
  }
  return penalty;
}

/** The same excursion measured as |x| - 5, as the monolithic functions (f7, f21, f22, f24) write it. */
export function absolutePenalty(x: ArrayLike<number>, d: number): number {
  let penalty = 0;
  for (let i = 0; i < d; i++) {
    const excess = Math.abs(x[i]) - 5.0;
    if (excess > 0) penalty += excess * excess;
  }
  return penalty;
}

/** coco_double_round: floor(x + 0.5). */
export function roundHalfUp(x: number): number {
  return Math.floor(x + 0.5);
}
