/**
 * Function values at hand-picked points, each worked out by hand from pymoo's definitions
 * (the derivation is in the comment next to every expectation).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { multiObjectiveProblems } from '../../benchmarks/pymoo/index.js';

function problem(name: string) {
  const p = multiObjectiveProblems.find((q) => q.name === name);
  if (!p) throw new Error(`no problem ${name}`);
  return p;
}

function close(actual: readonly number[], expected: readonly number[], tolerance = 1e-9, label = ''): void {
  assert.equal(actual.length, expected.length, label);
  actual.forEach((v, i) => assert.ok(Math.abs(v - expected[i]) <= tolerance, `${label}[${i}]: ${v} vs ${expected[i]}`));
}

const fill = (n: number, v: number) => new Array<number>(n).fill(v);

describe('ZDT values', () => {
  it('zdt1', () => {
    close(problem('zdt1').evaluate(fill(30, 0)), [0, 1]); // g = 1, f2 = 1 - sqrt(0)
    close(problem('zdt1').evaluate([0.25, ...fill(29, 0)]), [0.25, 0.5]); // g = 1, f2 = 1 - sqrt(0.25)
    // g = 1 + 9/29 * 14.5 = 5.5, f2 = 5.5 (1 - sqrt(0.5 / 5.5))
    close(problem('zdt1').evaluate(fill(30, 0.5)), [0.5, 3.8416876048223]);
  });

  it('zdt2 and zdt3', () => {
    close(problem('zdt2').evaluate(fill(30, 0.5)), [0.5, 5.5 - 0.25 / 5.5]); // g (1 - (f1/g)^2) = g - f1^2/g
    close(problem('zdt2').evaluate([0.5, ...fill(29, 0)]), [0.5, 0.75]);
    // g = 1, sin(5 pi) = 0: f2 = 1 - sqrt(0.5)
    close(problem('zdt3').evaluate([0.5, ...fill(29, 0)]), [0.5, 1 - Math.SQRT1_2]);
    // g = 1, f1 = 0.05: f2 = 1 - sqrt(0.05) - 0.05 sin(pi / 2)
    close(problem('zdt3').evaluate([0.05, ...fill(29, 0)]), [0.05, 1 - Math.sqrt(0.05) - 0.05]);
  });

  it('zdt4', () => {
    // g = 1 + 10 * 9 + sum(0 - 10 cos 0) = 1, f2 = 1 - sqrt(0.5)
    close(problem('zdt4').evaluate([0.5, ...fill(9, 0)]), [0.5, 1 - Math.SQRT1_2]);
    // g = 91 + 9 (1 - 10 cos 4 pi) = 10, f1 = 0: f2 = g
    close(problem('zdt4').evaluate([0, ...fill(9, 1)]), [0, 10], 1e-9);
  });

  it('zdt6', () => {
    // x0 = 0: f1 = 1 - e^0 sin(0)^6 = 1; g = 1: f2 = 1 - 1
    close(problem('zdt6').evaluate(fill(10, 0)), [1, 0]);
    // x0 = 1/12: sin(pi/2) = 1, f1 = 1 - e^(-1/3)
    close(problem('zdt6').evaluate([1 / 12, ...fill(9, 0)]), [0.28346868942621073, 0.9196455021149865]);
    // x0 = 0.5: f1 = 1; g = 1 + 9 * 0.5^0.25 = 8.56806773728, f2 = g - 1/g
    close(problem('zdt6').evaluate(fill(10, 0.5)), [1, 8.451355307986384], 1e-9);
  });
});

describe('Kursawe, Omni-test, SYM-PART values', () => {
  it('kursawe', () => {
    close(problem('kursawe').evaluate([0, 0, 0]), [-20, 0]);
    // f1 = 2 * -10 e^(-0.2 sqrt 2), f2 = 3 (1 + 5 sin 1)
    close(problem('kursawe').evaluate([1, 1, 1]), [-15.072766328875296, 15.62206477211845]);
    // f1 = -10 e^(-0.2) - 10 e^(-0.2); f2 = (1 - 5 sin 1) + 0 + (1 + 5 sin 1)
    close(problem('kursawe').evaluate([-1, 0, 1]), [-16.374615061559638, 2]);
  });

  it('omnitest', () => {
    close(problem('omnitest').evaluate([0.5, 0.5]), [2, 0], 1e-12); // 2 sin(pi/2), 2 cos(pi/2)
    close(problem('omnitest').evaluate([1.25, 1.25]), [-Math.SQRT2, -Math.SQRT2], 1e-12);
    close(problem('omnitest').evaluate([3, 3]), [0, -2], 1e-12);
  });

  it('sympart', () => {
    close(problem('sympart').evaluate([0, 0]), [1, 1]); // p = (0, 0): (0 + 1)^2, (0 - 1)^2
    close(problem('sympart').evaluate([0.5, 0]), [2.25, 0.25]);
    close(problem('sympart').evaluate([10, 10]), [1, 1]); // t1 = ceil(4/12) = 1, t2 = ceil(5/10) = 1: p = (0, 0)
    // t1_hat = ceil(94/12) = 8 -> 1, t2_hat = ceil(95/10) = 10 -> 1: p = (90, 90)
    close(problem('sympart').evaluate([100, 100]), [91 ** 2 + 90 ** 2, 89 ** 2 + 90 ** 2]);
  });

  it('sympart_rotated undoes a rotation by pi/4', () => {
    const r = Math.SQRT1_2;
    close(problem('sympart_rotated').evaluate([0.5 * r, 0.5 * r]), [2.25, 0.25], 1e-12);
    close(problem('sympart_rotated').evaluate([0, 0]), [1, 1]);
    // (10, 0) rotated: the centre of the right-hand Pareto subset
    close(problem('sympart_rotated').evaluate([10 * r, 10 * r]), [1, 1], 1e-12);
  });
});

describe('DTLZ values', () => {
  it('dtlz1 (g1 = 100 (k + sum((x - .5)^2 - cos(20 pi (x - .5)))), k = 5)', () => {
    close(problem('dtlz1').evaluate(fill(7, 0.5)), [0.125, 0.125, 0.25]); // g = 0: 0.5 (x0 x1, x0 (1 - x1), 1 - x0)
    close(problem('dtlz1').evaluate([1, 1, ...fill(5, 0.5)]), [0.5, 0, 0]);
    // x_M = 0: g = 100 (5 + 5 (0.25 - 1)) = 125, 0.5 * 126 = 63
    close(problem('dtlz1').evaluate([0.5, 0.5, ...fill(5, 0)]), [15.75, 15.75, 31.5], 1e-9);
  });

  it('dtlz2 / dtlz3 / dtlz4 (k = 8)', () => {
    close(problem('dtlz2').evaluate(fill(10, 0.5)), [0.5, 0.5, Math.SQRT1_2], 1e-12);
    // x_M = 0: g = 8 * 0.25 = 2; x0 = x1 = 0: f = 3 (1, 0, 0)
    close(problem('dtlz2').evaluate(fill(10, 0)), [3, 0, 0], 1e-12);
    close(problem('dtlz3').evaluate(fill(10, 0.5)), [0.5, 0.5, Math.SQRT1_2], 1e-12); // g1 = 100 (8 - 8) = 0
    close(problem('dtlz4').evaluate(fill(10, 0.5)), [1, 0, 0], 1e-12); // 0.5^100 ~ 0
    close(problem('dtlz4').evaluate([1, 1, ...fill(8, 0.5)]), [0, 0, 1], 1e-12);
  });

  it('dtlz5 / dtlz6', () => {
    close(problem('dtlz5').evaluate(fill(10, 0.5)), [0.5, 0.5, Math.SQRT1_2], 1e-12); // g = 0, theta1 = 1/2
    // g = 2, theta1 = 1 / (2 * 3): f = 3 (cos(pi/12), sin(pi/12), 0)
    close(problem('dtlz5').evaluate(fill(10, 0)), [3 * Math.cos(Math.PI / 12), 3 * Math.sin(Math.PI / 12), 0], 1e-12);
    // g = 8 * 0.5^0.1, theta1 = 1/2
    const g = 8 * 0.5 ** 0.1;
    close(problem('dtlz6').evaluate(fill(10, 0.5)), [(1 + g) / 2, (1 + g) / 2, (1 + g) * Math.SQRT1_2], 1e-12);
  });

  it('dtlz7', () => {
    // g = 1 + 9/8 * 4 = 5.5, sin(1.5 pi) = -1: h = 3, f3 = 6.5 * 3
    close(problem('dtlz7').evaluate(fill(10, 0.5)), [0.5, 0.5, 19.5], 1e-12);
    // g = 1: f3 = 2 (3 - (1/6)/2 (1 + sin(pi/2)))
    close(problem('dtlz7').evaluate([1 / 6, ...fill(9, 0)]), [1 / 6, 0, 17 / 3], 1e-12);
  });

  it('convex, inverted and scaled variants', () => {
    close(problem('convex_dtlz2').evaluate(fill(10, 0.5)), [0.0625, 0.0625, 0.5], 1e-12); // (0.5^4, 0.5^4, 0.5)
    close(problem('convex_dtlz4').evaluate([1, 1, ...fill(8, 0.5)]), [0, 0, 1], 1e-12);
    close(problem('dtlz1_inv').evaluate(fill(7, 0.5)), [0.375, 0.375, 0.25]); // 0.5 - (0.125, 0.125, 0.25)
    close(problem('dtlz1_inv').evaluate([0.5, 0.5, ...fill(5, 0)]), [47.25, 47.25, 31.5], 1e-9); // 63 - (15.75, 15.75, 31.5)
    close(problem('sdtlz1').evaluate(fill(7, 0.5)), [0.125, 1.25, 25]); // times (1, 10, 100)
  });
});

describe('WFG values (10 variables, 5 objectives, k = 8)', () => {
  const zeros = fill(10, 0);

  it('wfg1 at x = 0', () => {
    // positions 0 -> x_i = 0; distance: shift 0 -> 1, flat bias of 1 -> 1, so x_M = 1
    // h = (0, 0, 0, 0, mixed(0) = 1): f = 1 + S h
    close(problem('wfg1_10_5').evaluate(zeros), [1, 1, 1, 1, 11], 1e-12);
  });

  it('wfg4 at x = 0', () => {
    // multi-modal shift of 0: tmp1 = 0.35 / 0.7 = 0.5, cos(0) = 1: (1 + 1 + 40 * 0.25) / 12 = 1
    // every t = 1, x = 1: h = (1, cos(pi/2), ..., cos(pi/2)) = (1, 0, 0, 0, 0)
    close(problem('wfg4_10_5').evaluate(zeros), [3, 1, 1, 1, 1], 1e-12);
  });

  // positions at their upper bound (y = 1), distance variables at 0
  const positionsUp = [...Array.from({ length: 8 }, (_, i) => 2 * (i + 1)), 0, 0];

  it('wfg2 and wfg3 with y = (1, ..., 1, 0, 0)', () => {
    // distance: linear shift of 0 -> 1, non-separable pair (1, 1) -> 2/3 = t_M; positions t_i = 1
    // wfg2: x = (1, 1, 1, 1): convex h = (1, 0, 0, 0), disconnected(1) = 1 - cos^2(5 pi) = 0
    close(problem('wfg2_10_5').evaluate(positionsUp), [8 / 3, 2 / 3, 2 / 3, 2 / 3, 2 / 3], 1e-12);
    // wfg3: A = (1, 0, 0, 0): x0 = 1, x1..3 = max(2/3, 0) (1 - 0.5) + 0.5 = 5/6
    // linear h = (x0 x1 x2 x3, x0 x1 x2 (1 - x3), x0 x1 (1 - x2), x0 (1 - x1), 1 - x0)
    const s = 5 / 6;
    close(problem('wfg3_10_5').evaluate(positionsUp),
      [2 / 3 + 2 * s ** 3, 2 / 3 + 4 * s * s * (1 - s), 2 / 3 + 6 * s * (1 - s), 2 / 3 + 8 * (1 - s), 2 / 3], 1e-12);
  });

  it('wfg5 at x = 0', () => {
    // the deceptive shift maps 0 to C = 0.05: 1 + (0.35 - 0.001)(-(0.95 + 349) / 0.349 + 1000) = 0.05
    // every t = 0.05, post keeps it: f_m = 0.05 + S_m concave_m(0.05, 0.05, 0.05, 0.05)
    const sin = Math.sin(0.025 * Math.PI), cos = Math.cos(0.025 * Math.PI);
    close(problem('wfg5_10_5').evaluate(zeros),
      [0.05 + 2 * sin ** 4, 0.05 + 4 * sin ** 3 * cos, 0.05 + 6 * sin ** 2 * cos, 0.05 + 8 * sin * cos, 0.05 + 10 * cos], 1e-9);
  });

  it('wfg7 with every y = 0.35 (a Pareto-optimal point)', () => {
    // each position is raised to B + (C - B)(A - 0.3 A) with A = 0.98/49.98: 0.02 + 0.7 * 0.98 = 0.706
    const u = 0.35 ** 0.706;
    const sin = Math.sin((u * Math.PI) / 2), cos = Math.cos((u * Math.PI) / 2);
    const x = Array.from({ length: 10 }, (_, i) => 0.35 * 2 * (i + 1));
    close(problem('wfg7_10_5').evaluate(x), [2 * sin ** 4, 4 * sin ** 3 * cos, 6 * sin ** 2 * cos, 8 * sin * cos, 10 * cos], 1e-9);
  });

  it('wfg6 at x = 0', () => {
    // distance: linear shift of 0 -> 1; non-separable reduction of (1, 1) with A = 2: 2 / 3
    // positions 0 -> x_i = max(2/3, 1) (0 - 0.5) + 0.5 = 0: h = (0, 0, 0, 0, cos 0 = 1)
    close(problem('wfg6_10_5').evaluate(zeros), [2 / 3, 2 / 3, 2 / 3, 2 / 3, 2 / 3 + 10], 1e-12);
  });
});
