import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SpecError, UnknownNameError, type TaskType } from '../../core/index.js';
import type { RunRecord, TrialRecord } from '../../runner/store/types.js';
import { embedTasks, finalCost, finalCostRows, inferTaskType, planSubsets, type FinalCostRow } from '../../subsets/index.js';

function row(task: string, optimizer: string, seed: number, finalCost: number | number[], taskType: TaskType = 'blackbox'): FinalCostRow {
  return { task, taskType, optimizer, seed, finalCost };
}

function trial(runId: number, index: number, cost: number | number[] | null, status: TrialRecord['status'] = 'ok', fidelity: number | null = null): TrialRecord {
  return { runId, index, config: {}, fidelity, cost, status, wallTime: 0, virtualTime: 0, budgetUsed: index + 1, info: null };
}

describe('task embedding', () => {
  it('normalizes per task across all runs, averages seeds, rescales each coordinate to [0,1]', () => {
    const rows = [
      // task a: costs 0..10 -> normalized cost / 10
      row('a', 'gp', 0, 0), row('a', 'gp', 1, 2), row('a', 'random', 0, 10), row('a', 'random', 1, 6), row('a', 'cmaes', 0, 5),
      // task b: costs 100..200; an extra optimizer takes part in the normalization
      row('b', 'gp', 0, 150), row('b', 'random', 0, 150), row('b', 'cmaes', 0, 175), row('b', 'tpe', 0, 100), row('b', 'tpe', 1, 200),
      // task c: everything ties -> all zeros
      row('c', 'gp', 0, 3), row('c', 'random', 0, 3), row('c', 'cmaes', 0, 3),
    ];
    const e = embedTasks(rows, { type: 'blackbox' });
    assert.deepEqual(e.optimizers, ['gp', 'random', 'cmaes']);
    assert.deepEqual(e.tasks, ['a', 'b', 'c']);
    // raw means: a = [0.1, 0.8, 0.5], b = [0.5, 0.5, 0.75], c = [0, 0, 0]; then per-coordinate min-max
    const expected = [[0.2, 1, 2 / 3], [1, 0.625, 1], [0, 0, 0]];
    e.points.forEach((p, i) => p.forEach((v, o) => assert.ok(Math.abs(v - expected[i][o]) < 1e-12, `task ${e.tasks[i]} coordinate ${o}: ${v}`)));
    assert.deepEqual(e.skipped, []);
  });

  it('keeps only the asked type, skips tasks missing a reference optimizer and says why', () => {
    const rows = [
      row('a', 'x', 0, 1), row('a', 'y', 0, 2),
      row('b', 'x', 0, 1),
      row('m', 'x', 0, [1, 2], 'multi-objective'), row('m', 'y', 0, [2, 1], 'multi-objective'),
    ];
    const e = embedTasks(rows, { type: 'blackbox', optimizers: ['x', 'y'] });
    assert.deepEqual(e.tasks, ['a']);
    assert.deepEqual(e.skipped, [{ task: 'b', reason: 'no finished run of y' }]);
  });

  it('multi-objective: per-objective min-max of the best of each objective, averaged over objectives', () => {
    const mo = (task: string, optimizer: string, cost: number[]) => row(task, optimizer, 0, cost, 'multi-objective');
    const rows = [
      mo('p', 'random', [0, 10]), mo('p', 'motpe', [4, 0]), mo('p', 'nsga2', [2, 5]),
      mo('q', 'random', [1, 1]), mo('q', 'motpe', [3, 3]), mo('q', 'nsga2', [2, 1]),
    ];
    const e = embedTasks(rows, { type: 'multi-objective' });
    assert.deepEqual(e.optimizers, ['random', 'motpe', 'nsga2']);
    // p: random (0 + 1)/2 = 0.5, motpe (1 + 0)/2 = 0.5, nsga2 (0.5 + 0.5)/2 = 0.5; q: random 0, motpe 1, nsga2 (0.5 + 0)/2 = 0.25
    // rescaled per coordinate: random [1, 0], motpe [0, 1], nsga2 [1, 0]
    assert.deepEqual(e.points, [[1, 0, 1], [0, 1, 0]]);
  });

  it('rejects an empty or unknown type, no tasks of the type, and bad optimizer lists', () => {
    const rows = [row('a', 'gp', 0, 1), row('a', 'random', 0, 2), row('a', 'cmaes', 0, 3)];
    assert.throws(() => embedTasks(rows, { type: '' as TaskType }), (e: unknown) => e instanceof SpecError && /empty/.test(e.message));
    assert.throws(() => embedTasks(rows, { type: 'blackbx' as TaskType }), (e: unknown) => e instanceof UnknownNameError && /'blackbx'/.test(e.message) && /blackbox/.test(e.message));
    assert.throws(() => embedTasks(rows, { type: 'multi-fidelity' }), (e: unknown) => e instanceof SpecError && /No multi-fidelity tasks/.test(e.message) && /blackbox/.test(e.message));
    assert.throws(() => embedTasks(rows, { type: 'blackbox', optimizers: ['gp', 'tpe'] }), (e: unknown) => e instanceof SpecError && /tpe/.test(e.message));
    assert.throws(() => embedTasks(rows, { type: 'blackbox', optimizers: [] }), SpecError);
    assert.throws(() => embedTasks(rows, { type: 'blackbox', optimizers: ['gp', 'gp'] }), (e: unknown) => e instanceof SpecError && /'gp'/.test(e.message));
  });

  it('plans dev and test subset files from rows, with k checked against the number of tasks', () => {
    const rows: FinalCostRow[] = [];
    for (let t = 0; t < 30; t++) for (const [o, optimizer] of ['gp', 'random', 'cmaes'].entries()) rows.push(row(`task${t}`, optimizer, 0, Math.sin(t * (o + 1))));
    const { files, embedding } = planSubsets(rows, 'exp', { type: 'blackbox', k: 5, sets: ['dev', 'test'], tries: 2 });
    assert.equal(embedding.tasks.length, 30);
    assert.deepEqual(files.map((f) => f.set), ['dev', 'test']);
    const ids = files.flatMap((f) => f.tasks.map((t) => t.id));
    assert.equal(new Set(ids).size, 10);
    assert.throws(() => planSubsets(rows, 'exp', { type: 'blackbox', k: 16, sets: ['dev', 'test'] }), (e: unknown) => e instanceof SpecError && /k = 16/.test(e.message) && /only 30/.test(e.message));
  });
});

