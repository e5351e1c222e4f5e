import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng, SearchSpace, SpecError, type Hyperparameter, type Optimizer, type Options, type TaskView, type TrialInfo, type TrialValue } from '../../core/index.js';
import { domainOf, type NumericDomain, type TpeDomain } from '../../optimizers/tpe/domains.js';
import { computeSigmas } from '../../optimizers/tpe/bandwidths.js';
import { ParzenEstimator, type ParzenSettings } from '../../optimizers/tpe/parzenEstimator.js';
import { groupDecomposedSpace, intersectionSpace } from '../../optimizers/tpe/searchSpaceGroups.js';
import { logGaussMass } from '../../optimizers/models/normal.js';
import { GAMMAS, WEIGHTS } from '../../optimizers/tpe/split.js';
import { tpeFactory } from '../../optimizers/tpe/tpeFactory.js';
import { TrialHistory } from '../../optimizers/tpe/trialHistory.js';

const OPTUNA: ParzenSettings = { priorWeight: 1, considerPrior: true, considerMagicClip: true, considerEndpoints: false, multivariate: false };
const near = (a: number, b: number, tol: number, what: string) => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);

function domain(hp: Hyperparameter): TpeDomain {
  return domainOf(hp)!;
}
const unitFloat = domain({ type: 'float', name: 'x', lower: 0, upper: 1, log: false, default: 0.5 });

test("Optuna's default gamma and weights", () => {
  assert.equal(GAMMAS.default(100), 10);
  assert.equal(GAMMAS.default(1000), 25);
  assert.equal(GAMMAS.hyperopt(100), 3);
  assert.deepEqual(Array.from(WEIGHTS.default(3)), [1, 1, 1]);
  const w = WEIGHTS.default(30); // linspace(1/30, 1, 5) then 25 ones
  [1 / 30, 0.275, 0.5166666666666667, 0.7583333333333333, 1].forEach((v, i) => near(w[i], v, 1e-15, `w[${i}]`));
  assert.ok(w.slice(5).every((v) => v === 1));
});

test('univariate bandwidths: neighbour gaps, endpoints rule and magic clip (worked by hand)', () => {
  const dom = domain({ type: 'float', name: 'x', lower: 0, upper: 10, log: false, default: 0 }) as NumericDomain;
  const mus = Float64Array.from([2, 5, 6]);
  const out = new Float64Array(3);
  // Sorted with ends: 0 | 2 5 6 | 10 -> gaps max(2,3)=3, max(3,1)=3, max(1,4)=4; the ends use inner gaps (3, 1);
  // magic clip lifts widths to 10 / min(100, 1 + 4) = 2.
  computeSigmas(dom, mus, 3, 1, OPTUNA, out);
  assert.deepEqual(Array.from(out), [3, 3, 2]);
  computeSigmas(dom, mus, 3, 1, { ...OPTUNA, considerEndpoints: true }, out);
  assert.deepEqual(Array.from(out), [3, 3, 4]);
  computeSigmas(dom, mus, 3, 1, { ...OPTUNA, considerMagicClip: false }, out);
  assert.deepEqual(Array.from(out), [3, 3, 1]);
  computeSigmas(dom, Float64Array.from([5, 2, 5]), 3, 1, { ...OPTUNA, considerMagicClip: false }, out);
  assert.deepEqual(Array.from(out), [3, 3, 1e-12]); // ties keep observation order: the first 5 is interior, the second the last (gap 0, clipped to 1e-12)
  computeSigmas(dom, mus, 3, 1, { ...OPTUNA, multivariate: true, considerMagicClip: false }, out);
  near(out[0], 0.2 * 3 ** (-1 / 5) * 10, 1e-15, 'multivariate width');
  computeSigmas(dom, mus, 3, 1, { ...OPTUNA, multivariate: true }, out);
  assert.equal(out[0], 2); // 1.6 lifted by the magic clip
});

test('log density of a one-observation estimator equals the hand formula', () => {
  const est = new ParzenEstimator([unitFloat], Float64Array.from([0.5]), 1, Float64Array.from([1]), OPTUNA);
  const out = new Float64Array(2);
  est.logPdf(Float64Array.from([0.5, 0.9]), 2, out);
  // 0.5 N(0.5, 0.5) / mass[0, 1] + 0.5 N(0.5, 1) / mass[0, 1] (scipy)
  near(out[0], 0.10010146131162591, 1e-13, 'x = 0.5');
  near(out[1], -0.09959566228599775, 1e-13, 'x = 0.9');
});

