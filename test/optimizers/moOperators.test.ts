import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Rng, SearchSpace, dominates, hypervolume, resolveOptions, type TaskView, type TrialInfo, type TrialValue } from '../../core/index.js';
import { belowWeights, splitByRankAndHypervolume } from '../../optimizers/motpe/split.js';
import { motpeFactory } from '../../optimizers/motpe/motpe.js';
import { greedyHypervolumeSubset } from '../../optimizers/multiObjective/hypervolumeSubset.js';
import { crowdingDistances, nonDominatedFronts, rankAndCrowdingSelect } from '../../optimizers/multiObjective/nonDominatedSort.js';
import { augmentedChebyshev, normalizeCost, objectiveBounds, randomWeights } from '../../optimizers/multiObjective/scalarization.js';
import { effectivePopulation, nsga2Factory } from '../../optimizers/nsga2/nsga2.js';
import { geneLayout, offspringPair, polynomialMutation } from '../../optimizers/nsga2/variation.js';
import { paregoFactory, rfParegoFactory } from '../../optimizers/parego/parego.js';

function randomPoints(rng: Rng, n: number, m: number, grid = 0): number[][] {
  return Array.from({ length: n }, () => Array.from({ length: m }, () => (grid ? Math.floor(rng.random() * grid) / grid : rng.random())));
}

describe('non-dominated sorting and crowding distance', () => {
  test('fronts match the definition: nobody in a front is dominated by a later or the same front', () => {
    const rng = new Rng(1);
    for (const m of [2, 3]) {
      const points = randomPoints(rng, 60, m, 8);
      const fronts = nonDominatedFronts(points);
      assert.equal(fronts.flat().length, 60);
      fronts.forEach((front, r) => {
        for (const i of front) {
          for (const j of fronts.slice(r).flat()) assert.ok(!dominates(points[j], points[i]), `front ${r}: ${j} dominates ${i}`);
          if (r > 0) assert.ok(fronts[r - 1].some((j) => dominates(points[j], points[i])), `${i} in front ${r} is dominated by front ${r - 1}`);
        }
      });
    }
  });

  test('crowding distance: extremes infinite, interior points the normalized gap of their neighbours', () => {
    const points = [[0, 1], [0.25, 0.5], [0.5, 0.4], [1, 0]];
    const d = crowdingDistances(points, [0, 1, 2, 3]);
    assert.equal(d[0], Infinity);
    assert.equal(d[3], Infinity);
    assert.ok(Math.abs(d[1] - (0.5 / 1 + 0.6 / 1)) < 1e-12);
    assert.ok(Math.abs(d[2] - (0.75 / 1 + 0.5 / 1)) < 1e-12);
  });

  test('rank-and-crowding selection keeps whole fronts, then the least crowded of the front that does not fit', () => {
    const points = [[0, 1], [0.5, 0.5], [0.51, 0.49], [1, 0], [1, 1], [2, 2]];
    // Front 0 is the first four; the extremes are infinitely far, then [0.5, 0.5] (1.02) beats [0.51, 0.49] (1.00).
    assert.deepEqual(rankAndCrowdingSelect(points, 3).sort(), [0, 1, 3]);
    assert.deepEqual(rankAndCrowdingSelect(points, 5).sort(), [0, 1, 2, 3, 4]);
  });
});

