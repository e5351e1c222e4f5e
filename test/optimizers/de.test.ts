import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { resolveOptions, type TrialInfo } from '../../core/index.js';
import { differentialEvolutionFactory as de } from '../../optimizers/de/differentialEvolution.js';
import { randomSearchFactory } from '../../optimizers/random/randomSearch.js';
import { boxView, median, minimize, ok, unitSphere } from '../conformance/continuousTasks.js';

const SEEDS = [1, 2, 3, 4, 5];

describe('differential evolution', () => {
  test('defaults are Nevergrad\'s DE: population 30, F 0.8, CR 0.5; rand/1/bin', () => {
    const options = resolveOptions(de, {});
    assert.deepEqual([options.popsize, options.F, options.CR, options.strategy], [30, 0.8, 0.5, 'rand1bin']);
  });

  for (const strategy of ['rand1bin', 'currenttobest1bin']) {
    test(`${strategy} beats random search on a 10-D sphere (median of 5 seeds, 400 trials)`, () => {
      const view = boxView(10, 400);
      const f = unitSphere(0.3);
      const deBest = median(SEEDS.map((s) => minimize(de, view, f, s, 400, { strategy }).best));
      const randomBest = median(SEEDS.map((s) => minimize(randomSearchFactory, view, f, s, 400).best));
      assert.ok(deBest < 0.6 * randomBest, `DE ${deBest} vs random ${randomBest}`);
    });
  }

  test('keeps improving on a 5-D sphere to 1e-4 within 3000 trials', () => {
    for (const s of [1, 2, 3]) {
      const { best } = minimize(de, boxView(5, 3000), unitSphere(0.7), s, 3000);
      assert.ok(best < 1e-4, `seed ${s}: ${best}`);
    }
  });

  test('crashed trials rank as the worst seen: crashing half of the space does not stop progress', () => {
    const f = unitSphere(0.3);
    const crashRight = (c: Record<string, unknown>) => (((c.x0 as number) + 5) / 10 > 0.6 ? undefined : f(c as Record<string, number>));
    const withCrashes = median(SEEDS.map((s) => minimize(de, boxView(10, 400), crashRight, s, 400).best));
    const randomBest = median(SEEDS.map((s) => minimize(randomSearchFactory, boxView(10, 400), f, s, 400).best));
    assert.ok(withCrashes < 0.6 * randomBest, `DE with crashes ${withCrashes} vs random ${randomBest}`);
  });

  test('asks before tells (a batch) and tells in reverse order are fine', () => {
    const view = boxView(4, 400);
    const f = unitSphere(0.3);
    const optimizer = de.create(view, 3, resolveOptions(de, {}));
    let best = Infinity;
    for (let round = 0; round < 8; round++) {
      const batch = Array.from({ length: 50 }, () => optimizer.ask() as TrialInfo);
      for (const info of batch.reverse()) {
        const cost = f(info.config);
        best = Math.min(best, cost);
        optimizer.tell({ ...info, seed: round }, ok(cost));
      }
    }
    assert.ok(best < 0.02, `best ${best}`);
  });

  test('lhs initialization stratifies the initial population', () => {
    const view = boxView(3, 100);
    const optimizer = de.create(view, 3, resolveOptions(de, { initialization: 'lhs' }));
    const us = Array.from({ length: 30 }, () => view.space.encode((optimizer.ask() as TrialInfo).config));
    for (let j = 0; j < 3; j++) assert.equal(new Set(us.map((u) => Math.floor(u[j] * 30))).size, 30);
  });
});
