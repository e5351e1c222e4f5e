/**
 * ZDT1-4 and ZDT6 as pymoo defines them (pymoo/problems/multi/zdt.py), with pymoo's default
 * sizes (30 variables for ZDT1-3, 10 for ZDT4 and ZDT6) and its analytic Pareto fronts.
 */
import { linspace } from './frontTools.js';
import { defineFront, filled, type MultiObjectiveProblem, type ParetoFrontDefinition } from './moProblem.js';

function sumFrom1(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 1; i < x.length; i++) s += x[i];
  return s;
}

/** g of ZDT1-3: 1 + 9 / (n - 1) * sum(x[1:]). */
function gLinear(x: ArrayLike<number>): number {
  return 1 + (9 / (x.length - 1)) * sumFrom1(x);
}

/** The convex front f2 = 1 - sqrt(f1), f1 in [0, 1] (ZDT1, ZDT4). */
function convexFront(): ParetoFrontDefinition {
  return defineFront({
    method: 'analytic', defaultPoints: 100, ideal: [0, 0], nadir: [1, 1],
    description: 'f2 = 1 - sqrt(f1), f1 = linspace(0, 1, n) (pymoo _calc_pareto_front)',
    points: (n) => linspace(0, 1, n).map((f1) => [f1, 1 - Math.sqrt(f1)]),
  });
}

const zdt1: MultiObjectiveProblem = {
  name: 'zdt1', group: 'MO', source: 'pymoo.problems.multi.zdt.ZDT1',
  lower: filled(30, 0), upper: filled(30, 1), nObjectives: 2, nTrials: 240,
  evaluate(x) {
    const f1 = x[0];
    const g = gLinear(x);
    return [f1, g * (1 - Math.sqrt(f1 / g))];
  },
  front: convexFront(),
};

const zdt2: MultiObjectiveProblem = {
  name: 'zdt2', group: 'MO', source: 'pymoo.problems.multi.zdt.ZDT2',
  lower: filled(30, 0), upper: filled(30, 1), nObjectives: 2, nTrials: 240,
  evaluate(x) {
    const f1 = x[0];
    const g = gLinear(x);
    return [f1, g * (1 - (f1 / g) ** 2)];
  },
  front: defineFront({
    method: 'analytic', defaultPoints: 100, ideal: [0, 0], nadir: [1, 1],
    description: 'f2 = 1 - f1^2, f1 = linspace(0, 1, n) (pymoo _calc_pareto_front)',
    points: (n) => linspace(0, 1, n).map((f1) => [f1, 1 - f1 * f1]),
  }),
};

/** The five f1 intervals of ZDT3's disconnected front, as pymoo hard-codes them. */
const ZDT3_REGIONS: readonly (readonly [number, number])[] = [
  [0, 0.0830015349],
  [0.182228780, 0.2577623634],
  [0.4093136748, 0.4538821041],
  [0.6183967944, 0.6525117038],
  [0.8233317983, 0.8518328654],
];

function zdt3FrontValue(f1: number): number {
  return 1 - Math.sqrt(f1) - f1 * Math.sin(10 * Math.PI * f1);
}

const zdt3: MultiObjectiveProblem = {
  name: 'zdt3', group: 'MO', source: 'pymoo.problems.multi.zdt.ZDT3',
  lower: filled(30, 0), upper: filled(30, 1), nObjectives: 2, nTrials: 240,
  evaluate(x) {
    const f1 = x[0];
    const g = gLinear(x);
    const r = f1 / g;
    return [f1, g * (1 - Math.sqrt(r) - r * Math.sin(10 * Math.PI * f1))];
  },
  front: defineFront({
    method: 'analytic', defaultPoints: 100, boundsPoints: 100_000,
    description: "f2 = 1 - sqrt(f1) - f1 sin(10 pi f1) on pymoo's five f1 intervals, n/5 points each",
    points: (n) => ZDT3_REGIONS.flatMap(([a, b]) =>
      linspace(a, b, Math.max(2, Math.floor(n / ZDT3_REGIONS.length))).map((f1) => [f1, zdt3FrontValue(f1)])),
  }),
};

const zdt4: MultiObjectiveProblem = {
  name: 'zdt4', group: 'MO', source: 'pymoo.problems.multi.zdt.ZDT4',
  lower: [0, ...filled(9, -5)], upper: [1, ...filled(9, 5)], nObjectives: 2, nTrials: 147,
  evaluate(x) {
    const f1 = x[0];
    let g = 1 + 10 * (x.length - 1);
    for (let i = 1; i < x.length; i++) g += x[i] * x[i] - 10 * Math.cos(4 * Math.PI * x[i]);
    return [f1, g * (1 - Math.sqrt(f1 / g))];
  },
  front: convexFront(),
};

/** Smallest f1 on ZDT6's front (pymoo's constant). */
const ZDT6_F1_MIN = 0.2807753191;

const zdt6: MultiObjectiveProblem = {
  name: 'zdt6', group: 'MO', source: 'pymoo.problems.multi.zdt.ZDT6',
  lower: filled(10, 0), upper: filled(10, 1), nObjectives: 2, nTrials: 147,
  evaluate(x) {
    const f1 = 1 - Math.exp(-4 * x[0]) * Math.sin(6 * Math.PI * x[0]) ** 6;
    const g = 1 + 9 * (sumFrom1(x) / (x.length - 1)) ** 0.25;
    return [f1, g * (1 - (f1 / g) ** 2)];
  },
  front: defineFront({
    method: 'analytic', defaultPoints: 100, ideal: [ZDT6_F1_MIN, 0], nadir: [1, 1 - ZDT6_F1_MIN ** 2],
    description: 'f2 = 1 - f1^2, f1 = linspace(0.2807753191, 1, n) (pymoo _calc_pareto_front)',
    points: (n) => linspace(ZDT6_F1_MIN, 1, n).map((f1) => [f1, 1 - f1 * f1]),
  }),
};

export const zdtProblems: readonly MultiObjectiveProblem[] = [zdt1, zdt2, zdt3, zdt4, zdt6];
