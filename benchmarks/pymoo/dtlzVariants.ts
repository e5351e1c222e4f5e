/**
 * pymoo's DTLZ variants (pymoo/problems/many/dtlz.py): ConvexDTLZ2/4 (objectives
 * raised to the powers 4, ..., 4, 2), InvertedDTLZ1 (0.5 (1 + g) - f) and ScaledDTLZ1 (objective i
 * times 10^i). 3 objectives, pymoo's default variable counts.
 */
import { dtlz1Objectives, dtlz2Objectives, dtlz4Objectives, dtlzG1, onUnitSphere, referenceDirections, SIMPLEX_FRONT, SPHERE_FRONT } from './dtlz.js';
import { defineFront, filled, type MultiObjectiveProblem } from './moProblem.js';

const M = 3;

/** ConvexProblem.get_power: 4 for every objective but the last, which gets 2. */
const CONVEX_POWER = [...filled(M - 1, 4), 2];

/** ScaledProblem.get_scale with scale_factor 10: 1, 10, 100. */
const SCALE = Array.from({ length: M }, (_, i) => 10 ** i);

function convex(f: number[]): number[] {
  return f.map((v, i) => v ** CONVEX_POWER[i]);
}

function convexFront() {
  return defineFront({
    method: 'analytic', defaultPoints: 136, ideal: filled(M, 0), nadir: filled(M, 1),
    description: `${SPHERE_FRONT}, raised to the powers (4, 4, 2): sqrt f1 + sqrt f2 + f3 = 1`,
    points: (n) => onUnitSphere(referenceDirections(n)).map(convex),
  });
}

function variant(name: string, source: string, nVar: number, nTrials: number): Pick<MultiObjectiveProblem, 'name' | 'group' | 'source' | 'lower' | 'upper' | 'nObjectives' | 'nTrials'> {
  return { name, group: 'ManyO', source: `pymoo.problems.many.${source}`, lower: filled(nVar, 0), upper: filled(nVar, 1), nObjectives: M, nTrials };
}

export const dtlzVariantProblems: readonly MultiObjectiveProblem[] = [
  {
    ...variant('convex_dtlz2', 'dtlz.ConvexDTLZ2', 10, 147),
    evaluate: (x) => convex(dtlz2Objectives(x)),
    front: convexFront(),
  },
  {
    ...variant('convex_dtlz4', 'dtlz.ConvexDTLZ4', 10, 147),
    evaluate: (x) => convex(dtlz4Objectives(x)),
    front: convexFront(),
  },
  {
    // pymoo's InvertedDTLZ1._calc_pareto_front is broken (it refers to a missing attribute);
    // at g = 0 the objectives are 0.5 - (DTLZ1's simplex), so the front is 0.5 (1 - w).
    ...variant('dtlz1_inv', 'dtlz.InvertedDTLZ1', 7, 126),
    evaluate(x) {
      const g = dtlzG1(x);
      return dtlz1Objectives(x).map((v) => 0.5 * (1 + g) - v);
    },
    front: defineFront({
      method: 'analytic', defaultPoints: 136, ideal: filled(M, 0), nadir: filled(M, 0.5),
      description: 'the inverted simplex 0.5 (1 - w), w Das-Dennis directions (sum f = 1); pymoo has no working front',
      points: (n) => referenceDirections(n).map((w) => w.map((v) => 0.5 * (1 - v))),
    }),
  },
  {
    ...variant('sdtlz1', 'dtlz.ScaledDTLZ1', 7, 126),
    evaluate: (x) => dtlz1Objectives(x).map((v, i) => v * SCALE[i]),
    front: defineFront({
      method: 'analytic', defaultPoints: 136, ideal: filled(M, 0), nadir: SCALE.map((s) => 0.5 * s),
      description: `${SIMPLEX_FRONT}, objective i scaled by 10^i`,
      points: (n) => referenceDirections(n).map((w) => w.map((v, i) => 0.5 * v * SCALE[i])),
    }),
  },
];
