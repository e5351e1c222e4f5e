/** Training on the cpu backend: deterministic under the seed, and resumed training equals training from scratch. */
process.env.HPOARENA_TFJS_BACKEND = 'cpu';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkpointCache, train } from '../../../benchmarks/tfjs/training.js';
import { SMALL_CONFIGS } from './trainConfigs.js';

for (const [name, config] of Object.entries(SMALL_CONFIGS)) {
  test(`${name}: same seed, same result; another seed, another result (cpu)`, async () => {
    checkpointCache().clear();
    const a = await train({ model: 'mlp', dataset: 'iris', config, epochs: 4, seed: 11 });
    checkpointCache().clear();
    const b = await train({ model: 'mlp', dataset: 'iris', config, epochs: 4, seed: 11 });
    checkpointCache().clear();
    const c = await train({ model: 'mlp', dataset: 'iris', config, epochs: 4, seed: 12 });
    assert.equal(a.backend, 'cpu');
    assert.equal(a.validationLoss, b.validationLoss);
    assert.equal(a.validationError, b.validationError);
    assert.notEqual(a.validationLoss, c.validationLoss);
  });

  test(`${name}: 2 epochs, then continued to 5 from the checkpoint, equals 5 epochs from scratch (cpu)`, async () => {
    checkpointCache().clear();
    const scratch = await train({ model: 'mlp', dataset: 'cars', config, epochs: 5, seed: 3 });
    assert.equal(scratch.epochsReused, 0);
    checkpointCache().clear();
    const low = await train({ model: 'mlp', dataset: 'cars', config, epochs: 2, seed: 3 });
    const continued = await train({ model: 'mlp', dataset: 'cars', config, epochs: 5, seed: 3 });
    assert.equal(low.epochsReused, 0);
    assert.equal(continued.epochsReused, 2);
    assert.equal(continued.validationLoss, scratch.validationLoss);
    assert.equal(continued.validationError, scratch.validationError);
    assert.ok(continued.trainSeconds >= low.trainSeconds, 'training time counts the reused epochs');
  });
}

test('a checkpoint at more epochs than asked is not used; a different seed never shares one', async () => {
  const config = SMALL_CONFIGS.adamDropout;
  checkpointCache().clear();
  await train({ model: 'mlp', dataset: 'iris', config, epochs: 3, seed: 5 });
  assert.equal((await train({ model: 'mlp', dataset: 'iris', config, epochs: 2, seed: 5 })).epochsReused, 0);
  assert.equal((await train({ model: 'mlp', dataset: 'iris', config, epochs: 4, seed: 6 })).epochsReused, 0);
  assert.equal((await train({ model: 'mlp', dataset: 'iris', config, epochs: 4, seed: 5 })).epochsReused, 3);
});

test('the validation error of a regression task is an RMSE in the target unit (miles per gallon)', async () => {
  const result = await train({ model: 'mlp', dataset: 'cars', config: SMALL_CONFIGS.adamDropout, epochs: 20, seed: 1 });
  assert.ok(result.validationError > 1 && result.validationError < 8, `RMSE ${result.validationError}`);
  assert.ok(result.parameterCount > 0);
});

test('the CNN on synthetic images: deterministic, continued training equals training from scratch, and it learns (cpu)', async () => {
  const config = { ...SMALL_CONFIGS.adamDropout, layers: 2, units: 6, batchSize: 32 };
  const request = { model: 'cnn' as const, dataset: 'synth-img-n200-s8', config, seed: 2 };
  checkpointCache().clear();
  const scratch = await train({ ...request, epochs: 3 });
  checkpointCache().clear();
  assert.equal((await train({ ...request, epochs: 1 })).epochsReused, 0);
  const continued = await train({ ...request, epochs: 3 });
  assert.equal(continued.epochsReused, 1);
  assert.equal(continued.validationLoss, scratch.validationLoss);
  assert.equal(scratch.parameterCount, 3 * 3 * 1 * 6 + 6 + 3 * 3 * 6 * 6 + 6 + 6 * 3 + 3);
  checkpointCache().clear();
  const longer = await train({ ...request, config: { ...config, dropout: 0 }, epochs: 15 });
  assert.ok(longer.validationError < 0.4, `error ${longer.validationError} after 15 epochs (chance: 0.67)`);
});
