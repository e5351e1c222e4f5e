/**
 * Kursawe, Omni-test, SYM-PART and SYM-PART rotated as pymoo defines them
 * (pymoo/problems/multi/{kursawe,omnitest,sympart}.py), with their Pareto fronts.
 */
import { goldenMin, linspace, thinByArcLength, type Point } from './frontTools.js';
import { defineFront, filled, type MultiObjectiveProblem } from './moProblem.js';

// ---------------------------------------------------------------- Kursawe

/** The per-coordinate term of Kursawe's second objective. */
function kursaweH(x: number): number {
  return Math.abs(x) ** 0.8 + 5 * Math.sin(x ** 3);
}

function kursaweE(a: number, b: number): number {
  return -10 * Math.exp(-0.2 * Math.sqrt(a * a + b * b));
}

function kursawe(x: ArrayLike<number>): number[] {
  return [kursaweE(x[0], x[1]) + kursaweE(x[1], x[2]), kursaweH(x[0]) + kursaweH(x[1]) + kursaweH(x[2])];
}

/**
 * Coordinate values that can appear in a Pareto-optimal x. The first objective grows with every
 * |x_i| and the second is a sum of kursaweH(x_i), so a coordinate value v is useless when some u
 * has |u| <= |v| and kursaweH(u) <= kursaweH(v). What is left (on a 1e-4 grid) is returned.
 */
function kursaweCoordinateCandidates(): number[] {
  const grid = linspace(-5, 5, 100_001);
  grid.sort((a, b) => Math.abs(a) - Math.abs(b) || kursaweH(a) - kursaweH(b));
  const out: number[] = [];
  let best = Infinity;
  for (const v of grid) {
    const h = kursaweH(v);
    if (h < best) {
      best = h;
      out.push(v);
    }
  }
  return out;
}

let kursaweDense: Point[] | undefined;

/**
 * Non-dominated set of Kursawe over the cube of ~100 candidate coordinate values (about 10^6
 * points, on typed arrays: sort by f1, keep the strictly falling f2). Computed once, ~0.4 s.
 */
function kursaweDenseFront(): Point[] {
  if (kursaweDense) return kursaweDense;
  const all = kursaweCoordinateCandidates();
  const step = Math.max(1, Math.floor(all.length / 100));
  const values = all.filter((_, i) => i % step === 0 || i === all.length - 1);
  const n = values.length;
  const h = values.map(kursaweH);
  const e = values.map((a) => values.map((b) => kursaweE(a, b)));
  const f1 = new Float64Array(n * n * n);
  const f2 = new Float64Array(n * n * n);
  let p = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      for (let k = 0; k < n; k++, p++) {
        f1[p] = e[i][j] + e[j][k];
        f2[p] = h[i] + h[j] + h[k];
      }
    }
  }
  const order = new Uint32Array(f1.length).map((_, i) => i);
  order.sort((a, b) => f1[a] - f1[b] || f2[a] - f2[b]);
  const front: Point[] = [];
  let best = Infinity;
  for (const i of order) {
    if (f2[i] < best) {
      best = f2[i];
      front.push([f1[i], f2[i]]);
    }
  }
  kursaweDense = front;
  return front;
}

/** Minimizer of kursaweH on [-5, 5] (near x^3 = -pi/2). */
const hMin = goldenMin(kursaweH, -1.4, -0.9);

const kursaweProblem: MultiObjectiveProblem = {
  name: 'kursawe', group: 'MO', source: 'pymoo.problems.multi.kursawe.Kursawe',
  lower: filled(3, -5), upper: filled(3, 5), nObjectives: 2, nTrials: 90,
  evaluate: kursawe,
  front: defineFront({
    method: 'generated', defaultPoints: 500,
    // Extremes: x = 0 gives (-20, 0); x = (c, c, c), c = argmin kursaweH, gives the least f2.
    ideal: [-20, 3 * kursaweH(hMin)],
    nadir: [kursawe([hMin, hMin, hMin])[0], 0],
    description: 'non-dominated set of a dense grid over the per-coordinate candidates (pymoo ships a data file instead), thinned by arc length',
    points: (n) => thinByArcLength(kursaweDenseFront(), n),
  }),
};

