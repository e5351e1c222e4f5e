/** The tfjs collection: listing, ids, evaluation, the child-process trainer on wasm, and checkpoint reuse in a hyperband run. */
process.env.HPOARENA_TFJS_BACKEND = 'cpu';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SpecError, UnknownNameError, viewOf, type Task, type TrialInfo } from '../../../core/index.js';
import { createTask, listTasks } from '../../../benchmarks/index.js';
import { parseTfjsId, tfjsCollection } from '../../../benchmarks/tfjs/index.js';
import { tfjsTask } from '../../../benchmarks/tfjs/task.js';
import { childProcessTrainer } from '../../../benchmarks/tfjs/trainer.js';
import { createOptimizer } from '../../../optimizers/index.js';
import { runLoop, type TrialRecord } from '../../../runner/index.js';

const CONFIG = { learning_rate: 0.01, batch_size: 16, n_layers: 2, units: 16, dropout: 0.2, weight_decay: 0.001, activation: 'relu', optimizer: 'rmsprop', momentum: 0.5 };

test('the collection lists six MLP datasets and one CNN image set in six variants each, all four task types', () => {
  const tasks = listTasks().filter((t) => t.collection === 'tfjs');
  assert.equal(tasks.length, 7 * 6);
  assert.deepEqual(new Set(tasks.map((t) => t.type)), new Set(['blackbox', 'multi-fidelity', 'multi-objective', 'multi-fidelity-multi-objective']));
  assert.ok(tasks.some((t) => t.id === 'tfjs/mlp/iris'));
  assert.ok(tasks.every((t) => t.available && t.dimension === 9));
});

test('unknown ids and synthetic sizes out of range get one clear message', async () => {
  await assert.rejects(createTask('tfjs/mlp/irs'), (e: Error) => e instanceof UnknownNameError && /tfjs\/mlp\/iris/.test(e.message));
  await assert.rejects(createTask('tfjs/mlp/synth-cls-n5-d3'), (e: Error) => e instanceof SpecError && /rows in \[20/.test(e.message));
  assert.equal(parseTfjsId('tfjs/mlp/synth-reg-n300-d4/epochs/time')?.second, 'time');
  assert.equal(parseTfjsId('tfjs/cnn/synth-img-n500-s16/epochs')?.model, 'cnn');
  assert.equal(parseTfjsId('tfjs/cnn/iris'), undefined, 'the CNN needs an image set');
  await assert.rejects(createTask('tfjs/cnn/synth-img-n100-s2'), /side in \[4, 64\]/);
});

test('an MO-MF task trains at the asked epochs and returns [error, parameter count] with the backend recorded', async () => {
  const task = await createTask('tfjs/mlp/iris/epochs/params');
  try {
    assert.equal(task.trialSeeding, 'per-config');
    const value = await task.evaluate({ config: CONFIG, fidelity: 2, seed: 4 });
    const [error, params] = value.cost as number[];
    assert.ok(error >= 0 && error <= 1);
    assert.equal(params, 4 * 16 + 16 + 16 * 16 + 16 + 16 * 3 + 3);
    assert.equal(value.info?.backend, 'cpu');
    assert.equal(value.info?.epochs, 2);
    await assert.rejects(Promise.resolve().then(() => task.evaluate({ config: CONFIG, fidelity: 28 })), /epochs, an integer in \[1, 27\]/);
    await assert.rejects(Promise.resolve().then(() => task.evaluate({ config: { ...CONFIG, units: 1000 } })), /units/);
  } finally {
    await task.close?.();
  }
});

test('in a child process on wasm: deterministic under the seed, and continued training equals training from scratch', async () => {
  const wasm = { ...process.env, HPOARENA_TFJS_BACKEND: 'wasm' };
  const spec = parseTfjsId('tfjs/mlp/penguins/epochs')!;
  const first = tfjsTask(spec, childProcessTrainer(wasm));
  const second = tfjsTask(spec, childProcessTrainer(wasm));
  try {
    const low = await first.evaluate({ config: CONFIG, fidelity: 2, seed: 9 });
    const continued = await first.evaluate({ config: CONFIG, fidelity: 4, seed: 9 });
    const scratch = await second.evaluate({ config: CONFIG, fidelity: 4, seed: 9 });
    assert.equal(low.info?.backend, 'wasm');
    assert.equal(continued.info?.epochs_reused, 2);
    assert.equal(scratch.info?.epochs_reused, 0);
    assert.equal(continued.info?.validation_loss, scratch.info?.validation_loss);
    assert.equal(continued.cost, scratch.cost);
  } finally {
    first.close?.();
    second.close?.();
  }
});

async function hyperbandRun(task: Task, seed: number): Promise<TrialRecord[]> {
  const view = viewOf(task);
  const records: TrialRecord[] = [];
  const seeds: number[] = [];
  const seeded: Task = { ...task, evaluate: (trial: TrialInfo) => (seeds.push(trial.seed!), task.evaluate(trial)) };
  await runLoop({ runId: 1, task: seeded, optimizer: createOptimizer('hyperband', { ...view, budget: { nTrials: 2 } }, seed), seed, nTrials: 2, recorded: [], persist: (r) => void records.push(r), discardFrom: () => {} });
  return records.map((r, i) => ({ ...r, info: { ...r.info, seed: seeds[i] } }));
}

test('hyperband promotions continue from the checkpoint: same seed per config, epochs reused', async () => {
  const task = await createTask('tfjs/mlp/iris/epochs');
  try {
    const records = await hyperbandRun(task, 3);
    const promoted = records.filter((r) => r.fidelity === 3);
    assert.equal(records.filter((r) => r.fidelity === 1).length, 27);
    assert.equal(promoted.length, 9);
    for (const r of promoted) {
      const earlier = records.find((e) => e.fidelity === 1 && JSON.stringify(e.config) === JSON.stringify(r.config))!;
      assert.equal(r.info!.seed, earlier.info!.seed, 'one seed per configuration in a run');
      assert.equal(r.info!.epochs_reused, 1);
    }
  } finally {
    await task.close?.();
  }
});

test('the tfjs collection is registered like the others', () => {
  assert.equal(tfjsCollection.owns('tfjs/mlp/cars/time'), true);
  assert.equal(tfjsCollection.owns('bbob/2/1/0'), false);
});
