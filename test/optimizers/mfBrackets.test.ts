import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SearchSpace, SpecError, resolveOptions, type Config, type Fidelity, type OptimizerFactory, type Options, type TaskView, type TrialInfo, type TrialValue } from '../../core/index.js';
import { ashaFactory } from '../../optimizers/asha/asha.js';
import { dehbFactory } from '../../optimizers/dehb/dehb.js';
import { hyperbandFactory } from '../../optimizers/hyperband/hyperband.js';
import { smacHyperbandFactory } from '../../optimizers/hyperband/smacHyperband.js';
import { hyperbandBracket, hyperbandSchedule } from '../../optimizers/multiFidelity/brackets.js';
import { fidelityLadder } from '../../optimizers/multiFidelity/fidelityLadder.js';
import { momfParegoFactory } from '../../optimizers/momf/momfParego.js';
import { successiveHalvingFactory } from '../../optimizers/successiveHalving/successiveHalving.js';

const Z: Fidelity = { name: 'z', min: 1, max: 100, integer: true };

function mfView(fidelity: Fidelity = Z, objectives = 1, nTrials = 100): TaskView {
  const space = new SearchSpace({
    hyperparameters: [
      { name: 'x', type: 'float', lower: 0, upper: 1, log: false, default: 0.25 },
      { name: 'y', type: 'float', lower: 0, upper: 1, log: false, default: 0.75 },
    ],
  });
  return {
    space,
    objectives: Array.from({ length: objectives }, (_, k) => ({ name: `f${k}`, direction: 'minimize' as const })),
    fidelity,
    budget: { nTrials },
    type: objectives > 1 ? 'multi-fidelity-multi-objective' : 'multi-fidelity',
  };
}

const ok = (cost: number | number[]): TrialValue => ({ cost, status: 'ok', wallTime: 0, virtualTime: 0 });
/** A cost that only depends on x: the promotions are easy to predict. */
const costOf = (c: Config) => c.x as number;

function create(factory: OptimizerFactory, view: TaskView, seed = 1, options: Options = {}) {
  return factory.create(view, seed, resolveOptions(factory, options));
}

/** Sequential ask -> tell for n trials; the trials as told. */
function drive(factory: OptimizerFactory, view: TaskView, n: number, options: Options = {}, cost: (c: Config) => number | number[] = costOf): TrialInfo[] {
  const optimizer = create(factory, view, 1, options);
  const out: TrialInfo[] = [];
  for (let i = 0; i < n; i++) {
    const info = optimizer.ask() as TrialInfo;
    optimizer.tell(info, ok(cost(info.config)));
    out.push(info);
  }
  return out;
}

describe('multi-fidelity ladders and brackets', () => {
  test('the ladder of z in 1..100 with eta 3: sMax 4, budgets 100 x 3^-k rounded to integers', () => {
    assert.deepEqual(fidelityLadder(3, 1, 100, true), { eta: 3, sMax: 4, budgets: [1, 4, 11, 33, 100] });
    assert.deepEqual(fidelityLadder(3, 1, 27, true).budgets, [1, 3, 9, 27], 'log(27)/log(3) must count as 3 halvings');
    const real = fidelityLadder(3, 1, 100, false).budgets;
    assert.deepEqual(real.map((b) => +b.toFixed(4)), [1.2346, 3.7037, 11.1111, 33.3333, 100]);
    assert.deepEqual(fidelityLadder(2, 5, 5, true), { eta: 2, sMax: 0, budgets: [5] });
  });

  test("Li et al.'s bracket sizes (hyperband, SMAC3) and HpBandSter's (BOHB, DEHB) for sMax 4", () => {
    const ladder = fidelityLadder(3, 1, 100, true);
    const li = [4, 3, 2, 1, 0].map((s) => hyperbandBracket(ladder, s, 'hyperband').sizes);
    assert.deepEqual(li, [[81, 27, 9, 3, 1], [34, 11, 3, 1], [15, 5, 1], [8, 2], [5]]);
    const hpb = [4, 3, 2, 1, 0].map((s) => hyperbandBracket(ladder, s, 'hpbandster').sizes);
    assert.deepEqual(hpb, [[81, 27, 9, 3, 1], [27, 9, 3, 1], [9, 3, 1], [6, 2], [5]]);
    assert.deepEqual(hyperbandBracket(ladder, 2, 'hyperband').budgets, [11, 33, 100]);
    const schedule = hyperbandSchedule(ladder, 'hyperband');
    assert.deepEqual([0, 1, 4, 5].map((t) => schedule(t).sizes[0]), [81, 34, 5, 81], 'brackets cycle from the most aggressive');
  });
});