describe('hypervolume subset selection', () => {
  test('greedy subset selection equals the plain greedy algorithm (lazy evaluation changes nothing)', () => {
    const rng = new Rng(3);
    for (const m of [2, 3]) {
      const points = randomPoints(rng, 200, m);
      const front = nonDominatedFronts(points)[0].map((i) => points[i]);
      const reference = Array(m).fill(1.2);
      const k = Math.min(5, front.length - 1);
      const plain: number[] = [];
      for (let step = 0; step < k; step++) {
        let best = -1;
        let gain = -Infinity;
        const base = hypervolume(plain.map((i) => front[i]), reference);
        for (let i = 0; i < front.length; i++) {
          if (plain.includes(i)) continue;
          const g = hypervolume([...plain.map((j) => front[j]), front[i]], reference) - base;
          if (g > gain + 1e-15) [best, gain] = [i, g];
        }
        plain.push(best);
      }
      assert.deepEqual(greedyHypervolumeSubset(front, k, reference), plain);
    }
  });

  test("MOTPE's split takes whole fronts, then a hypervolume subset of the front that does not fit", () => {
    const costs = [[0, 1], [1, 0], [0.5, 0.5], [0.2, 0.9], [0.9, 0.2], [2, 2], [3, 3]];
    const { below, above } = splitByRankAndHypervolume(costs, 3);
    assert.equal(below.length, 3);
    assert.deepEqual([...below, ...above].sort(), [0, 1, 2, 3, 4, 5, 6]);
    assert.ok(!below.includes(5) && !below.includes(6));
    assert.deepEqual(splitByRankAndHypervolume(costs, 6).below, [0, 1, 2, 3, 4, 5]);
  });

  test("MOTPE's l(x) weights are hypervolume contributions within the below set (Optuna 4.x)", () => {
    // Reference 1.1 x worst = (3.3, 3.3); exclusive areas 0.3, 1, 0.3; (3, 3) is dominated.
    const weights = [...belowWeights([[1, 3], [2, 2], [3, 1], [3, 3]])];
    [0.3, 1, 0.3, 1e-12].forEach((w, i) => assert.ok(Math.abs(weights[i] - w) < 1e-9, `weight ${i}: ${weights[i]}`));
    // Duplicates contribute nothing when left out one at a time; one trial weighs 1.
    assert.deepEqual([...belowWeights([[1, 2], [1, 2], [2, 1]])], [1e-12, 1e-12, 1]);
    assert.deepEqual([...belowWeights([[1, 2]])], [1]);
  });
});

describe('ParEGO scalarization', () => {
  test("weights sum to one; costs are normalized by the observed bounds (SMAC3's normalize_costs)", () => {
    const theta = randomWeights(new Rng(4), 3);
    assert.ok(Math.abs(theta.reduce((a, b) => a + b, 0) - 1) < 1e-9);
    const bounds = objectiveBounds([[1, 10], [3, 10], [2, 10]]);
    assert.deepEqual(bounds, [[1, 3], [10, 10]]);
    assert.deepEqual(normalizeCost([2, 10], bounds), [0.5, 1], 'a zero range normalizes to 1');
    assert.ok(Math.abs(augmentedChebyshev([0.25, 0.75], [1, 0.2], 0.05) - (0.25 + 0.05 * (0.25 + 0.15))) < 1e-12);
  });

  test("defaults: parego from SMAC3's BlackBoxFacade (refit every config), rf-parego from its HPO facade (every 8)", () => {
    const gp = resolveOptions(paregoFactory, {});
    const rf = resolveOptions(rfParegoFactory, {});
    assert.deepEqual([gp.rho, gp.retrain_after, gp.n_configs_per_hyperparameter, rf.rho, rf.retrain_after, rf.random_probability], [0.05, 1, 8, 0.05, 8, 0.2]);
  });
});

function moView(nTrials: number, objectives = 2): TaskView {
  const space = new SearchSpace({
    hyperparameters: [
      ...Array.from({ length: 4 }, (_, i) => ({ name: `x${i}`, type: 'float' as const, lower: 0, upper: 1, log: false, default: 0.5 })),
      { name: 'c', type: 'categorical', choices: ['a', 'b', 'c'], default: 'a' },
      { name: 'k', type: 'constant', value: 1 },
    ],
  });
  return {
    space,
    objectives: Array.from({ length: objectives }, (_, k) => ({ name: `f${k}`, direction: 'minimize' as const })),
    budget: { nTrials },
    type: 'multi-objective',
  };
}

const value = (cost: number[] | number, status: TrialValue['status'] = 'ok'): TrialValue => ({ cost, status, wallTime: 0, virtualTime: 0 });

