/**
 * DTLZ1-7 as pymoo defines them (pymoo/problems/many/dtlz.py) with pymoo's defaults: 3 objectives,
 * 7 variables for DTLZ1 and 10 for the others, alpha = 100 for DTLZ4. Fronts: pymoo's Das-Dennis
 * construction where it has one, the closed forms of the degenerate DTLZ5/6 curve and the
 * disconnected DTLZ7 surface otherwise (pymoo loads those two from data files for 3 objectives).
 */
import { dasDennis, gridProduct, lazy, linspace, partitionsFor, runningMinIntervals, sampleIntervals } from './frontTools.js';
import { defineFront, filled, type MultiObjectiveProblem, type ParetoFrontDefinition } from './moProblem.js';

const M = 3;
const HALF_PI = Math.PI / 2;

/** pymoo's DTLZ.g1 (multi-modal) on the distance variables x[M-1:]. */
export function dtlzG1(x: ArrayLike<number>): number {
  const k = x.length - M + 1;
  let s = 0;
  for (let i = M - 1; i < x.length; i++) s += (x[i] - 0.5) ** 2 - Math.cos(20 * Math.PI * (x[i] - 0.5));
  return 100 * (k + s);
}

/** pymoo's DTLZ.g2 (sphere) on the distance variables. */
function dtlzG2(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = M - 1; i < x.length; i++) s += (x[i] - 0.5) ** 2;
  return s;
}

/** pymoo's DTLZ.obj_func: the spherical mapping of the position variables (alpha: DTLZ4's bias). */
function sphericalObjectives(position: ArrayLike<number>, g: number, alpha = 1): number[] {
  const f: number[] = [];
  for (let i = 0; i < M; i++) {
    let v = 1 + g;
    for (let j = 0; j < M - 1 - i; j++) v *= Math.cos(position[j] ** alpha * HALF_PI);
    if (i > 0) v *= Math.sin(position[M - 1 - i] ** alpha * HALF_PI);
    f.push(v);
  }
  return f;
}

/** DTLZ1's linear mapping: 0.5 (1 + g) times products of x and (1 - x). */
function linearObjectives(position: ArrayLike<number>, g: number): number[] {
  const f: number[] = [];
  for (let i = 0; i < M; i++) {
    let v = 0.5 * (1 + g);
    for (let j = 0; j < M - 1 - i; j++) v *= position[j];
    if (i > 0) v *= 1 - position[M - 1 - i];
    f.push(v);
  }
  return f;
}

/** Das-Dennis directions for about n points (pymoo's default for 3 objectives is 15 partitions: 136 points). */
export function referenceDirections(n: number, dim = M): number[][] {
  return dasDennis(partitionsFor(n, dim), dim);
}

/** pymoo's generic_sphere: directions scaled to unit length. */
export function onUnitSphere(directions: readonly number[][]): number[][] {
  return directions.map((w) => {
    const norm = Math.hypot(...w);
    return w.map((v) => v / norm);
  });
}

export const SIMPLEX_FRONT = 'pymoo: 0.5 * Das-Dennis reference directions (sum f = 0.5)';
export const SPHERE_FRONT = 'pymoo generic_sphere: Das-Dennis directions scaled to the unit sphere (sum f^2 = 1)';

function sphereFront(): ParetoFrontDefinition {
  return defineFront({
    method: 'analytic', defaultPoints: 136, ideal: filled(M, 0), nadir: filled(M, 1),
    description: SPHERE_FRONT,
    points: (n) => onUnitSphere(referenceDirections(n)),
  });
}

function dtlz(name: string, nVar: number, nTrials: number, evaluate: (x: ArrayLike<number>) => number[], front: ParetoFrontDefinition): MultiObjectiveProblem {
  return {
    name, group: 'ManyO', source: `pymoo.problems.many.dtlz.${name.toUpperCase()}`,
    lower: filled(nVar, 0), upper: filled(nVar, 1), nObjectives: M, nTrials, evaluate, front,
  };
}

export function dtlz1Objectives(x: ArrayLike<number>): number[] {
  return linearObjectives(x, dtlzG1(x));
}

export function dtlz2Objectives(x: ArrayLike<number>): number[] {
  return sphericalObjectives(x, dtlzG2(x));
}

export function dtlz4Objectives(x: ArrayLike<number>): number[] {
  return sphericalObjectives(x, dtlzG2(x), 100);
}