describe('hyperband and successive halving', () => {
  test('hyperband runs the brackets rung by rung and promotes the best 1/eta of each complete rung', () => {
    const view = mfView();
    const trials = drive(hyperbandFactory, view, 81 + 27 + 9 + 3 + 1 + 34);
    const fidelities = trials.map((t) => t.fidelity);
    const expected = [...Array(81).fill(1), ...Array(27).fill(4), ...Array(9).fill(11), ...Array(3).fill(33), 100, ...Array(34).fill(4)];
    assert.deepEqual(fidelities, expected);
    const rung0 = trials.slice(0, 81).map((t) => t.config.x as number).sort((a, b) => a - b);
    const rung1 = trials.slice(81, 108).map((t) => t.config.x as number);
    assert.deepEqual([...rung1].sort((a, b) => a - b), rung0.slice(0, 27), 'rung 1 runs the 27 best of rung 0');
    assert.deepEqual(rung1, [...rung1].sort((a, b) => a - b), 'promoted best first');
    assert.equal(trials[120].config.x, rung0[0], 'the max-budget trial is the best config');
  });

  test('successive halving repeats its one bracket', () => {
    const trials = drive(successiveHalvingFactory, mfView(Z), 2 * 121);
    const pattern = [...Array(81).fill(1), ...Array(27).fill(4), ...Array(9).fill(11), ...Array(3).fill(33), 100];
    assert.deepEqual(trials.map((t) => t.fidelity), [...pattern, ...pattern]);
  });

  test('asking ahead of tells never blocks: waiting brackets make the next bracket start', () => {
    const view = mfView({ name: 'epochs', min: 1, max: 9, integer: true });
    const optimizer = create(hyperbandFactory, view);
    const asked = Array.from({ length: 40 }, () => optimizer.ask() as TrialInfo);
    assert.ok(asked.every((t) => t.fidelity !== undefined && Number.isInteger(t.fidelity)));
    // Bracket 0 (9 configs at 1) is fully asked, then bracket 1 (5 at 3), bracket 2 (3 at 9), bracket 0 again ...
    assert.deepEqual(asked.slice(0, 18).map((t) => t.fidelity), [...Array(9).fill(1), ...Array(5).fill(3), ...Array(3).fill(9), 1]);
    for (const info of asked.reverse()) optimizer.tell({ ...info, seed: 7 }, ok(costOf(info.config)));
    const next = optimizer.ask() as TrialInfo;
    assert.equal(next.fidelity, 3, 'with its first rung told, bracket 0 promotes to its second rung');
  });

  test('min_fidelity / max_fidelity bound the budgets; values outside the task range are refused naming the option', () => {
    const trials = drive(hyperbandFactory, mfView(), 60, { min_fidelity: 10, max_fidelity: 90 });
    assert.ok(trials.every((t) => t.fidelity! >= 10 && t.fidelity! <= 90 && Number.isInteger(t.fidelity)));
    assert.deepEqual([...new Set(trials.map((t) => t.fidelity))].sort((a, b) => a! - b!), [10, 30, 90]);
    assert.throws(() => create(hyperbandFactory, mfView(), 1, { min_fidelity: 0.5 }), (e: Error) => e instanceof SpecError && /min_fidelity/.test(e.message) && /\[1, 100\]/.test(e.message));
    assert.throws(() => create(dehbFactory, mfView(), 1, { min_fidelity: 50, max_fidelity: 20 }), SpecError);
  });

  test('float fidelities are not rounded', () => {
    const trials = drive(hyperbandFactory, mfView({ name: 'frac', min: 0.01, max: 1, integer: false }), 30);
    assert.ok(Math.abs(trials[0].fidelity! - 1 / 81) < 1e-12, 'budgets 1/81, 1/27 ... are kept as they are');
    assert.ok(trials.every((t) => t.fidelity! >= 0.01 && t.fidelity! <= 1));
  });

  test("smac-hb starts with the space's default configuration and never proposes a new config twice", () => {
    const view = mfView({ name: 'epochs', min: 1, max: 9, integer: true });
    const trials = drive(smacHyperbandFactory, view, 200);
    assert.deepEqual(trials[0].config, { x: 0.25, y: 0.75 });
    const keys = trials.filter((t) => t.fidelity === 1).map((t) => JSON.stringify(t.config));
    assert.equal(new Set(keys).size, keys.length, 'first-rung configs are all distinct');
  });

  test('the incumbent is the best max-fidelity trial once there is one, the best at the highest budget before', () => {
    const optimizer = create(hyperbandFactory, mfView());
    for (let i = 0; i < 81; i++) {
      const info = optimizer.ask() as TrialInfo;
      optimizer.tell(info, ok(costOf(info.config)));
    }
    const early = optimizer.incumbent();
    assert.equal(early.length, 1);
    assert.equal(early[0].fidelity, 1);
    optimizer.tell({ config: { x: 0.9, y: 0.1 }, fidelity: 100 }, ok(5));
    assert.deepEqual(optimizer.incumbent()[0], { config: { x: 0.9, y: 0.1 }, fidelity: 100, cost: 5 });
  });

  test('on multi-objective tasks, promotions follow non-domination rank then crowding distance', () => {
    const view = mfView({ name: 'epochs', min: 1, max: 9, integer: true }, 2);
    // f = (x + y, 1 - x + y): x moves along a front, y pushes points behind it.
    const optimizer = create(successiveHalvingFactory, view);
    const rung0 = Array.from({ length: 9 }, () => optimizer.ask() as TrialInfo);
    for (const info of rung0) {
      const x = info.config.x as number;
      const y = info.config.y as number;
      optimizer.tell(info, ok([x + y, 1 - x + y]));
    }
    const promoted = Array.from({ length: 3 }, () => (optimizer.ask() as TrialInfo).config);
    const costs = rung0.map((t) => [(t.config.x as number) + (t.config.y as number), 1 - (t.config.x as number) + (t.config.y as number)]);
    const dominatedCount = (i: number) => costs.filter((c) => c[0] <= costs[i][0] && c[1] <= costs[i][1] && (c[0] < costs[i][0] || c[1] < costs[i][1])).length;
    for (const config of promoted) {
      const i = rung0.findIndex((t) => t.config === config);
      assert.ok(i >= 0);
      const better = rung0.filter((_, j) => dominatedCount(j) < dominatedCount(i)).length;
      assert.ok(better < 3, 'a promoted config is among the best ranks');
    }
  });

  test('momf-parego promotes on multi-objective costs and runs every budget of the ladder', () => {
    const view = mfView({ name: 'epochs', min: 1, max: 9, integer: true }, 2, 40);
    const trials = drive(momfParegoFactory, view, 60, {}, (c) => [c.x as number, 1 - (c.x as number) + (c.y as number)]);
    assert.deepEqual([...new Set(trials.map((t) => t.fidelity))].sort((a, b) => a! - b!), [1, 3, 9]);
  });
});

