/**
 * WFG1-9 as pymoo defines them (pymoo/problems/many/wfg.py), in CARP-S's `_10_5` setting:
 * 10 variables, 5 objectives, hence k = 2 (M - 1) = 8 position and l = 2 distance variables,
 * x_i in [0, 2i], S_m = 2m. See wfgFronts.ts for the Pareto fronts.
 */
import * as t from './wfgTransforms.js';

export const WFG_N_VAR = 10;
export const WFG_N_OBJ = 5;
const WFG_K = 2 * (WFG_N_OBJ - 1);
const M = WFG_N_OBJ;
const N = WFG_N_VAR;
const K = WFG_K;
const GAP = K / (M - 1);

/** Upper bounds 2, 4, ..., 2n (lower bounds are 0). */
export const WFG_UPPER: readonly number[] = Array.from({ length: N }, (_, i) => 2 * (i + 1));
/** Objective scales S_m = 2m. */
export const WFG_SCALE: readonly number[] = Array.from({ length: M }, (_, i) => 2 * (i + 1));

function normalized(x: ArrayLike<number>): number[] {
  return WFG_UPPER.map((u, i) => x[i] / u);
}

/** Reduces each of the M - 1 position groups with `position`, and the distance part with `distance`. */
function reduceGroups(y: readonly number[], position: (g: number[], from: number) => number, distance: (g: number[]) => number): number[] {
  const out: number[] = [];
  for (let m = 0; m < M - 1; m++) out.push(position(y.slice(m * GAP, (m + 1) * GAP), m * GAP));
  out.push(distance(y.slice(K)));
  return out;
}

/** pymoo's WFG._post: x_i = max(t_M, A_i) (t_i - 0.5) + 0.5, x_M = t_M. */
function post(tv: readonly number[], A: readonly number[]): number[] {
  const last = tv[tv.length - 1];
  return [...tv.slice(0, -1).map((v, i) => Math.max(last, A[i]) * (v - 0.5) + 0.5), last];
}

/** f_m = x_M + S_m h_m. */
function calculate(x: readonly number[], h: readonly number[]): number[] {
  return h.map((v, m) => x[x.length - 1] + WFG_SCALE[m] * v);
}

const ONES = new Array<number>(M - 1).fill(1);
/** WFG3's degenerate A = (1, 0, ..., 0). */
const WFG3_A = ONES.map((_, i) => (i === 0 ? 1 : 0));

function concaveObjectives(x: readonly number[]): number[] {
  const shape = x.slice(0, -1);
  return calculate(x, Array.from({ length: M }, (_, m) => t.concave(shape, m + 1)));
}

export function wfg1ShapeObjectives(x: readonly number[]): number[] {
  const shape = x.slice(0, -1);
  const h = Array.from({ length: M - 1 }, (_, m) => t.convex(shape, m + 1));
  return calculate(x, [...h, t.mixed(x[0], 5, 1)]);
}

export function wfg2ShapeObjectives(x: readonly number[]): number[] {
  const shape = x.slice(0, -1);
  const h = Array.from({ length: M - 1 }, (_, m) => t.convex(shape, m + 1));
  return calculate(x, [...h, t.disconnected(x[0], 1, 1, 5)]);
}

export function wfg3ShapeObjectives(x: readonly number[]): number[] {
  const shape = x.slice(0, -1);
  return calculate(x, Array.from({ length: M }, (_, m) => t.linear(shape, m + 1)));
}

/** WFG1.t1: shift the distance variables linearly. */
function shiftDistance(y: number[]): number[] {
  return y.map((v, i) => (i >= K ? t.shiftLinear(v, 0.35) : v));
}

/** WFG2/3 t2 + t3: non-separable pairs of distance variables, then uniform weighted sums. */
function wfg23Reduce(y: number[]): number[] {
  const pairs: number[] = [];
  for (let i = K; i + 1 < N; i += 2) pairs.push(t.nonSeparable([y[i], y[i + 1]], 2));
  return reduceGroups([...y.slice(0, K), ...pairs], t.mean, t.mean);
}

const meanGroups = (y: number[]) => reduceGroups(y, t.mean, t.mean);

function wfg1(x: ArrayLike<number>): number[] {
  let y = shiftDistance(normalized(x));
  y = y.map((v, i) => (i >= K ? t.biasFlat(v, 0.8, 0.75, 0.85) : v));
  y = y.map((v) => t.biasPoly(v, 0.02));
  const w = Array.from({ length: N }, (_, i) => 2 * (i + 1));
  const tv = reduceGroups(y, (g, from) => t.weightedSum(g, w.slice(from, from + g.length)), (g) => t.weightedSum(g, w.slice(K)));
  return wfg1ShapeObjectives(post(tv, ONES));
}

function wfg2(x: ArrayLike<number>): number[] {
  return wfg2ShapeObjectives(post(wfg23Reduce(shiftDistance(normalized(x))), ONES));
}

function wfg3(x: ArrayLike<number>): number[] {
  return wfg3ShapeObjectives(post(wfg23Reduce(shiftDistance(normalized(x))), WFG3_A));
}

function wfg4(x: ArrayLike<number>): number[] {
  const y = normalized(x).map((v) => t.shiftMultiModal(v, 30, 10, 0.35));
  return concaveObjectives(post(meanGroups(y), ONES));
}

function wfg5(x: ArrayLike<number>): number[] {
  const y = normalized(x).map((v) => t.shiftDeceptive(v, 0.35, 0.001, 0.05));
  return concaveObjectives(post(meanGroups(y), ONES));
}

function wfg6(x: ArrayLike<number>): number[] {
  const y = shiftDistance(normalized(x));
  const tv = reduceGroups(y, (g) => t.nonSeparable(g, GAP), (g) => t.nonSeparable(g, N - K));
  return concaveObjectives(post(tv, ONES));
}

function wfg7(x: ArrayLike<number>): number[] {
  const original = normalized(x);
  // Position i depends on the mean of the (untransformed) variables after it.
  const y = original.map((v, i) => (i < K ? t.paramDependent(v, t.mean(original.slice(i + 1))) : v));
  return concaveObjectives(post(meanGroups(shiftDistance(y)), ONES));
}

function wfg8(x: ArrayLike<number>): number[] {
  const original = normalized(x);
  // Distance i depends on the mean of the (untransformed) variables before it.
  const y = original.map((v, i) => (i >= K ? t.paramDependent(v, t.mean(original.slice(0, i)), 0.98 / 49.98, 0.02, 50) : v));
  return concaveObjectives(post(meanGroups(shiftDistance(y)), ONES));
}

function wfg9(x: ArrayLike<number>): number[] {
  const original = normalized(x);
  let y = original.map((v, i) => (i < N - 1 ? t.paramDependent(v, t.mean(original.slice(i + 1))) : v));
  y = y.map((v, i) => (i < K ? t.shiftDeceptive(v, 0.35, 0.001, 0.05) : t.shiftMultiModal(v, 30, 95, 0.35)));
  const tv = reduceGroups(y, (g) => t.nonSeparable(g, GAP), (g) => t.nonSeparable(g, N - K));
  // pymoo skips _post for WFG9; with A = 1 it is the identity anyway.
  return concaveObjectives(tv);
}

export const wfgFunctions = { wfg1, wfg2, wfg3, wfg4, wfg5, wfg6, wfg7, wfg8, wfg9 };
export type WfgName = keyof typeof wfgFunctions;
