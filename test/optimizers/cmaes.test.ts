import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SearchSpace, resolveOptions, type Config, type Hyperparameter, type TaskView, type TrialInfo } from '../../core/index.js';
import { cmaesFactory as cmaes } from '../../optimizers/cmaes/cmaes.js';
import type { CmaEs } from '../../optimizers/cmaes/cmaesOptimizer.js';
import { cellLayout } from '../../optimizers/shared/discreteCells.js';
import { boxView, minimize, ok, unitSphere } from '../conformance/continuousTasks.js';

function viewOf(hyperparameters: Hyperparameter[]): TaskView {
  return { space: new SearchSpace({ hyperparameters }), objectives: [{ name: 'f', direction: 'minimize' }], budget: { nTrials: 100 }, type: 'blackbox' };
}

function create(view: TaskView, seed: number, options = {}): CmaEs {
  return cmaes.create(view, seed, resolveOptions(cmaes, options)) as CmaEs;
}

describe('cmaes optimizer', () => {
  test('converges on the 10-D sphere in the unit cube to 1e-8 within 2000 trials', () => {
    for (const seed of [1, 2, 3]) {
      const { best, evaluations } = minimize(cmaes, boxView(10, 2000), unitSphere(0.3), seed, 2000, {}, 1e-8);
      assert.ok(best <= 1e-8, `seed ${seed}: best ${best} after ${evaluations}`);
    }
  });

  test('finds an optimum in a corner of the cube (bounds by resampling, then mirroring)', () => {
    // Mirroring folds half of every sample back near the corner and slows step-size adaptation there.
    for (const [bounds_handling, target] of [['resample', 1e-8], ['mirror', 1e-4]] as const) {
      for (const seed of [1, 2, 3]) {
        const { best } = minimize(cmaes, boxView(5, 3000), unitSphere(0), seed, 3000, { bounds_handling }, target);
        assert.ok(best <= target, `${bounds_handling}, seed ${seed}: best ${best}`);
      }
    }
  });

  test('IPOP: a flat cost triggers restarts that double the population', () => {
    const view = boxView(2);
    const optimizer = create(view, 1);
    const sizes = new Set<number>();
    for (let i = 0; i < 1500; i++) {
      optimizer.tell(optimizer.ask() as TrialInfo, ok(1));
      sizes.add(optimizer.diagnostics().popsize);
    }
    const d = optimizer.diagnostics();
    assert.ok(d.restarts >= 3, `restarts ${d.restarts}`);
    assert.equal(d.lastStop, 'tolfun');
    assert.deepEqual([...sizes].slice(0, 4), [6, 12, 24, 48]);
    const none = create(view, 1, { restart_strategy: 'none' });
    for (let i = 0; i < 600; i++) none.tell(none.ask() as TrialInfo, ok(1));
    assert.equal(none.diagnostics().restarts, 0);
  });

  test('IPOP escapes local optima of the 5-D Rastrigin function more often than a single run', () => {
    const view = viewOf(Array.from({ length: 5 }, (_, i) => ({ name: `x${i}`, type: 'float', lower: -5.12, upper: 5.12, log: false, default: 0 })));
    const rastrigin = (c: Config) => Object.values(c).reduce((s: number, x) => s + (x as number) ** 2 - 10 * Math.cos(2 * Math.PI * (x as number)) + 10, 0);
    const seeds = [1, 2, 3, 4, 5];
    const ipop = seeds.map((s) => minimize(cmaes, view, rastrigin, s, 15_000, {}, 1e-6).best);
    const single = seeds.map((s) => minimize(cmaes, view, rastrigin, s, 15_000, { restart_strategy: 'none' }, 1e-6).best);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    assert.ok(sum(ipop) < sum(single), `ipop ${ipop} vs single run ${single}`);
  });

  test('tells in any order: a generation asked at once and told in reverse still converges', () => {
    const view = boxView(6, 3000);
    const f = unitSphere(0.6);
    const optimizer = create(view, 2);
    const lambda = optimizer.diagnostics().popsize;
    let best = Infinity;
    for (let round = 0; round < 150; round++) {
      const batch = Array.from({ length: lambda }, () => optimizer.ask() as TrialInfo);
      for (const info of batch.reverse()) {
        const cost = f(info.config);
        best = Math.min(best, cost);
        optimizer.tell({ ...info, config: { ...info.config }, seed: round }, ok(cost));
      }
    }
    assert.ok(optimizer.diagnostics().generation >= 100, `generation ${optimizer.diagnostics().generation}`);
    assert.ok(best < 1e-6, `best ${best}`);
  });

  test('asks beyond the generation (more than lambda pending) are served and never break the update', () => {
    const view = boxView(3);
    const optimizer = create(view, 2);
    const batch = Array.from({ length: 40 }, () => optimizer.ask() as TrialInfo);
    for (const info of batch) optimizer.tell(info, ok(unitSphere()(info.config)));
    assert.equal(optimizer.diagnostics().generation, 1);
    assert.equal(optimizer.incumbent().length, 1);
  });

  test('crashed trials rank worst: a crashing region does not derail convergence', () => {
    const f = unitSphere(0.3);
    const crashing = (c: Config) => (((c.x0 as number) + 5) / 10 > 0.5 ? undefined : f(c));
    const { best } = minimize(cmaes, boxView(5, 3000), crashing, 1, 3000, {}, 1e-8);
    assert.ok(best <= 1e-8, `best ${best}`);
  });

  test('with margin, integer coordinates keep moving after the continuous ones converged', () => {
    const hps: Hyperparameter[] = [
      ...Array.from({ length: 5 }, (_, i): Hyperparameter => ({ name: `x${i}`, type: 'float', lower: 0, upper: 1, log: false, default: 0.5 })),
      ...Array.from({ length: 5 }, (_, i): Hyperparameter => ({ name: `n${i}`, type: 'int', lower: 0, upper: 3, log: false, default: 0 })),
    ];
    const view = viewOf(hps);
    const f = (c: Config) => [0, 1, 2, 3, 4].reduce((s, i) => s + ((c[`x${i}`] as number) - 0.37) ** 2 + 0.01 * Math.abs((c[`n${i}`] as number) - 3), 0);
    for (const seed of [1, 2, 3, 4, 5]) {
      const { best } = minimize(cmaes, view, f, seed, 1500, { restart_strategy: 'none' });
      assert.ok(best < 1e-4, `seed ${seed}: best ${best} (an integer coordinate froze)`);
    }
  });

  test('solves a 10-D integer problem exactly', () => {
    const view = viewOf(Array.from({ length: 10 }, (_, i) => ({ name: `n${i}`, type: 'int', lower: 0, upper: 20, log: false, default: 0 })));
    const f = (c: Config) => Object.values(c).reduce((s: number, x) => s + ((x as number) - 7) ** 2, 0);
    for (const seed of [1, 2, 3]) assert.equal(minimize(cmaes, view, f, seed, 3000, {}, 0).best, 0, `seed ${seed}`);
  });

  test('constants are left out of the distribution; a constant-only space proposes its single config', () => {
    const view = viewOf([
      { name: 'k', type: 'constant', value: 'fixed' },
      { name: 'x', type: 'float', lower: 0, upper: 1, log: false, default: 0.5 },
    ]);
    assert.equal(create(view, 1).diagnostics().dimension, 1);
    const constants = create(viewOf([{ name: 'k', type: 'constant', value: 3 }]), 1);
    const info = constants.ask() as TrialInfo;
    assert.deepEqual(info.config, { k: 3 });
    constants.tell(info, ok(1));
    assert.deepEqual(constants.incumbent()[0].config, { k: 3 });
  });
});

