/** Tasks seeded per configuration (checkpointing tasks) get one seed per config in a run; others keep per-trial seeds. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SearchSpace, type Optimizer, type Task, type TrialInfo } from '../../core/index.js';
import { configSeed, runLoop } from '../../runner/index.js';

const space = new SearchSpace({ hyperparameters: [{ type: 'int', name: 'k', lower: 0, upper: 9, log: false, default: 0 }] });

async function seedsOf(trialSeeding: Task['trialSeeding'], runSeed: number, ks: number[]): Promise<number[]> {
  const seeds: number[] = [];
  const task: Task = {
    id: 'seeding-test', space, objectives: [{ name: 'loss', direction: 'minimize' }], budget: { nTrials: ks.length },
    fidelity: { name: 'epochs', min: 1, max: 4, integer: true }, trialSeeding,
    metadata: { collection: 'test', kind: 'synthetic' },
    evaluate: (t: TrialInfo) => (seeds.push(t.seed!), { cost: 0, status: 'ok', wallTime: 0, virtualTime: 0 }),
  };
  let i = 0;
  const optimizer: Optimizer = { ask: () => ({ config: { k: ks[i++] }, fidelity: 4 }), tell() {}, incumbent: () => [] };
  await runLoop({ runId: 1, task, optimizer, seed: runSeed, nTrials: ks.length, recorded: [], persist() {}, discardFrom() {} });
  return seeds;
}

test("'per-config': the same config gets the same seed in a run, other configs and other runs other seeds", async () => {
  const seeds = await seedsOf('per-config', 7, [1, 2, 1, 3, 2]);
  assert.equal(seeds[0], seeds[2]);
  assert.equal(seeds[1], seeds[4]);
  assert.equal(new Set(seeds).size, 3);
  assert.equal(seeds[0], configSeed(7, { k: 1 }));
  const otherRun = await seedsOf('per-config', 8, [1, 2, 1, 3, 2]);
  assert.notEqual(otherRun[0], seeds[0]);
});

test('per-trial seeding (the default) is unchanged: every trial its own seed', async () => {
  const seeds = await seedsOf(undefined, 7, [1, 2, 1, 3, 2]);
  assert.equal(new Set(seeds).size, 5);
  assert.deepEqual(await seedsOf('per-trial', 7, [1, 2, 1, 3, 2]), seeds);
});

test('the config seed does not depend on key order', () => {
  assert.equal(configSeed(3, { a: 1, b: 'x' }), configSeed(3, { b: 'x', a: 1 }));
});