test('categorical kernels: prior_weight / (n + 1) smoothing plus the uniform prior', () => {
  const cat = domain({ type: 'categorical', name: 'c', choices: ['a', 'b', 'c'], default: 'a' });
  const est = new ParzenEstimator([cat], Float64Array.from([0, 0, 2]), 3, Float64Array.from([1, 1, 1]), OPTUNA);
  const out = new Float64Array(3);
  est.logPdf(Float64Array.from([0, 1, 2]), 3, out);
  const p0 = (2 * (1.25 / 1.75) + 0.25 / 1.75 + 1 / 3) / 4;
  const p1 = (3 * (0.25 / 1.75) + 1 / 3) / 4;
  near(Math.exp(out[0]), p0, 1e-15, 'P(a)');
  near(Math.exp(out[1]), p1, 1e-15, 'P(b)');
  near(Math.exp(out[0]) + Math.exp(out[1]) + Math.exp(out[2]), 1, 1e-14, 'sum');
  // Sampling follows the same probabilities.
  const draws = new Float64Array(20000);
  est.sample(new Rng(1), 20000, draws);
  near(draws.filter((v) => v === 0).length / 20000, p0, 0.015, 'frequency of a');
});

test('discrete and continuous kernels are normalized on their domains (linear and log scale)', () => {
  const rng = new Rng(2);
  const cases: Hyperparameter[] = [
    { type: 'int', name: 'i', lower: 1, upper: 12, log: false, default: 1 },
    { type: 'int', name: 'j', lower: 1, upper: 300, log: true, default: 1 },
    { type: 'float', name: 'q', lower: 0, upper: 1, log: false, default: 0, q: 0.25 },
  ];
  for (const hp of cases) {
    const dom = domain(hp) as NumericDomain;
    const obs = Float64Array.from({ length: 6 }, () => dom.low + dom.step * Math.round((rng.random() * (dom.high - dom.low)) / dom.step));
    const est = new ParzenEstimator([dom], obs, 6, WEIGHTS.default(6), OPTUNA);
    const grid = Float64Array.from({ length: Math.round((dom.high - dom.low) / dom.step) + 1 }, (_, k) => dom.low + k * dom.step);
    const out = new Float64Array(grid.length);
    est.logPdf(grid, grid.length, out);
    near(out.reduce((s, v) => s + Math.exp(v), 0), 1, 1e-12, `sum over the grid of ${hp.name}`);
    const draws = new Float64Array(500);
    est.sample(rng, 500, draws);
    assert.ok(draws.every((v) => grid.includes(v)), `${hp.name}: samples on the grid`);
  }
  for (const hp of [unitFloat.hp, { type: 'float', name: 'lr', lower: 1e-4, upper: 1, log: true, default: 0.1 } as Hyperparameter]) {
    const dom = domain(hp) as NumericDomain;
    const obs = Float64Array.from({ length: 5 }, () => (dom.log ? Math.exp(dom.tLow + rng.random() * (dom.tHigh - dom.tLow)) : rng.random()));
    const est = new ParzenEstimator([dom], obs, 5, WEIGHTS.default(5), OPTUNA);
    // Density with respect to the (log) axis integrates to 1 over it (midpoint rule).
    const m = 20000;
    const h = (dom.tHigh - dom.tLow) / m;
    const pts = Float64Array.from({ length: m }, (_, k) => dom.tLow + (k + 0.5) * h).map((t) => (dom.log ? Math.exp(t) : t));
    const out = new Float64Array(m);
    est.logPdf(pts, m, out);
    near(out.reduce((s, v) => s + Math.exp(v) * h, 0), 1, 1e-6, `integral for ${hp.name}`);
  }
});

