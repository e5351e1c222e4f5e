import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TrialsInFlight } from '../../runner/parallel/trialsInFlight.js';
import { simulatedDuration } from '../../runner/parallel/simulatedDuration.js';
import { viewOf, type Task, type TrialValue } from '../../core/index.js';
import { createTask } from '../../benchmarks/index.js';
import { createOptimizer } from '../../optimizers/index.js';
import { runLoop } from '../../runner/runLoop.js';
import type { TrialRecord } from '../../runner/index.js';

test('the trial that ends first is finished first; equal ends go to the trial asked first; a freed slot is reused', () => {
  const pool = new TrialsInFlight<string>(3);
  pool.start('a', 5, 0);
  pool.start('b', 2, 1);
  pool.start('c', 2, 2);
  assert.equal(pool.full, true);
  const first = pool.finishNext();
  assert.deepEqual([first.trial, first.slot, first.simStart, first.simEnd, pool.now], ['b', 1, 0, 2, 2]);
  const d = pool.start('d', 0, 3); // instant: ends at 2 like c, asked later
  assert.deepEqual([d.slot, d.simStart, d.simEnd], [1, 2, 2]);
  assert.deepEqual([pool.finishNext().trial, pool.finishNext().trial, pool.finishNext().trial], ['c', 'd', 'a']);
  assert.equal(pool.now, 5);
  assert.equal(pool.size, 0);
  assert.throws(() => pool.finishNext(), /No trial in flight/);
});

test('simulated durations: virtual time, measured wall time, or the cost model scaled by fidelity', () => {
  const value: TrialValue = { cost: 1, status: 'ok', wallTime: 0.25, virtualTime: 40 };
  const task = (simulatedTime: Task['simulatedTime']) => ({ fidelity: { name: 'epochs', min: 1, max: 50, integer: true }, simulatedTime }) as unknown as Task;
  assert.equal(simulatedDuration(task({ source: 'virtual' }), { config: {}, fidelity: 10 }, value), 40);
  assert.equal(simulatedDuration(task({ source: 'measured' }), { config: {}, fidelity: 10 }, value), 0.25);
  assert.equal(simulatedDuration(task({ source: 'cost-model', secondsAtMaxFidelity: 100 }), { config: {}, fidelity: 10 }, value), 20);
  assert.equal(simulatedDuration(task(undefined), { config: {}, fidelity: 25 }, value), 0.5);
  assert.equal(simulatedDuration(task({ source: 'virtual' }), { config: {} }, { ...value, virtualTime: -3 }), 0);
});

test('resume with zero-length trials (many on one slot at one simulated time) replays the record in order', async () => {
  const base = await createTask('Pymoo/SO/unconstraint/sphere');
  // Every trial takes no simulated time: all start at 0, mostly on slot 0.
  const task: Task = { ...base, simulatedTime: { source: 'virtual' }, evaluate: (trial) => ({ ...(base.evaluate(trial) as TrialValue), virtualTime: 0 }) };
  const run = async (recorded: readonly TrialRecord[], maxTrials: number) => {
    const stored: TrialRecord[] = [...recorded];
    const result = await runLoop({
      runId: 1, task, optimizer: createOptimizer('random', viewOf(task), 3, {}, 4), seed: 3, nTrials: 40, maxTrials, parallelTrials: 4,
      recorded, persist: (r) => void stored.push(r), discardFrom: (i) => void stored.splice(i),
    });
    return { stored, result };
  };
  const full = await run([], 40);
  assert.ok(full.stored.every((r) => r.simStart === 0 && r.simEnd === 0));
  const resumed = await run(full.stored.slice(0, 13), 40);
  assert.equal(resumed.result.replayed, 13);
  assert.equal(resumed.result.divergedAt, null);
  assert.deepEqual(resumed.stored.map(strip), full.stored.map(strip));
});

/** Wall time differs between evaluations; everything else must match. */
function strip(record: TrialRecord): unknown {
  return { ...record, wallTime: 0 };
}