// ---------------------------------------------------------------- Omni-test

const omnitest: MultiObjectiveProblem = {
  name: 'omnitest', group: 'MO', source: 'pymoo.problems.multi.omnitest.OmniTest',
  lower: filled(2, 0), upper: filled(2, 6), nObjectives: 2, nTrials: 77,
  evaluate(x) {
    let f1 = 0, f2 = 0;
    for (let i = 0; i < x.length; i++) {
      f1 += Math.sin(Math.PI * x[i]);
      f2 += Math.cos(Math.PI * x[i]);
    }
    return [f1, f2];
  },
  front: defineFront({
    method: 'analytic', defaultPoints: 100, ideal: [-2, -2], nadir: [0, 0],
    // pymoo's 3^2 Pareto subsets all map onto the same quarter circle; one subset is enough.
    description: "pymoo's Pareto set x0 = x1 = linspace(1, 1.5, n) evaluated: the quarter circle f1^2 + f2^2 = 4, f <= 0",
    points: (n) => linspace(1, 1.5, n).map((t) => omnitest.evaluate([t, t])),
  }),
};

// ---------------------------------------------------------------- SYM-PART

const SYMPART_A = 1, SYMPART_B = 10, SYMPART_C = 10;

function sympartObjectives(x1: number, x2: number): number[] {
  const a = SYMPART_A, b = SYMPART_B, c = SYMPART_C;
  const t1Hat = Math.sign(x1) * Math.ceil((Math.abs(x1) - a - c / 2) / (2 * a + c));
  const t2Hat = Math.sign(x2) * Math.ceil((Math.abs(x2) - b / 2) / b);
  const t1 = Math.sign(t1Hat) * Math.min(Math.abs(t1Hat), 1);
  const t2 = Math.sign(t2Hat) * Math.min(Math.abs(t2Hat), 1);
  const p1 = x1 - t1 * c;
  const p2 = x2 - t2 * b;
  return [(p1 + a) ** 2 + p2 ** 2, (p1 - a) ** 2 + p2 ** 2];
}

const ANGLE = Math.PI / 4;

function sympartFront(rotate: boolean) {
  return defineFront({
    method: 'analytic', defaultPoints: 100, ideal: [0, 0], nadir: [4, 4],
    // The 9 equivalent Pareto subsets map onto one curve; the centre subset is evaluated.
    description: "pymoo's centre Pareto subset x1 = linspace(-1, 1, n), x2 = 0 (rotated by pi/4 for sympart_rotated) evaluated: sqrt(f1) + sqrt(f2) = 2",
    points: (n: number) => linspace(-SYMPART_A, SYMPART_A, n).map((u) =>
      rotate
        ? sympartRotated.evaluate([Math.cos(ANGLE) * u, Math.sin(ANGLE) * u])
        : sympart.evaluate([u, 0])),
  });
}

const sympart: MultiObjectiveProblem = {
  name: 'sympart', group: 'MO', source: 'pymoo.problems.multi.sympart.SYMPART',
  lower: filled(2, -100), upper: filled(2, 100), nObjectives: 2, nTrials: 77,
  evaluate: (x) => sympartObjectives(x[0], x[1]),
  front: sympartFront(false),
};

const sympartRotated: MultiObjectiveProblem = {
  name: 'sympart_rotated', group: 'MO', source: 'pymoo.problems.multi.sympart.SYMPARTRotated',
  lower: filled(2, -100), upper: filled(2, 100), nObjectives: 2, nTrials: 77,
  evaluate(x) {
    // Rotate back by the inverse rotation matrix [[cos w, sin w], [-sin w, cos w]].
    const cos = Math.cos(ANGLE), sin = Math.sin(ANGLE);
    return sympartObjectives(cos * x[0] + sin * x[1], -sin * x[0] + cos * x[1]);
  },
  front: sympartFront(true),
};

export const miscProblems: readonly MultiObjectiveProblem[] = [kursaweProblem, omnitest, sympart, sympartRotated];