test('a many-kernel integer estimator matches the brute-force mixture (kernel skipping is exact)', () => {
  const dom = domain({ type: 'int', name: 'n', lower: 1, upper: 1000, log: false, default: 1 }) as NumericDomain;
  const rng = new Rng(8);
  const m = 300;
  const obs = Float64Array.from({ length: m }, () => rng.int(1, 1000));
  const weights = WEIGHTS.default(m);
  const est = new ParzenEstimator([dom], obs, m, weights, OPTUNA);
  const sigmas = new Float64Array(m);
  computeSigmas(dom, obs, m, 1, OPTUNA, sigmas);
  const mus = [...obs, (dom.tLow + dom.tHigh) / 2];
  const sds = [...sigmas, dom.tHigh - dom.tLow];
  const w = [...weights, 1];
  const total = w.reduce((a, b) => a + b, 0);
  const xs = Float64Array.from([1, 2, 17, 500, 999, 1000]);
  const out = new Float64Array(xs.length);
  est.logPdf(xs, xs.length, out);
  xs.forEach((x, c) => {
    const terms = mus.map((u, k) => Math.log(w[k] / total) + logGaussMass((x - 0.5 - u) / sds[k], (x + 0.5 - u) / sds[k]) - logGaussMass((dom.tLow - u) / sds[k], (dom.tHigh - u) / sds[k]));
    const max = Math.max(...terms);
    const reference = max + Math.log(terms.reduce((acc, t) => acc + Math.exp(t - max), 0));
    near(out[c], reference, 1e-12, `log pdf at ${x}`);
  });
});

test('a many-kernel continuous estimator matches the brute-force mixture (windowed evaluation is exact)', () => {
  const dom = domain({ type: 'float', name: 'x', lower: -5, upper: 5, log: false, default: 0 }) as NumericDomain;
  const rng = new Rng(9);
  const m = 400;
  const obs = Float64Array.from({ length: m }, () => (rng.random() < 0.7 ? rng.normal(1, 0.3) : rng.uniform(-5, 5))).map((v) => Math.min(5, Math.max(-5, v)));
  const weights = WEIGHTS.default(m);
  const est = new ParzenEstimator([dom], obs, m, weights, OPTUNA);
  const sigmas = new Float64Array(m);
  computeSigmas(dom, obs, m, 1, OPTUNA, sigmas);
  const mus = [...obs, 0];
  const sds = [...sigmas, 10];
  const w = [...weights, 1];
  const total = w.reduce((a, b) => a + b, 0);
  const xs = Float64Array.from([-5, -2.2, 0.93, 1, 1.4, 4.999]);
  const out = new Float64Array(xs.length);
  est.logPdf(xs, xs.length, out);
  xs.forEach((x, c) => {
    const terms = mus.map((u, k) => Math.log(w[k] / total) - Math.log(sds[k]) - 0.5 * Math.log(2 * Math.PI) - 0.5 * ((x - u) / sds[k]) ** 2 - logGaussMass((-5 - u) / sds[k], (5 - u) / sds[k]));
    const max = Math.max(...terms);
    const reference = max + Math.log(terms.reduce((acc, t) => acc + Math.exp(t - max), 0));
    near(out[c], reference, 1e-12, `log pdf at ${x}`);
  });
});

test('intersection and group decomposition of the observed parameter sets', () => {
  const history = new TrialHistory(3);
  history.add(Float64Array.from([1, 2, NaN]), 1);
  history.add(Float64Array.from([1, NaN, 3]), 2);
  history.add(Float64Array.from([NaN, NaN, NaN]), undefined); // crashed: ignored
  history.add(Float64Array.from([1, 2, NaN]), 0.5);
  assert.deepEqual(intersectionSpace(history, [0, 1, 2]), [0]);
  assert.deepEqual(groupDecomposedSpace(history, [0, 1, 2]), [[0], [1], [2]]);
  assert.deepEqual(history.byCost, [3, 0, 1]);
});

/** The TPE sampler answers synchronously. */
const ask = (o: Optimizer) => o.ask() as TrialInfo;
const ok = (cost: number): TrialValue => ({ cost, status: 'ok', wallTime: 0, virtualTime: 0 });
const crashed: TrialValue = { cost: NaN, status: 'crashed', wallTime: 0, virtualTime: 0 };

