import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Rng, SearchSpace, resolveOptions, type Config } from '../../core/index.js';
import { bohbFactory } from '../../optimizers/bohb/bohb.js';
import { BohbSampler, type BohbSettings } from '../../optimizers/bohb/bohbSampler.js';
import { KernelDensity } from '../../optimizers/bohb/kernelDensity.js';

const HPB: BohbSettings = { minPointsInModel: 3, topNPercent: 15, numSamples: 64, randomFraction: 1 / 3, bandwidthFactor: 3, minBandwidth: 1e-3 };

describe('BOHB kernel density', () => {
  test("bandwidths follow statsmodels' normal reference rule 1.06 sd n^(-1/(4+p)), clipped below", () => {
    const data = Float64Array.from([0.1, 0.2, 0.4, 0.7, 0.9]);
    const kde = new KernelDensity([0], data, 1e-3);
    const mean = 0.46;
    const sd = Math.sqrt([0.1, 0.2, 0.4, 0.7, 0.9].reduce((s, v) => s + (v - mean) ** 2, 0) / 5);
    assert.ok(Math.abs(kde.bandwidth[0] - 1.06 * sd * 5 ** (-1 / 5)) < 1e-12);
    const flat = new KernelDensity([0], Float64Array.from([0.3, 0.3, 0.3]), 1e-3);
    assert.equal(flat.bandwidth[0], 1e-3);
  });

  test('a continuous density integrates to one, a categorical one sums to one over its levels', () => {
    const kde = new KernelDensity([0], Float64Array.from([0.1, 0.15, 0.5, 0.8]), 1e-3);
    let integral = 0;
    const h = 1e-3;
    for (let x = -2; x < 3; x += h) integral += Math.exp(kde.logPdf([x])) * h;
    assert.ok(Math.abs(integral - 1) < 1e-3, `integral ${integral}`);
    const cat = new KernelDensity([3, 0], Float64Array.from([0, 0.2, 0, 0.4, 2, 0.9, 1, 0.5]), 1e-3);
    let total = 0;
    for (let level = 0; level < 3; level++) for (let x = -2; x < 3; x += h) total += Math.exp(cat.logPdf([level, x])) * h;
    assert.ok(Math.abs(total - 1) < 1e-3, `total ${total}`);
    assert.ok(cat.bandwidth[0] <= 2 / 3, 'an Aitchison-Aitken bandwidth is at most (c - 1) / c');
  });
});

describe('BOHB config generator', () => {
  const space = new SearchSpace({
    hyperparameters: [
      { name: 'x', type: 'float', lower: 0, upper: 1, log: false, default: 0.5 },
      { name: 'c', type: 'categorical', choices: ['a', 'b', 'c'], default: 'a' },
    ],
  });
  const cost = (config: Config) => ((config.x as number) - 0.2) ** 2 + (config.c === 'b' ? 0 : 0.5);

  test("defaults are HpBandSter's: top 15 %, 64 samples, a third random, bandwidth factor 3, min bandwidth 1e-3", () => {
    const o = resolveOptions(bohbFactory, {});
    assert.deepEqual([o.top_n_percent, o.num_samples, o.random_fraction, o.bandwidth_factor, o.min_bandwidth, o.min_points_in_model], [15, 64, 1 / 3, 3, 1e-3, null]);
  });

  test('samples the prior until a budget has enough points, then proposes near the good configs', () => {
    const sampler = new BohbSampler(space, 100, HPB, new Rng(3));
    const prior = new Rng(3);
    assert.deepEqual(sampler.next(), space.sample(prior), 'no model yet: a draw from the prior');
    const feed = new Rng(9);
    for (let i = 0; i < 40; i++) {
      const config = space.sample(feed);
      sampler.observe({ config, fidelity: 100 }, [cost(config)]);
    }
    const proposals = Array.from({ length: 60 }, () => sampler.next());
    const good = proposals.filter((p) => p.c === 'b' && Math.abs((p.x as number) - 0.2) < 0.15).length;
    assert.ok(good > 30, `${good} of 60 proposals near the optimum (random: ~10)`);
  });

  test('once a larger budget has a model, results of smaller budgets are not even recorded', () => {
    const feedBoth = (withLower: boolean) => {
      const sampler = new BohbSampler(space, 100, HPB, new Rng(4));
      const feed = new Rng(5);
      for (let i = 0; i < 30; i++) {
        const config = space.sample(feed);
        sampler.observe({ config, fidelity: 33 }, [cost(config)]);
      }
      for (let i = 0; withLower && i < 30; i++) {
        const config = space.sample(feed);
        sampler.observe({ config, fidelity: 11 }, [-cost(config)]);
      }
      return Array.from({ length: 20 }, () => sampler.next());
    };
    assert.deepEqual(feedBoth(true), feedBoth(false));
  });
});