/** DTLZ5/6: theta_0 = x_0, theta_i = (1 + 2 g x_i) / (2 (1 + g)). */
function degenerateObjectives(x: ArrayLike<number>, g: number): number[] {
  const theta = [x[0]];
  for (let i = 1; i < M - 1; i++) theta.push((1 + 2 * g * x[i]) / (2 * (1 + g)));
  return sphericalObjectives(theta, g);
}

const SQRT_HALF = Math.SQRT1_2;

function degenerateFront(): ParetoFrontDefinition {
  return defineFront({
    method: 'analytic', defaultPoints: 100, ideal: filled(M, 0), nadir: [SQRT_HALF, SQRT_HALF, 1],
    description: 'the curve (cos t / sqrt 2, cos t / sqrt 2, sin t), t = linspace(0, pi/2, n) (pymoo ships a data file)',
    points: (n) => linspace(0, HALF_PI, n).map((t) => [Math.cos(t) * SQRT_HALF, Math.cos(t) * SQRT_HALF, Math.sin(t)]),
  });
}

// ---------------------------------------------------------------- DTLZ7's front

/** phi(t) = t (1 + sin(3 pi t)); on DTLZ7's front f_M = 2 M - sum phi(f_i). */
function dtlz7Phi(t: number): number {
  return t * (1 + Math.sin(3 * Math.PI * t));
}

/**
 * The values f_i (i < M) can take on DTLZ7's front: where phi is a strict running maximum, i.e.
 * [0, a] and [b, c] (a ~ 0.2514, b ~ 0.6316, c ~ 0.8594). The front is this set to the power
 * M - 1, since f_M = 2M - sum phi(f_i) is separable.
 */
const dtlz7Intervals = lazy(() => runningMinIntervals((t) => -dtlz7Phi(t), 0, 1));

const dtlz7Front = defineFront({
  // The grid holds the interval ends, so its bounds are exact: ideal (0, 0, 6 - 2 phi(c)), nadir (c, c, 6).
  method: 'analytic', defaultPoints: 400,
  description: 'grid over the 4 disconnected patches: f1, f2 in [0, 0.2514] u [0.6316, 0.8594], f3 = 6 - sum f_i (1 + sin 3 pi f_i) (pymoo ships a data file)',
  points: (n) => gridProduct(filled(M - 1, 0).map(() => sampleIntervals(dtlz7Intervals(), Math.ceil(Math.sqrt(n)))))
    .map((f) => [...f, 2 * M - f.reduce((s, v) => s + dtlz7Phi(v), 0)]),
});

function dtlz7Objectives(x: ArrayLike<number>): number[] {
  const k = x.length - M + 1;
  let s = 0;
  for (let i = x.length - k; i < x.length; i++) s += x[i];
  const g = 1 + (9 / k) * s;
  const f: number[] = [];
  let h = M;
  for (let i = 0; i < M - 1; i++) {
    f.push(x[i]);
    h -= (x[i] / (1 + g)) * (1 + Math.sin(3 * Math.PI * x[i]));
  }
  f.push((1 + g) * h);
  return f;
}

export const dtlzProblems: readonly MultiObjectiveProblem[] = [
  dtlz('dtlz1', 7, 126, dtlz1Objectives, defineFront({
    method: 'analytic', defaultPoints: 136, ideal: filled(M, 0), nadir: filled(M, 0.5),
    description: SIMPLEX_FRONT,
    points: (n) => referenceDirections(n).map((w) => w.map((v) => 0.5 * v)),
  })),
  dtlz('dtlz2', 10, 147, dtlz2Objectives, sphereFront()),
  dtlz('dtlz3', 10, 147, (x) => sphericalObjectives(x, dtlzG1(x)), sphereFront()),
  dtlz('dtlz4', 10, 147, dtlz4Objectives, sphereFront()),
  dtlz('dtlz5', 10, 147, (x) => degenerateObjectives(x, dtlzG2(x)), degenerateFront()),
  dtlz('dtlz6', 10, 147, (x) => {
    let g = 0;
    for (let i = M - 1; i < x.length; i++) g += x[i] ** 0.1;
    return degenerateObjectives(x, g);
  }, degenerateFront()),
  dtlz('dtlz7', 10, 147, dtlz7Objectives, dtlz7Front),
];
