/**
 * Pareto fronts of the WFG `_10_5` tasks. On pymoo's Pareto set the distance part reduces to
 * t_M = 0, so a front point is S * h(u) for shape parameters u in [0, 1]^(M-1):
 * - WFG4-9 (concave): pymoo's generic_sphere(ref_dirs) * S, the ellipsoid sum (f_m / 2m)^2 = 1.
 * - WFG1 (convex + mixed) and WFG2 (convex + disconnected): the shape image over a grid of u,
 *   thinned by pymoo's "closest candidate to each reference direction" rule. For WFG2, u_1 is
 *   restricted to where the disconnected shape is a strict running minimum (the dominated parts
 *   of the image are dropped, which pymoo's sampler does not do).
 * - WFG3: the image of pymoo's Pareto set, the line u = (u_1, 0.5, ..., 0.5).
 * pymoo itself cannot build any of these for 5 objectives without user-given reference directions.
 */
import { closestToDirections, dasDennis, gridProduct, lazy, linspace, partitionsFor, runningMinIntervals, sampleIntervals } from './frontTools.js';
import { defineFront, filled, type MultiObjectiveProblem, type ParetoFrontDefinition } from './moProblem.js';
import { disconnected } from './wfgTransforms.js';
import { WFG_N_OBJ, WFG_N_VAR, WFG_SCALE, WFG_UPPER, wfg1ShapeObjectives, wfg2ShapeObjectives, wfg3ShapeObjectives, wfgFunctions, type WfgName } from './wfg.js';

const M = WFG_N_OBJ;
const DEFAULT_POINTS = 495; // Das-Dennis, 8 partitions in 5 dimensions
const ORIGIN = filled(M, 0);

function directions(n: number): number[][] {
  return dasDennis(partitionsFor(n, M), M);
}

/** Objectives at shape parameters u (t_M = 0). */
function atShape(shape: (x: number[]) => number[], u: readonly number[]): number[] {
  return shape([...u, 0]);
}

const concaveFront = defineFront({
  method: 'analytic', defaultPoints: DEFAULT_POINTS, ideal: ORIGIN, nadir: WFG_SCALE,
  description: 'pymoo WFG9._calc_pareto_front: Das-Dennis directions on the unit sphere times S (sum (f_m / 2m)^2 = 1)',
  points: (n) => directions(n).map((w) => {
    const norm = Math.hypot(...w);
    return w.map((v, m) => (v / norm) * WFG_SCALE[m]);
  }),
});

/** Shape-parameter grid: `first` values for u_1, `rest` evenly spaced values for u_2..u_{M-1}. */
function shapeGrid(first: readonly number[], rest: number): number[][] {
  return gridProduct([first, ...filled(M - 2, 0).map(() => linspace(0, 1, rest))]);
}

const wfg1Front = defineFront({
  method: 'analytic', defaultPoints: DEFAULT_POINTS, ideal: ORIGIN, nadir: WFG_SCALE,
  description: 'convex/mixed shape image of a 41 x 10^3 grid of shape parameters, closest point to each Das-Dennis direction (pymoo\'s selection)',
  points: (n) => closestToDirections(shapeGrid(linspace(0, 1, 41), 10).map((u) => atShape(wfg1ShapeObjectives, u)), directions(n)),
});

/** Where WFG2's disconnected shape 1 - u cos^2(5 pi u) is a strict running minimum. */
const wfg2U1Intervals = lazy(() => runningMinIntervals((u) => disconnected(u, 1, 1, 5), 0, 1));

const wfg2Front = defineFront({
  method: 'analytic', defaultPoints: DEFAULT_POINTS, ideal: ORIGIN, nadir: WFG_SCALE,
  description: 'convex/disconnected shape image over u_1 in its non-dominated intervals x a 10^3 grid, closest point to each Das-Dennis direction (pymoo\'s selection)',
  points: (n) => closestToDirections(shapeGrid(sampleIntervals(wfg2U1Intervals(), 41), 10).map((u) => atShape(wfg2ShapeObjectives, u)), directions(n)),
});

const wfg3Front = defineFront({
  method: 'analytic', defaultPoints: 100, boundsPoints: 2, // the end points u = 0 and u = 1 span the bounds
  description: "image of pymoo's Pareto set: the line (u/4, u/2, 1.5u, 4u, 10(1 - u)), u = linspace(0, 1, n); the true WFG3 front also has a small non-degenerate part (README)",
  points: (n) => linspace(0, 1, n).map((u) => atShape(wfg3ShapeObjectives, [u, ...filled(M - 2, 0.5)])),
});

const FRONTS: Record<WfgName, ParetoFrontDefinition> = {
  wfg1: wfg1Front, wfg2: wfg2Front, wfg3: wfg3Front,
  wfg4: concaveFront, wfg5: concaveFront, wfg6: concaveFront, wfg7: concaveFront, wfg8: concaveFront, wfg9: concaveFront,
};

export const wfgProblems: readonly MultiObjectiveProblem[] = (Object.keys(wfgFunctions) as WfgName[]).map((name) => ({
  name: `${name}_${WFG_N_VAR}_${M}`,
  group: 'ManyO',
  source: `pymoo.problems.many.wfg.${name.toUpperCase()}(n_var=${WFG_N_VAR}, n_obj=${M})`,
  lower: filled(WFG_N_VAR, 0),
  upper: WFG_UPPER,
  nObjectives: M,
  nTrials: 147,
  evaluate: wfgFunctions[name],
  front: FRONTS[name],
}));
