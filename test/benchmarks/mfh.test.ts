/**
 * MF-Hartmann tasks. Expected values were worked out by hand (a few lines of plain Python's math
 * module) from mf-prior-bench's generator:
 *   value = -sum_i (alpha_i - bias (1 - s)) exp(-sum_j A_ij (x_j - 1e-4 P_ij)^2) + |N(0,1)| noise (1 - s),
 *   s = ln z / ln 100.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidConfigError, UnknownNameError, taskTypeOf, type Config, type Task, type TrialValue } from '../../core/index.js';
import { mfhCollection } from '../../benchmarks/mfh/index.js';
import { biasedHartmann, hartmann3 } from '../../benchmarks/mfh/hartmann.js';
import { createTask } from '../../benchmarks/registry.js';
import { carpsRows, skipWithoutCatalogue } from './carpsCatalogue.js';

function build(name: string): Task {
  const task = mfhCollection.create(`mfpbench/SO/mfh/${name}`, {});
  assert.ok(!(task instanceof Promise));
  return task;
}

function run(task: Task, config: Config, fidelity?: number, seed?: number): TrialValue {
  const value = task.evaluate({ config, fidelity, seed });
  assert.ok(!(value instanceof Promise));
  return value;
}

const cost = (v: TrialValue) => v.cost as number;
const mid3 = { X_0: 0.5, X_1: 0.5, X_2: 0.5 };
const mid6 = { X_0: 0.5, X_1: 0.5, X_2: 0.5, X_3: 0.5, X_4: 0.5, X_5: 0.5 };

describe('mfh catalogue', () => {
  it('lists the 8 CARP-S MF-Hartmann tasks with their n_trials', { skip: skipWithoutCatalogue }, () => {
    const rows = carpsRows('mfpbench/SO/mfh/');
    assert.equal(rows.length, 8);
    const listed = new Map(mfhCollection.list({}).map((t) => [t.id, t]));
    assert.deepEqual([...listed.keys()].sort(), rows.map((r) => r.taskId).sort());
    for (const row of rows) {
      const t = listed.get(row.taskId)!;
      assert.equal(row.type, 'MF');
      assert.equal(t.type, 'multi-fidelity');
      assert.equal(t.nTrials, row.nTrials, row.taskId);
      const task = build(row.taskId.split('/').pop()!);
      assert.equal(task.budget.nTrials, row.nTrials);
      assert.equal(task.space.dimension, t.dimension);
    }
  });

  it("has mf-prior-bench's space, fidelity and objective", () => {
    for (const [name, d, optimum] of [['mfh3_good', 3, -3.86278], ['mfh6_terrible', 6, -3.32237]] as const) {
      const task = build(name);
      assert.equal(taskTypeOf(task), 'multi-fidelity');
      assert.deepEqual(task.fidelity, { name: 'z', min: 1, max: 100, integer: true });
      assert.deepEqual(task.objectives, [{ name: 'value', direction: 'minimize' }]);
      assert.equal(task.space.dimension, d);
      for (let i = 0; i < d; i++) {
        const hp = task.space.get(`X_${i}`);
        assert.ok(hp && hp.type === 'float' && hp.lower === 0 && hp.upper === 1 && hp.default === 0.5, `X_${i}`);
      }
      assert.equal(task.metadata.optimum, optimum);
    }
  });

  it('is reachable through the registry and rejects unknown ids', async () => {
    const task = await createTask('mfpbench/SO/mfh/mfh6_bad');
    assert.equal(task.space.dimension, 6);
    await assert.rejects(async () => createTask('mfpbench/SO/mfh/mfh3_great'), (e: unknown) =>
      e instanceof UnknownNameError && /mfh3_great/.test(e.message) && /mfpbench\/SO\/mfh\/mfh3_good/.test(e.message));
  });
});

describe('mfh values', () => {
  it('is the plain Hartmann function at the highest fidelity, noiseless and seed-free', () => {
    const opt3 = { X_0: 0.114614, X_1: 0.555649, X_2: 0.852547 };
    assert.ok(Math.abs(cost(run(build('mfh3_terrible'), opt3)) - -3.8627797869493365) < 1e-12);
    const opt6 = { X_0: 0.20169, X_1: 0.150011, X_2: 0.476874, X_3: 0.275332, X_4: 0.311652, X_5: 0.6573 };
    assert.ok(Math.abs(cost(run(build('mfh6_good'), opt6, 100, 3)) - -3.322368011391339) < 1e-12);
    const a = cost(run(build('mfh3_bad'), mid3, 100, 1));
    assert.equal(a, cost(run(build('mfh3_bad'), mid3, 100, 2)));
    assert.ok(Math.abs(a - -0.6280220150705937) < 1e-12);
    assert.ok(Math.abs(cost(run(build('mfh6_moderate'), mid6)) - -0.5053149917022333) < 1e-12);
  });

  it('flattens with the level bias at low fidelity', () => {
    // noiseless parts: good (bias 2.5) at z = 1 and z = 10, terrible (bias 4) at z = 1, 6-d bad (bias 3.5) at z = 1
    assert.ok(Math.abs(biasedHartmann(hartmann3, [0.5, 0.5, 0.5], 1, 2.5) - 0.13709839360324794) < 1e-12);
    assert.ok(Math.abs(biasedHartmann(hartmann3, [0.5, 0.5, 0.5], 10, 2.5) - -0.24546181073367293) < 1e-12);
    assert.ok(Math.abs(biasedHartmann(hartmann3, [0.5, 0.5, 0.5], 1, 4.0) - 0.596170638807553) < 1e-12);
    // the task adds non-negative noise on top of them
    assert.ok(cost(run(build('mfh3_good'), mid3, 1, 7)) >= 0.13709839360324794);
    assert.ok(cost(run(build('mfh3_good'), mid3, 10, 7)) >= -0.24546181073367293);
    assert.ok(cost(run(build('mfh6_bad'), mid6, 1, 7)) >= 0.22286822103609805);
  });

  it('draws half-normal noise scaled by noise (1 - s), deterministic per (config, fidelity, seed)', () => {
    const good = build('mfh3_good'), terrible = build('mfh3_terrible');
    const x = { X_0: 0.3, X_1: 0.6, X_2: 0.9 };
    const base = (bias: number, z: number) => biasedHartmann(hartmann3, [0.3, 0.6, 0.9], z, bias);
    assert.equal(cost(run(good, x, 5, 42)), cost(run(good, x, 5, 42)));
    assert.notEqual(cost(run(good, x, 5, 42)), cost(run(good, x, 5, 43)));
    assert.notEqual(cost(run(good, x, 5, 42)) - base(2.5, 5), cost(run(good, x, 6, 42)) - base(2.5, 6));
    // same (x, z, seed) -> the same standard draw, scaled by each level's noise (2 vs 5)
    const s = Math.log(5) / Math.log(100);
    const drawGood = (cost(run(good, x, 5, 42)) - base(2.5, 5)) / (2 * (1 - s));
    const drawTerrible = (cost(run(terrible, x, 5, 42)) - base(4, 5)) / (5 * (1 - s));
    assert.ok(drawGood >= 0 && Math.abs(drawGood - drawTerrible) < 1e-9);
    // the mean of |N(0, 1)| is sqrt(2 / pi) ~ 0.798 (standard error here ~ 0.01)
    let total = 0;
    const n = 4000;
    for (let seed = 0; seed < n; seed++) total += (cost(run(good, x, 1, seed)) - base(2.5, 1)) / 2;
    assert.ok(Math.abs(total / n - Math.sqrt(2 / Math.PI)) < 0.04, `mean ${total / n}`);
  });

  it("reports mf-prior-bench's fid_cost as virtual time and truncates the fidelity like CARP-S's int()", () => {
    const task = build('mfh3_moderate');
    const v = run(task, mid3, 50, 1);
    assert.ok(Math.abs(v.virtualTime - 0.2875) < 1e-12); // 0.05 + 0.95 (50 / 100)^2
    assert.equal(run(task, mid3).virtualTime, 1);
    assert.equal(cost(run(task, mid3, 50.9, 1)), v.cost);
    assert.equal(v.status, 'ok');
  });

  it('rejects fidelities outside [1, 100] and configs missing a parameter', () => {
    const task = build('mfh3_good');
    for (const z of [0, 0.5, 101, Number.NaN]) {
      assert.throws(() => task.evaluate({ config: mid3, fidelity: z }), (e: unknown) => e instanceof InvalidConfigError && /fidelity z in \[1, 100\]/.test(e.message), String(z));
    }
    assert.throws(() => task.evaluate({ config: { X_0: 0.5, X_2: 0.5 } }), (e: unknown) => e instanceof InvalidConfigError && /'X_1'/.test(e.message));
  });
});