describe('NSGA-II', () => {
  test("defaults are pymoo's operators; the population shrinks to n_trials / 10 (at least 8) on small budgets", () => {
    const o = resolveOptions(nsga2Factory, {});
    assert.deepEqual([o.population_size, o.crossover_prob, o.crossover_eta, o.mutation_eta, o.mutation_prob], [100, 0.9, 15, 20, null]);
    assert.equal(effectivePopulation(moView(240), o), 24);
    assert.equal(effectivePopulation(moView(40), o), 8);
    assert.equal(effectivePopulation(moView(5000), o), 100);
    assert.equal(effectivePopulation(moView(240), { ...o, min_generations: 0 }), 100);
  });

  test('variation stays in the unit cube; constants are never touched; categoricals stay on cell centres', () => {
    const view = moView(100);
    const layout = geneLayout(view.space);
    assert.deepEqual(layout, { numeric: [0, 1, 2, 3], categorical: [[4, 3]] });
    const rng = new Rng(5);
    const settings = { crossoverProb: 1, crossoverEta: 15, mutationEta: 20, mutationProb: 0.5 };
    for (let i = 0; i < 200; i++) {
      const a = Float64Array.from([rng.random(), rng.random(), 0, 1, 0.5 / 3, 0.5]);
      const b = Float64Array.from([rng.random(), rng.random(), 1, 0, 2.5 / 3, 0.5]);
      for (const child of offspringPair(a, b, layout, settings, rng)) {
        assert.ok(child.every((v) => v >= 0 && v <= 1));
        assert.equal(child[5], 0.5);
        assert.ok([0.5, 1.5, 2.5].some((c) => Math.abs(child[4] * 3 - c) < 1e-12));
      }
    }
    const moved = Array.from({ length: 2000 }, () => polynomialMutation(0.5, 20, rng) - 0.5);
    assert.ok(Math.abs(moved.reduce((s, v) => s + v, 0) / moved.length) < 0.01, 'polynomial mutation is centred');
    assert.ok(Math.max(...moved.map(Math.abs)) < 0.5);
  });

  test('survives crashes, asks ahead of tells, and keeps the non-dominated set as incumbent', () => {
    const view = moView(400);
    const optimizer = nsga2Factory.create(view, 7, resolveOptions(nsga2Factory, {}));
    const f = (info: TrialInfo) => {
      const x = info.config.x0 as number;
      const g = 1 + (info.config.x1 as number) + (info.config.c === 'b' ? 0 : 1);
      return [x * g, (1 - x) * g];
    };
    for (let round = 0; round < 10; round++) {
      const batch = Array.from({ length: 30 }, () => optimizer.ask() as TrialInfo);
      batch.forEach((info, i) => optimizer.tell({ ...info, seed: i }, i % 9 === 0 ? value([NaN, NaN], 'crashed') : value(f(info))));
    }
    const front = optimizer.incumbent();
    assert.ok(front.length > 3);
    const costs = front.map((e) => e.cost as number[]);
    for (const c of costs) assert.ok(!costs.some((d) => dominates(d, c)));
    const meanG = costs.reduce((s, c) => s + c[0] + c[1], 0) / costs.length;
    assert.ok(meanG < 1.6, `the front converges towards g = 1 (mean g ${meanG})`);
  });
});

describe('MOTPE', () => {
  test('random until n_startup_trials complete trials, deterministic under a seed, learns from tells without asks', () => {
    const view = moView(100);
    const run = () => {
      const optimizer = motpeFactory.create(view, 3, resolveOptions(motpeFactory, {}));
      const rng = new Rng(8);
      for (let i = 0; i < 30; i++) {
        const config = view.space.sample(rng);
        optimizer.tell({ config }, value([config.x0 as number, 1 - (config.x0 as number) + (config.x1 as number)]));
      }
      return Array.from({ length: 5 }, () => (optimizer.ask() as TrialInfo).config);
    };
    const first = run();
    assert.deepEqual(first, run());
    for (const config of first) view.space.validate(config);
    assert.ok(first.filter((c) => (c.x1 as number) < 0.5).length >= 3, 'proposals prefer the region of the good trials');
  });
});
