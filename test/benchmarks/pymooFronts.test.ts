/**
 * Pareto fronts: shape equations of the known fronts, pymoo's Pareto sets evaluating onto them,
 * bounds, mutual non-dominance, sizes and bad input.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Rng, SpecError, UnknownNameError } from '../../core/index.js';
import { frontBounds, multiObjectiveProblems, multiObjectiveTaskId, paretoFront } from '../../benchmarks/pymoo/index.js';

const id = (name: string) => {
  const p = multiObjectiveProblems.find((q) => q.name === name);
  if (!p) throw new Error(`no problem ${name}`);
  return multiObjectiveTaskId(p);
};
const problem = (name: string) => multiObjectiveProblems.find((q) => q.name === name)!;
const fill = (n: number, v: number) => new Array<number>(n).fill(v);
const sum = (v: readonly number[]) => v.reduce((s, x) => s + x, 0);

function near(actual: number, expected: number, tolerance: number, label: string): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${label}: ${actual} vs ${expected}`);
}

/** By how much a beats b in its least-better objective (positive: a dominates b with that margin). */
function dominanceMargin(a: readonly number[], b: readonly number[]): number {
  let margin = Infinity;
  for (let j = 0; j < a.length; j++) margin = Math.min(margin, b[j] - a[j]);
  return margin;
}

/** a is no worse than b anywhere (up to tolerance) and better than b somewhere by more than it. */
function clearlyDominates(a: readonly number[], b: readonly number[], tolerance: number): boolean {
  let better = false;
  for (let j = 0; j < a.length; j++) {
    if (a[j] > b[j] + tolerance) return false;
    if (a[j] < b[j] - tolerance) better = true;
  }
  return better;
}

/** Checks `equation(f) = 0` on every front point. */
function onShape(name: string, equation: (f: number[]) => number, tolerance = 1e-9): void {
  const front = paretoFront(id(name));
  assert.ok(front.length > 10, name);
  front.forEach((f, i) => near(equation(f), 0, tolerance, `${name} point ${i} ${JSON.stringify(f)}`));
}

describe('front shape equations', () => {
  it('ZDT', () => {
    onShape('zdt1', (f) => f[1] - (1 - Math.sqrt(f[0])));
    onShape('zdt4', (f) => f[1] - (1 - Math.sqrt(f[0])));
    onShape('zdt2', (f) => f[1] - (1 - f[0] ** 2));
    onShape('zdt3', (f) => f[1] - (1 - Math.sqrt(f[0]) - f[0] * Math.sin(10 * Math.PI * f[0])));
    onShape('zdt6', (f) => f[1] - (1 - f[0] ** 2));
    assert.ok(paretoFront(id('zdt6')).every((f) => f[0] >= 0.2807753191));
  });

  it('Omni-test: quarter circle of radius 2; SYM-PART: sqrt f1 + sqrt f2 = 2', () => {
    onShape('omnitest', (f) => f[0] ** 2 + f[1] ** 2 - 4);
    assert.ok(paretoFront(id('omnitest')).every((f) => f[0] <= 1e-12 && f[1] <= 1e-12));
    onShape('sympart', (f) => Math.sqrt(f[0]) + Math.sqrt(f[1]) - 2);
    onShape('sympart_rotated', (f) => Math.sqrt(f[0]) + Math.sqrt(f[1]) - 2, 1e-7);
  });

  it('DTLZ1 family: simplices', () => {
    onShape('dtlz1', (f) => sum(f) - 0.5);
    onShape('sdtlz1', (f) => f[0] + f[1] / 10 + f[2] / 100 - 0.5);
    onShape('dtlz1_inv', (f) => sum(f) - 1);
    assert.ok(paretoFront(id('dtlz1_inv')).every((f) => f.every((v) => v >= 0 && v <= 0.5)));
  });

  it('DTLZ2-4: unit sphere; convex variants: sqrt f1 + sqrt f2 + f3 = 1', () => {
    for (const name of ['dtlz2', 'dtlz3', 'dtlz4']) onShape(name, (f) => sum(f.map((v) => v * v)) - 1);
    for (const name of ['convex_dtlz2', 'convex_dtlz4']) onShape(name, (f) => Math.sqrt(f[0]) + Math.sqrt(f[1]) + f[2] - 1);
  });

  it('DTLZ5/6: the degenerate curve f1 = f2 on the unit sphere', () => {
    for (const name of ['dtlz5', 'dtlz6']) {
      onShape(name, (f) => f[0] - f[1]);
      onShape(name, (f) => sum(f.map((v) => v * v)) - 1);
    }
  });

  it('DTLZ7: f3 = 6 - sum f_i (1 + sin 3 pi f_i) on [0, 0.2514] u [0.6316, 0.8594]', () => {
    onShape('dtlz7', (f) => f[2] - (6 - f[0] * (1 + Math.sin(3 * Math.PI * f[0])) - f[1] * (1 + Math.sin(3 * Math.PI * f[1]))));
    const inside = (v: number) => (v >= 0 && v <= 0.25142) || (v >= 0.63162 && v <= 0.85941);
    assert.ok(paretoFront(id('dtlz7')).every((f) => inside(f[0]) && inside(f[1])));
  });

  it('WFG4-9: sum (f_m / 2m)^2 = 1; WFG3: the line (u/4, u/2, 1.5u, 4u, 10(1 - u))', () => {
    for (let k = 4; k <= 9; k++) onShape(`wfg${k}_10_5`, (f) => sum(f.map((v, m) => (v / (2 * (m + 1))) ** 2)) - 1);
    onShape('wfg3_10_5', (f) => {
      const u = 4 * f[0];
      return Math.abs(f[1] - u / 2) + Math.abs(f[2] - 1.5 * u) + Math.abs(f[3] - 4 * u) + Math.abs(f[4] - 10 * (1 - u));
    });
  });
});

