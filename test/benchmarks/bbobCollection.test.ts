import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HpoArenaError, InvalidConfigError, SpecError, UnknownNameError, type Config } from '../../core/index.js';
import { bbobCollection, bbobProblem, FUNCTION_IDS } from '../../benchmarks/bbob/index.js';
import { createTask, taskCollections } from '../../benchmarks/registry.js';
import { carpsRows, skipWithoutCatalogue } from './carpsCatalogue.js';

function configOf(x: ArrayLike<number>): Config {
  return Object.fromEntries(Array.from(x, (v, i) => [`x${i}`, v]));
}

describe('bbob collection', () => {
  it('lists the 360 CARP-S tasks', () => {
    const listed = bbobCollection.list({});
    assert.equal(listed.length, 360);
    assert.equal(new Set(listed.map((t) => t.id)).size, 360);
    for (const t of listed) {
      const [, d, fid, instance] = t.id.split('/').map(Number);
      assert.ok([2, 4, 8, 16, 32].includes(d) && fid >= 1 && fid <= 24 && [0, 1, 2].includes(instance), t.id);
      assert.equal(t.dimension, d);
      assert.equal(t.nTrials, Math.ceil(20 + 40 * Math.sqrt(d)));
      assert.deepEqual([t.collection, t.type, t.nObjectives, t.available], ['bbob', 'blackbox', 1, true]);
    }
  });

  it('matches every bbob row of the CARP-S catalogue', { skip: skipWithoutCatalogue }, () => {
    const rows = carpsRows('bbob/');
    assert.ok(rows.length >= 360);
    const registry = new Map(taskCollections.bbob.list({}).map((t) => [t.id, t]));
    for (const row of rows) {
      const task = registry.get(row.taskId);
      assert.ok(task, `${row.taskId} is in carps-tasks.csv but not in the registry`);
      assert.equal(task.nTrials, row.nTrials, `n_trials of ${row.taskId}`);
    }
    assert.equal(new Set(rows.map((r) => r.taskId)).size, 360, 'the catalogue lists the same 360 ids');
  });

  it('owns bbob/ ids only', () => {
    assert.ok(bbobCollection.owns('bbob/2/1/0'));
    assert.ok(bbobCollection.owns('bbob/9/9/9'));
    assert.ok(!bbobCollection.owns('bbob_vizier/20/1/0'));
    assert.ok(!bbobCollection.owns('Pymoo/SO/unconstraint/sphere'));
  });

  it('creates a task as CARP-S defines it, through the registry', async () => {
    const task = await createTask('bbob/4/10/2');
    assert.equal(task.id, 'bbob/4/10/2');
    assert.deepEqual(task.space.names, ['x0', 'x1', 'x2', 'x3']);
    for (const hp of task.space.hyperparameters) assert.deepEqual(hp.type === 'float' && [hp.lower, hp.upper, hp.default, hp.log], [-5, 5, 0, false]);
    assert.deepEqual(task.objectives, [{ name: 'quality', direction: 'minimize' }]);
    assert.equal(task.fidelity, undefined);
    assert.deepEqual(task.budget, { nTrials: 100 });
    const problem = bbobProblem(10, 4, 2);
    assert.equal(task.metadata.optimum, problem.fopt);
    assert.deepEqual(task.metadata.xopt, Array.from(problem.xopt));
    assert.equal(task.metadata.collection, 'bbob');
    assert.equal(task.metadata.kind, 'synthetic');
  });

  it('returns f(x) with fopt included (as CARP-S does), so regret is cost - optimum', async () => {
    const task = await bbobCollection.create('bbob/2/1/0', {});
    const optimum = task.metadata.optimum as number;
    const xopt = task.metadata.xopt as number[];
    const atOptimum = await task.evaluate({ config: configOf(xopt) });
    assert.equal(atOptimum.cost, optimum);
    assert.equal(atOptimum.status, 'ok');
    assert.equal(atOptimum.virtualTime, 0);
    assert.ok(atOptimum.wallTime >= 0);
    const shifted = await task.evaluate({ config: configOf(xopt.map((v) => v + 1)) });
    assert.ok(Math.abs((shifted.cost as number) - optimum - 2) < 1e-12);
  });

  it('builds dimensions and instances outside the listed set', async () => {
    for (const id of ['bbob/3/5/17', 'bbob/7/24/1000', 'bbob/40/21/5', 'bbob/2/18/200000', 'bbob/64/15/1']) {
      const task = await bbobCollection.create(id, {});
      const [, d, fid, instance] = id.split('/').map(Number);
      assert.equal(task.space.dimension, d);
      const problem = bbobProblem(fid, d, instance);
      const value = await task.evaluate({ config: configOf(problem.xopt) });
      assert.equal(value.cost, problem.fopt, id);
    }
  });

  it('evaluates to fopt at xopt for every function in dimensions 2..40', () => {
    for (const fid of FUNCTION_IDS) {
      for (let d = 2; d <= 40; d++) {
        const problem = bbobProblem(fid, d, d % 3);
        const value = problem.evaluate(problem.xopt);
        assert.ok(Math.abs(value - problem.fopt) <= 1e-12 * Math.max(1, Math.abs(problem.fopt)), `f${fid} d=${d}: f(xopt) = ${value}, fopt = ${problem.fopt}`);
      }
    }
  });

  it('never goes below fopt near the optimum', () => {
    for (const fid of FUNCTION_IDS) {
      for (const d of [2, 5, 10]) {
        const problem = bbobProblem(fid, d, 1);
        for (let k = 1; k <= 300; k++) {
          const step = k % 7 === 0 ? 1 : 1e-3 * (k % 13);
          const x = problem.xopt.map((v, i) => v + step * Math.sin(31 * k + 7 * i));
          assert.ok(problem.evaluate(x) >= problem.fopt, `f${fid} d=${d} below fopt at ${Array.from(x)}`);
        }
      }
    }
  });

  it('gives NaN for a NaN coordinate, as COCO does', async () => {
    const task = await bbobCollection.create('bbob/2/21/0', {});
    assert.ok(Number.isNaN((await task.evaluate({ config: { x0: NaN, x1: 0 } })).cost));
  });

  it('rejects malformed ids with a message naming the value and what is valid', () => {
    const cases: Array<[string, new (...args: never[]) => HpoArenaError, RegExp]> = [
      ['bbob/2/25/0', UnknownNameError, /'25'.*Valid: 1, 2, 3.*24/],
      ['bbob/2/0/0', UnknownNameError, /'0'.*Valid: 1, 2/],
      ['bbob/2/x/0', UnknownNameError, /'x'/],
      ['bbob/1/1/0', SpecError, /dimension 1 .*integers 2\.\.1000/],
      ['bbob/2.5/1/0', SpecError, /dimension '2\.5'.*not a plain integer.*2\.\.1000/],
      ['bbob/02/1/0', SpecError, /dimension '02'/],
      ['bbob/1001/1/0', SpecError, /dimension 1001 .*out of range/],
      ['bbob/2/1/-1', SpecError, /instance '-1'.*0\.\.200000/],
      ['bbob/2/1/1.5', SpecError, /instance '1\.5'/],
      ['bbob/2/1/200001', SpecError, /instance 200001 .*out of range/],
      ['bbob/2/1', SpecError, /expected bbob\/\{dimension\}\/\{function\}\/\{instance\}/],
      ['bbob/2/1/0/0', SpecError, /not a BBOB task id/],
    ];
    for (const [id, errorClass, message] of cases) {
      assert.throws(() => bbobCollection.create(id, {}), (error: unknown) => {
        assert.ok(error instanceof errorClass, `${id}: ${String(error)}`);
        assert.match((error as Error).message, message);
        return true;
      });
    }
  });

  it('checks the arguments of bbobProblem too', () => {
    assert.throws(() => bbobProblem(25, 2, 0), UnknownNameError);
    assert.throws(() => bbobProblem(1, 1.5, 0), /dimension 1\.5 is out of range/);
    assert.throws(() => bbobProblem(1, 2, 200001), SpecError);
  });

  it('rejects a config missing a coordinate or holding a non-number', async () => {
    const task = await bbobCollection.create('bbob/3/7/1', {});
    await assert.rejects(async () => task.evaluate({ config: { x0: 1, x1: 2 } }), (error: unknown) => {
      assert.ok(error instanceof InvalidConfigError);
      assert.match((error as Error).message, /'x2' \(in \[-5, 5\]\); it is missing/);
      return true;
    });
    await assert.rejects(async () => task.evaluate({ config: { x0: 1, x1: 'a', x2: 0 } }), /'x1'.*got "a"/);
  });
});
