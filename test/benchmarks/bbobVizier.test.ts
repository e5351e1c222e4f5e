import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Rng, UnknownNameError, type Config } from '../../core/index.js';
import { bbobVizierCollection, FUNCTION_IDS } from '../../benchmarks/bbob/index.js';
import { createTask, listTasks } from '../../benchmarks/registry.js';
import { carpsRows, skipWithout } from './yahpoData.js';

const point = (rng: Rng): Config => Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`x${i}`, -5 + 10 * rng.random()]));

describe('bbob_vizier collection', () => {
  it("lists exactly CARP-S's 24 bbob_vizier ids, blackbox, d = 20, n_trials 100", { skip: skipWithout('reference/carps-tasks.csv') }, () => {
    const rows = carpsRows((id) => id.startsWith('bbob_vizier/'));
    assert.equal(rows.length, 24);
    const listed = new Map(listTasks().filter((t) => t.collection === 'bbob_vizier').map((t) => [t.id, t]));
    assert.deepEqual([...listed.keys()].sort(), rows.map((r) => r.id).sort());
    for (const row of rows) {
      const task = listed.get(row.id)!;
      assert.equal(task.type, row.type);
      assert.equal(task.nTrials, row.nTrials);
      assert.equal(task.dimension, 20);
      assert.ok(task.available);
    }
  });

  it('is bbob/20/{f}/0 under its own id and budget: same space, same values, same optimum', async () => {
    const rng = new Rng('bbob_vizier');
    for (const fid of FUNCTION_IDS) {
      const vizier = await createTask(`bbob_vizier/20/${fid}/0`);
      const bbob = await createTask(`bbob/20/${fid}/0`);
      assert.equal(vizier.id, `bbob_vizier/20/${fid}/0`);
      assert.deepEqual(vizier.budget, { nTrials: 100 });
      assert.deepEqual(bbob.budget, { nTrials: 199 });
      assert.equal(vizier.metadata.collection, 'bbob_vizier');
      assert.equal(vizier.metadata.optimum, bbob.metadata.optimum);
      assert.deepEqual(vizier.metadata.xopt, bbob.metadata.xopt);
      assert.deepEqual(vizier.space.toDefinition(), bbob.space.toDefinition());
      for (const config of [point(rng), point(rng), point(rng), Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`x${i}`, 0]))]) {
        assert.equal((await vizier.evaluate({ config })).cost, (await bbob.evaluate({ config })).cost, `f${fid}`);
      }
      // At x_opt the cost is f_opt: the instance-0 transformation really is applied.
      const atOptimum = Object.fromEntries((vizier.metadata.xopt as number[]).map((v, i) => [`x${i}`, v]));
      assert.ok(Math.abs(((await vizier.evaluate({ config: atOptimum })).cost as number) - (vizier.metadata.optimum as number)) < 1e-8, `f${fid} at x_opt`);
    }
  });

  it('refuses other dimensions, functions and instances, naming what exists', () => {
    for (const id of ['bbob_vizier/20/25/0', 'bbob_vizier/10/3/0', 'bbob_vizier/20/3/1']) {
      assert.throws(() => bbobVizierCollection.create(id, {}), (error: Error) => error instanceof UnknownNameError && error.message.includes(`'${id}'`) && /Did you mean 'bbob_vizier\/20\/\d+\/0'/.test(error.message));
    }
  });
});