/** pymoo's WFG._positional_to_optimal for WFG1-7: distance variables at 0.35 of their range. */
function wfgOptimal(positions: number[]): number[] {
  return [...positions, 0.35, 0.35].map((v, i) => v * 2 * (i + 1));
}

/** pymoo's WFG8._positional_to_optimal. */
function wfg8Optimal(positions: number[]): number[] {
  const y = [...positions];
  for (let i = 8; i < 10; i++) {
    const u = sum(y) / y.length;
    const tmp1 = Math.abs(Math.floor(0.5 - u) + 0.98 / 49.98);
    const tmp2 = 0.02 + 49.98 * (0.98 / 49.98 - (1 - 2 * u) * tmp1);
    y.push(0.35 ** (1 / tmp2));
  }
  return y.map((v, i) => v * 2 * (i + 1));
}

/** pymoo's WFG9._positional_to_optimal. */
function wfg9Optimal(positions: number[]): number[] {
  const y = [...positions, 0, 0.35];
  y[8] = 0.35 ** (1 / (0.02 + 1.96 * y[9]));
  return y.map((v, i) => v * 2 * (i + 1));
}

describe("pymoo's Pareto sets evaluate onto the fronts", () => {
  const rng = new Rng(11);

  it('ZDT and DTLZ', () => {
    for (let s = 0; s < 20; s++) {
      const u = rng.random();
      near(problem('zdt1').evaluate([u, ...fill(29, 0)])[1], 1 - Math.sqrt(u), 1e-12, 'zdt1');
      near(problem('zdt4').evaluate([u, ...fill(9, 0)])[1], 1 - Math.sqrt(u), 1e-12, 'zdt4');
      const a = rng.random(), b = rng.random();
      near(sum(problem('dtlz1').evaluate([a, b, ...fill(5, 0.5)])), 0.5, 1e-12, 'dtlz1');
      for (const name of ['dtlz2', 'dtlz3', 'dtlz4']) {
        near(sum(problem(name).evaluate([a, b, ...fill(8, 0.5)]).map((v) => v * v)), 1, 1e-12, name);
      }
      const f5 = problem('dtlz5').evaluate([a, b, ...fill(8, 0.5)]);
      near(f5[0], f5[1], 1e-12, 'dtlz5');
      const f6 = problem('dtlz6').evaluate([a, b, ...fill(8, 0)]);
      near(sum(f6.map((v) => v * v)), 1, 1e-12, 'dtlz6');
    }
  });

  it('WFG: the concave ones land on the ellipsoid, WFG1-3 on their closed forms', () => {
    for (let s = 0; s < 20; s++) {
      const positions = Array.from({ length: 8 }, () => rng.random());
      for (const k of [4, 5, 6, 7]) {
        const f = problem(`wfg${k}_10_5`).evaluate(wfgOptimal(positions));
        near(sum(f.map((v, m) => (v / (2 * (m + 1))) ** 2)), 1, 1e-9, `wfg${k}`);
      }
      const f8 = problem('wfg8_10_5').evaluate(wfg8Optimal(positions));
      near(sum(f8.map((v, m) => (v / (2 * (m + 1))) ** 2)), 1, 1e-9, 'wfg8');
      const f9 = problem('wfg9_10_5').evaluate(wfg9Optimal(positions));
      near(sum(f9.map((v, m) => (v / (2 * (m + 1))) ** 2)), 1, 1e-9, 'wfg9');
      // WFG3: t_1 = mean of the first position group, the other shape parameters are 0.5
      const u = (positions[0] + positions[1]) / 2;
      const f3 = problem('wfg3_10_5').evaluate(wfgOptimal(positions));
      [u / 4, u / 2, 1.5 * u, 4 * u, 10 * (1 - u)].forEach((v, m) => near(f3[m], v, 1e-9, `wfg3[${m}]`));
    }
  });

  it('WFG1 and WFG2 with every position equal to v', () => {
    const c = 1 - Math.SQRT1_2; // 1 - cos(pi/4) = 1 - sin(pi/4)
    // WFG1 biases positions by y^0.02, so y = 0.5^50 gives shape parameters 0.5:
    // f = (2 c^4, 4 c^3 c, 6 c^2 c, 8 c c, 10 (1 - 0.5 + sin(5 pi) / (10 pi)))
    const f1 = problem('wfg1_10_5').evaluate(wfgOptimal(fill(8, 0.5 ** 50)));
    [2 * c ** 4, 4 * c ** 4, 6 * c ** 3, 8 * c ** 2, 5].forEach((v, m) => near(f1[m], v, 1e-9, `wfg1[${m}]`));
    near(problem('wfg1_10_5').evaluate(wfgOptimal(fill(8, 0)))[4], 10, 1e-12, 'wfg1 u = 0');
    const ones = problem('wfg1_10_5').evaluate(wfgOptimal(fill(8, 1)));
    [2, 0, 0, 0, 0].forEach((v, m) => near(ones[m], v, 1e-9, `wfg1 u = 1 [${m}]`));
    // WFG2 at shape parameters 0.2: convex terms with a = 1 - cos(0.1 pi), b = 1 - sin(0.1 pi);
    // disconnected: 1 - 0.2 cos^2(pi) = 0.8
    const a = 1 - Math.cos(0.1 * Math.PI), b = 1 - Math.sin(0.1 * Math.PI);
    const f2 = problem('wfg2_10_5').evaluate(wfgOptimal(fill(8, 0.2)));
    [2 * a ** 4, 4 * a ** 3 * b, 6 * a ** 2 * b, 8 * a * b, 8].forEach((v, m) => near(f2[m], v, 1e-9, `wfg2[${m}]`));
  });
});