describe('final costs from stored runs', () => {
  it('best ok cost, per objective for vectors; nothing without an ok trial', () => {
    assert.equal(finalCost([trial(1, 0, 5), trial(1, 1, 2), trial(1, 2, -1, 'crashed'), trial(1, 3, null), trial(1, 4, 3)]), 2);
    assert.deepEqual(finalCost([trial(1, 0, [3, 1]), trial(1, 1, [1, 4]), trial(1, 2, [0, 0], 'timeout')]), [1, 1]);
    assert.equal(finalCost([trial(1, 0, 1, 'crashed')]), undefined);
  });

  it('rows come from done runs only; task types from the lookup, else inferred from the trials', async () => {
    const run = (id: number, task: string, optimizerLabel: string, status: RunRecord['status']) =>
      ({ id, experiment: 'e', optimizer: optimizerLabel, optimizerOptions: {}, optimizerLabel, task, seed: id, status, error: null, nTrials: 2, budgetUsed: 2, startedAt: null, finishedAt: null }) as RunRecord;
    const runs = [run(1, 'known', 'gp', 'done'), run(2, 'unknown-mo', 'gp', 'done'), run(3, 'known', 'gp', 'failed'), run(4, 'unknown-mf', 'gp', 'done')];
    const trials: Record<number, TrialRecord[]> = {
      1: [trial(1, 0, 4), trial(1, 1, 3)],
      2: [trial(2, 0, [1, 2])],
      3: [trial(3, 0, 0)],
      4: [trial(4, 0, 7, 'ok', 0.5)],
    };
    const source = {
      async *runTrials() {
        for (const run of runs) yield { run, trials: trials[run.id] };
      },
    };
    const rows = await finalCostRows(source, 'e', (task) => (task === 'known' ? 'blackbox' : undefined));
    assert.deepEqual(rows, [
      { task: 'known', taskType: 'blackbox', optimizer: 'gp', seed: 1, finalCost: 3 },
      { task: 'unknown-mo', taskType: 'multi-objective', optimizer: 'gp', seed: 2, finalCost: [1, 2] },
      { task: 'unknown-mf', taskType: 'multi-fidelity', optimizer: 'gp', seed: 4, finalCost: 7 },
    ]);
    assert.equal(inferTaskType([trial(1, 0, [1, 2], 'ok', 3)]), 'multi-fidelity-multi-objective');
  });
});