describe('asha', () => {
  test('promotes the best of the top 1/eta of a rung as soon as the rung holds eta told trials', () => {
    const view = mfView({ name: 'epochs', min: 1, max: 9, integer: true });
    const optimizer = create(ashaFactory, view);
    const first = Array.from({ length: 3 }, () => {
      const info = optimizer.ask() as TrialInfo;
      optimizer.tell(info, ok(costOf(info.config)));
      return info;
    });
    assert.ok(first.every((t) => t.fidelity === 1));
    const promoted = optimizer.ask() as TrialInfo;
    assert.equal(promoted.fidelity, 3);
    assert.equal(promoted.config.x, Math.min(...first.map((t) => t.config.x as number)));
  });

  test('runs to the maximum budget and never promotes a config twice from the same rung', () => {
    const view = mfView({ name: 'epochs', min: 1, max: 27, integer: true });
    const trials = drive(ashaFactory, view, 300);
    assert.ok(trials.some((t) => t.fidelity === 27));
    for (const budget of [3, 9, 27]) {
      const keys = trials.filter((t) => t.fidelity === budget).map((t) => JSON.stringify(t.config));
      assert.equal(new Set(keys).size, keys.length, `budget ${budget}`);
    }
  });
});

describe('dehb', () => {
  test("defaults are DEHB's: eta 3, mutation factor 0.5, crossover 0.5, rand1_bin, random boundary fix", () => {
    const o = resolveOptions(dehbFactory, {});
    assert.deepEqual([o.eta, o.mutation_factor, o.crossover_prob, o.strategy, o.boundary_fix_type], [3, 0.5, 0.5, 'rand1_bin', 'random']);
  });

  test('the first Hyperband round promotes the best configs of the lower budget; later rungs are DE children', () => {
    const view = mfView({ name: 'epochs', min: 1, max: 9, integer: true });
    const trials = drive(dehbFactory, view, 9 + 3 + 1);
    const rung0 = trials.slice(0, 9).map((t) => t.config.x as number).sort((a, b) => a - b);
    assert.deepEqual(trials.slice(9, 12).map((t) => t.config.x), rung0.slice(0, 3));
    assert.equal(trials[12].config.x, rung0[0]);
  });

  test('brackets follow HpBandSter sizes and every proposal is inside the space', () => {
    const view = mfView({ name: 'epochs', min: 1, max: 9, integer: true });
    const trials = drive(dehbFactory, view, 9 + 3 + 1 + 3 + 1 + 3 + 9 + 3 + 1);
    assert.deepEqual(trials.map((t) => t.fidelity), [...Array(9).fill(1), 3, 3, 3, 9, 3, 3, 3, 9, 9, 9, 9, ...Array(9).fill(1), 3, 3, 3, 9]);
    for (const t of trials) view.space.validate(t.config);
  });
});
