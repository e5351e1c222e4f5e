import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidConfigError, UnknownNameError, taskTypeOf, type Hyperparameter } from '../../core/index.js';
import { pymooCollection } from '../../benchmarks/pymoo/index.js';
import { createTask, listTasks } from '../../benchmarks/registry.js';
import { carpsRows, skipWithoutCatalogue } from './carpsCatalogue.js';

/** Variable count, bounds and objective count of every CARP-S task yaml under carps/configs/task/Pymoo/{MO,ManyO}. */
const EXPECTED_SPACES: Record<string, { d: number; lower: (i: number) => number; upper: (i: number) => number; m: number }> = {
  'Pymoo/MO/unconstraint/kursawe': { d: 3, lower: () => -5, upper: () => 5, m: 2 },
  'Pymoo/MO/unconstraint/omnitest': { d: 2, lower: () => 0, upper: () => 6, m: 2 },
  'Pymoo/MO/unconstraint/sympart': { d: 2, lower: () => -100, upper: () => 100, m: 2 },
  'Pymoo/MO/unconstraint/sympart_rotated': { d: 2, lower: () => -100, upper: () => 100, m: 2 },
  'Pymoo/MO/unconstraint/zdt1': { d: 30, lower: () => 0, upper: () => 1, m: 2 },
  'Pymoo/MO/unconstraint/zdt2': { d: 30, lower: () => 0, upper: () => 1, m: 2 },
  'Pymoo/MO/unconstraint/zdt3': { d: 30, lower: () => 0, upper: () => 1, m: 2 },
  'Pymoo/MO/unconstraint/zdt4': { d: 10, lower: (i) => (i === 0 ? 0 : -5), upper: (i) => (i === 0 ? 1 : 5), m: 2 },
  'Pymoo/MO/unconstraint/zdt6': { d: 10, lower: () => 0, upper: () => 1, m: 2 },
  ...Object.fromEntries(['convex_dtlz2', 'convex_dtlz4', 'dtlz2', 'dtlz3', 'dtlz4', 'dtlz5', 'dtlz6', 'dtlz7'].map((n) =>
    [`Pymoo/ManyO/unconstraint/${n}`, { d: 10, lower: () => 0, upper: () => 1, m: 3 }])),
  ...Object.fromEntries(['dtlz1', 'dtlz1_inv', 'sdtlz1'].map((n) =>
    [`Pymoo/ManyO/unconstraint/${n}`, { d: 7, lower: () => 0, upper: () => 1, m: 3 }])),
  ...Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) =>
    [`Pymoo/ManyO/unconstraint/wfg${k}_10_5`, { d: 10, lower: () => 0, upper: (i: number) => 2 * (i + 1), m: 5 }])),
};

describe('pymoo catalogue against CARP-S', () => {
  it('lists exactly the Pymoo tasks of the CARP-S catalogue, with their n_trials and types', { skip: skipWithoutCatalogue }, () => {
    const rows = carpsRows('Pymoo/');
    const listed = new Map(pymooCollection.list({}).map((t) => [t.id, t]));
    const primary = rows.filter((r) => r.collection === 'Pymoo');
    assert.equal(primary.length, 37);
    assert.deepEqual([...listed.keys()].sort(), primary.map((r) => r.taskId).sort());
    for (const row of rows) {
      const t = listed.get(row.taskId);
      assert.ok(t, row.taskId);
      assert.equal(t.nTrials, row.nTrials, row.taskId);
      assert.equal(t.type, row.type === 'MO' ? 'multi-objective' : 'blackbox', row.taskId);
    }
  });

  it('builds every multi-objective task with the yaml bounds, midpoint defaults and objective names', () => {
    for (const [id, spec] of Object.entries(EXPECTED_SPACES)) {
      const task = pymooCollection.create(id, {});
      assert.ok(!(task instanceof Promise));
      assert.equal(task.id, id);
      assert.equal(task.space.dimension, spec.d, id);
      for (let i = 0; i < spec.d; i++) {
        const hp: Hyperparameter | undefined = task.space.get(`x${i}`);
        assert.ok(hp && hp.type === 'float', `${id} x${i}`);
        assert.equal(hp.lower, spec.lower(i), `${id} x${i} lower`);
        assert.equal(hp.upper, spec.upper(i), `${id} x${i} upper`);
        assert.equal(hp.default, (spec.lower(i) + spec.upper(i)) / 2, `${id} x${i} default`);
      }
      assert.deepEqual(task.objectives.map((o) => o.name), Array.from({ length: spec.m }, (_, i) => `objective_${i}`));
      assert.ok(task.objectives.every((o) => o.direction === 'minimize'));
      assert.equal(taskTypeOf(task), 'multi-objective');
      assert.equal(task.metadata.paretoFront, 'available');
      const ideal = task.metadata.idealPoint as number[];
      const nadir = task.metadata.nadirPoint as number[];
      assert.equal(ideal.length, spec.m);
      assert.ok(nadir.every((v, j) => v > ideal[j]), id);
      const value = task.evaluate({ config: task.space.defaultConfig() });
      assert.ok(!(value instanceof Promise));
      assert.equal((value.cost as number[]).length, spec.m);
      assert.ok((value.cost as number[]).every(Number.isFinite), id);
    }
  });

  it('keeps the single-objective tasks working', async () => {
    const task = await createTask('Pymoo/SO/unconstraint/rosenbrock');
    const value = await task.evaluate({ config: { x0: 1, x1: 1 } });
    assert.equal(value.cost, 0);
    assert.equal(task.budget.nTrials, 77);
  });

  it('is reachable through the registry', async () => {
    assert.ok(listTasks().some((t) => t.id === 'Pymoo/ManyO/unconstraint/wfg9_10_5'));
    const task = await createTask('Pymoo/MO/unconstraint/zdt1');
    assert.deepEqual((await task.evaluate({ config: Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`x${i}`, 0])) })).cost, [0, 1]);
  });

  it('rejects an unknown id with the valid ones and a suggestion', () => {
    assert.throws(() => pymooCollection.create('Pymoo/MO/unconstraint/zdt7', {}), (e: unknown) =>
      e instanceof UnknownNameError && /zdt7/.test(e.message) && /Did you mean/.test(e.message) && /Pymoo\/MO\/unconstraint\/zdt1/.test(e.message));
  });

  it('rejects a config that misses a coordinate, naming it', async () => {
    const task = await createTask('Pymoo/ManyO/unconstraint/dtlz2');
    const config = { ...task.space.defaultConfig() };
    delete (config as Record<string, unknown>).x7;
    assert.throws(() => task.evaluate({ config }), (e: unknown) => e instanceof InvalidConfigError && /'x7'/.test(e.message));
  });
});
