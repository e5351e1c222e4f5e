import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rng, SearchSpace, type Optimizer, type Task, type TrialInfo } from '../../core/index.js';
import { runLoop, type TrialRecord } from '../../runner/index.js';

const space = new SearchSpace({ hyperparameters: [{ type: 'float', name: 'x', lower: 0, upper: 1, log: false, default: 0.5 }] });

function task(extra: Partial<Task> = {}): Task {
  return {
    id: 'budget-test', space, objectives: [{ name: 'loss', direction: 'minimize' }], budget: { nTrials: 10 },
    metadata: { collection: 'test', kind: 'synthetic' },
    evaluate: (t) => ({ cost: t.config.x as number, status: 'ok', wallTime: 0, virtualTime: 5 }),
    ...extra,
  };
}

function optimizer(fidelity?: number): Optimizer & { told: TrialInfo[] } {
  const rng = new Rng(1);
  const told: TrialInfo[] = [];
  return { told, ask: () => ({ config: space.sample(rng), fidelity }), tell: (info) => void told.push(info), incumbent: () => [] };
}

async function loop(t: Task, o: Optimizer, extra: { nTrials?: number; timeBudget?: number } = {}) {
  const stored: TrialRecord[] = [];
  const result = await runLoop({ runId: 1, task: t, optimizer: o, seed: 1, nTrials: extra.nTrials ?? 10, timeBudget: extra.timeBudget, recorded: [], persist: (r) => void stored.push(r), discardFrom: () => {} });
  return { result, stored };
}

test('a trial at fidelity b costs b / max_fidelity of one trial', async () => {
  const mf = task({ fidelity: { name: 'epoch', min: 1, max: 50, integer: true } });
  const { result, stored } = await loop(mf, optimizer(10));
  assert.equal(result.trials, 50); // 10 trials of budget at 10/50 each
  assert.ok(Math.abs(result.budgetUsed - 10) < 1e-9);
  assert.ok(Math.abs(stored.at(-1)!.budgetUsed - 10) < 1e-9);
  const full = await loop(mf, optimizer());
  assert.equal(full.result.trials, 10);
  assert.equal(full.stored[0].fidelity, 50, 'no fidelity means max fidelity');
});

test('the time budget counts wall time plus virtual time', async () => {
  const { result } = await loop(task(), optimizer(), { nTrials: 1000, timeBudget: 23 });
  assert.equal(result.trials, 5); // 5 s virtual per trial: stops once 23 s are used
});

test('proposals outside the space or the fidelity range fail the run', async () => {
  const bad: Optimizer = { ask: () => ({ config: { x: 2 } }), tell() {}, incumbent: () => [] };
  await assert.rejects(loop(task(), bad), /'x'/);
  const mf = task({ fidelity: { name: 'epoch', min: 1, max: 50, integer: true } });
  await assert.rejects(loop(mf, optimizer(60)), /epoch = 60 is outside \[1, 50\]/);
  await assert.rejects(loop(task(), optimizer(3)), /has no fidelity/);
});

test('the task sees a per-trial seed derived from the run seed', async () => {
  const seeds: number[] = [];
  const t = task({ evaluate: (info) => (seeds.push(info.seed!), { cost: 0, status: 'ok', wallTime: 0, virtualTime: 0 }) });
  await loop(t, optimizer());
  assert.equal(new Set(seeds).size, 10);
  const again: number[] = [];
  await loop(task({ evaluate: (info) => (again.push(info.seed!), { cost: 0, status: 'ok', wallTime: 0, virtualTime: 0 }) }), optimizer());
  assert.deepEqual(again, seeds);
});

test('the optimizer plans with the run budget, including an --n-trials / time-budget override', async (t) => {
  const { registerOptimizer } = await import('../../optimizers/index.js');
  const { randomSearchFactory } = await import('../../optimizers/random/randomSearch.js');
  const { openSqliteStore, runExperiment } = await import('../../runner/index.js');
  const { tempDir } = await import('../helpers.js');
  const { join } = await import('node:path');
  const seen: Array<{ nTrials: number; seconds?: number }> = [];
  registerOptimizer({ ...randomSearchFactory, name: 'test-budget-probe', create: (view, seed, options) => {
    seen.push(view.budget);
    return randomSearchFactory.create(view, seed, options);
  } });
  const store = openSqliteStore(join(tempDir(t), 'b.db'));
  t.after(() => store.close());
  await runExperiment(store, { experiment: 'b', optimizers: [{ name: 'test-budget-probe', label: 'p', options: {} }], tasks: ['Pymoo/SO/unconstraint/sphere'], seeds: [1], nTrials: 7, timeBudget: 30 }, { workers: 0 });
  assert.deepEqual(seen, [{ nTrials: 7, seconds: 30 }]);
});