describe('front sets', () => {
  it('are mutually non-dominated, finite, and spanned by the ideal and nadir points', () => {
    for (const p of multiObjectiveProblems) {
      const taskId = multiObjectiveTaskId(p);
      const front = paretoFront(taskId);
      const { ideal, nadir } = frontBounds(taskId);
      assert.ok(front.length >= 50, `${p.name}: ${front.length} points`);
      for (const f of front) {
        assert.equal(f.length, p.nObjectives);
        assert.ok(f.every((v, j) => Number.isFinite(v) && v >= ideal[j] - 1e-6 && v <= nadir[j] + 1e-6), `${p.name} ${JSON.stringify(f)}`);
      }
      for (let j = 0; j < p.nObjectives; j++) {
        near(Math.min(...front.map((f) => f[j])), ideal[j], 1e-3 * (nadir[j] - ideal[j]), `${p.name} ideal[${j}]`);
        near(Math.max(...front.map((f) => f[j])), nadir[j], 1e-3 * (nadir[j] - ideal[j]), `${p.name} nadir[${j}]`);
      }
      // Fronts are closures: a piece's first point may tie the previous piece's last one in one
      // objective (ZDT3, DTLZ7, WFG2). A real dominated patch would beat by a margin in all objectives.
      let worst = -Infinity;
      for (let i = 0; i < front.length; i++) {
        for (let k = 0; k < front.length; k++) if (i !== k) worst = Math.max(worst, dominanceMargin(front[k], front[i]));
      }
      assert.ok(worst <= 1e-7, `${p.name}: some point beats another by ${worst} in every objective`);
    }
  });

  it('Kursawe: no sampled solution beats the generated front, and its extremes are reached', () => {
    const kursawe = problem('kursawe');
    const front = paretoFront(id('kursawe'));
    const rng = new Rng(5);
    for (let s = 0; s < 5_000; s++) {
      const f = kursawe.evaluate([rng.uniform(-5, 5), rng.uniform(-5, 5), rng.uniform(-5, 5)]);
      // A small tolerance: the front comes from a grid of about 100 values per coordinate.
      const beaten = front.find((g) => clearlyDominates(f, g, 0.02));
      assert.equal(beaten, undefined, `${JSON.stringify(f)} beats a front point`);
    }
    assert.deepEqual(front[0], [-20, 0]);
    const { ideal, nadir } = frontBounds(id('kursawe'));
    near(ideal[1], -11.6273, 1e-3, 'least f2');
    near(nadir[0], -14.4355, 1e-3, 'largest f1');
  });

  it('honours nPoints and returns fresh copies', () => {
    assert.equal(paretoFront(id('zdt1'), 50).length, 50);
    assert.equal(paretoFront(id('dtlz2'), 100).length, 91); // 12 partitions: the most with at most 100 directions
    assert.equal(paretoFront(id('wfg4_10_5'), 210).length, 210);
    assert.equal(paretoFront(id('dtlz7'), 100).length, 100);
    const a = paretoFront(id('zdt2'));
    a[0][0] = 99;
    assert.notEqual(paretoFront(id('zdt2'))[0][0], 99);
  });

  it('rejects unknown ids and bad sizes', () => {
    assert.throws(() => paretoFront('Pymoo/MO/unconstraint/zdt5'), (e: unknown) => e instanceof UnknownNameError && /zdt1/.test(e.message));
    assert.throws(() => paretoFront('Pymoo/SO/unconstraint/ackley'), UnknownNameError);
    assert.throws(() => paretoFront(id('zdt1'), 1), SpecError);
    assert.throws(() => paretoFront(id('zdt1'), 2.5), SpecError);
  });
});