function view(space: SearchSpace, extra: Partial<TaskView> = {}): TaskView {
  return { space, objectives: [{ name: 'f', direction: 'minimize' }], budget: { nTrials: 50 }, type: 'blackbox', ...extra };
}
const box = new SearchSpace({
  hyperparameters: [
    { type: 'float', name: 'x', lower: -3, upper: 3, log: false, default: 0 },
    { type: 'int', name: 'n', lower: 1, upper: 64, log: true, default: 8 },
  ],
});
const f = (c: TrialInfo['config']) => ((c.x as number) - 1) ** 2 + Math.log2(c.n as number);

test('crashed trials are excluded and do not count towards n_startup_trials', () => {
  const a = tpeFactory.create(view(box), 4, { n_startup_trials: 3 });
  const b = tpeFactory.create(view(box), 4, { n_startup_trials: 3 });
  for (let i = 0; i < 5; i++) {
    const infoA = ask(a);
    const infoB = ask(b);
    assert.deepEqual(infoA.config, infoB.config, `ask ${i}: still random search`);
    a.tell(infoA, i % 2 ? crashed : { ...ok(Infinity) }); // a crash or a non-finite cost
  }
  assert.equal(a.incumbent().length, 0);
  for (let i = 0; i < 3; i++) {
    const info = ask(a);
    a.tell(info, ok(f(info.config)));
  }
  const next = ask(a);
  box.validate(next.config);
  assert.equal(a.incumbent().length, 1);
});

test('same seed, same trials; different seeds differ (univariate, multivariate, group)', () => {
  for (const options of [{}, { multivariate: true }, { multivariate: true, group: true }] as Options[]) {
    const run = (seed: number) => {
      const o = tpeFactory.create(view(box), seed, options);
      const out: unknown[] = [];
      for (let i = 0; i < 25; i++) {
        const info = ask(o);
        out.push(info.config);
        o.tell(info, i === 12 ? crashed : ok(f(info.config)));
      }
      return out;
    };
    assert.deepEqual(run(11), run(11), JSON.stringify(options));
    assert.notDeepEqual(run(11), run(12), JSON.stringify(options));
  }
});

test('conditional space with a forbidden clause: every proposal is valid in all modes', () => {
  const space = new SearchSpace({
    hyperparameters: [
      { type: 'categorical', name: 'model', choices: ['linear', 'tree'], default: 'linear' },
      { type: 'float', name: 'alpha', lower: 1e-5, upper: 1, log: true, default: 0.01 },
      { type: 'int', name: 'depth', lower: 1, upper: 12, log: false, default: 3 },
      { type: 'ordinal', name: 'size', sequence: ['s', 'm', 'l'], default: 'm' },
      { type: 'constant', name: 'seed', value: 7 },
    ],
    conditions: [
      { child: 'alpha', clause: { type: 'EQ', parent: 'model', value: 'linear' } },
      { child: 'depth', clause: { type: 'EQ', parent: 'model', value: 'tree' } },
    ],
    forbiddens: [{ type: 'AND', clauses: [{ type: 'EQUALS', name: 'model', value: 'tree' }, { type: 'EQUALS', name: 'size', value: 'l' }] }],
  });
  const cost = (c: TrialInfo['config']) => (c.model === 'linear' ? Math.abs(Math.log10(c.alpha as number) + 2) : Math.abs((c.depth as number) - 4) / 3 + 0.2);
  for (const options of [{}, { multivariate: true }, { multivariate: true, group: true }] as Options[]) {
    const o = tpeFactory.create(view(space), 3, { ...options, n_startup_trials: 5 });
    for (let i = 0; i < 40; i++) {
      const info = ask(o);
      space.validate(info.config);
      assert.ok(!space.isForbidden(info.config), JSON.stringify(info.config));
      o.tell(info, ok(cost(info.config)));
    }
    assert.ok((o.incumbent()[0].cost as number) < 0.5, JSON.stringify(options));
  }
});

test('multi-fidelity tasks are evaluated at max fidelity', () => {
  const o = tpeFactory.create(view(box, { fidelity: { name: 'epochs', min: 1, max: 27, integer: true }, type: 'multi-fidelity' }), 1, { n_startup_trials: 2 });
  for (let i = 0; i < 6; i++) {
    const info = ask(o);
    assert.equal(info.fidelity, 27);
    o.tell(info, ok(f(info.config)));
  }
});

test('group without multivariate is refused up front, as Optuna does', () => {
  assert.throws(() => tpeFactory.create(view(box), 1, { group: true }), SpecError);
});