describe('discrete cells', () => {
  test('boundaries found by bisection on the codec', () => {
    const int = cellLayout({ name: 'n', type: 'int', lower: 0, upper: 3, log: false, default: 0 });
    assert.equal(int.kind, 'discrete');
    if (int.kind === 'discrete') int.thresholds.forEach((t, i) => assert.ok(Math.abs(t - (i + 1) / 4) < 1e-12, `${t}`));
    const cat = cellLayout({ name: 'c', type: 'categorical', choices: ['a', 'b', 'c'], default: 'a' });
    assert.equal(cat.kind === 'discrete' && cat.thresholds.length, 2);
    const logInt = cellLayout({ name: 'u', type: 'int', lower: 1, upper: 32, log: true, default: 1 });
    assert.equal(logInt.kind === 'discrete' && logInt.thresholds.length, 31);
    assert.equal(cellLayout({ name: 'x', type: 'float', lower: 0, upper: 1, log: false, default: 0 }).kind, 'continuous');
    assert.equal(cellLayout({ name: 'w', type: 'int', lower: 0, upper: 1000, log: false, default: 0 }).kind, 'continuous');
    const one = cellLayout({ name: 'k', type: 'constant', value: 1 });
    assert.equal(one.kind === 'discrete' && one.thresholds.length, 0);
  });
});
