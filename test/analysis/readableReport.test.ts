import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeExperiment, naturalCompare, omnibusTestTable, taskCharts } from '../../analysis/index.js';
import { tempDir } from '../helpers.js';
import { handStore, type HandRun } from './fixtures/handStore.js';

type Spec = Record<string, any>;

test('task ids sort naturally: bbob/2/8/0 before bbob/2/15/0', () => {
  const ids = ['bbob/2/15/0', 'bbob/10/1/0', 'bbob/2/8/0', 'bbob/2/8/10', 'bbob/2/8/2', 'Pymoo/SO/a', 'bbob/2/8/0'];
  assert.deepEqual([...ids].sort(naturalCompare), ['Pymoo/SO/a', 'bbob/2/8/0', 'bbob/2/8/0', 'bbob/2/8/2', 'bbob/2/8/10', 'bbob/2/15/0', 'bbob/10/1/0']);
});

test('the report lists tasks in natural order', async (t) => {
  const runs: HandRun[] = ['bbob/2/15/0', 'bbob/2/8/0', 'bbob/2/1/0'].flatMap((task) => [
    { optimizer: 'A', task, seed: 1, costs: [3, 2] }, { optimizer: 'B', task, seed: 1, costs: [4, 1] },
  ]);
  const store = handStore(tempDir(t), 'order', runs);
  t.after(() => store.close());
  const analysis = await analyzeExperiment(store, 'order', { bootstrapResamples: 10 });
  assert.deepEqual(analysis.tasks.map((task) => task.id), ['bbob/2/1/0', 'bbob/2/8/0', 'bbob/2/15/0']);
});

/** The y encoding of a task chart (the first layer's for layered charts). */
function yOf(spec: Spec): Spec {
  return spec.layer ? spec.layer[0].encoding.y : spec.encoding.y;
}

test('per-task charts: log axis where costs span orders of magnitude; no axis below the data', async (t) => {
  const wide = (seed: number, end: number): HandRun => ({ optimizer: seed === 1 ? 'A' : 'B', task: 'bbob/8/8/0', seed: 1, costs: [500_000, 20_000, 900, end] });
  const narrow = (optimizer: string, costs: number[]): HandRun => ({ optimizer, task: 'narrow', seed: 1, costs });
  // Two seeds far apart make mean - standard error negative although every cost is positive.
  const spread = (optimizer: string, seed: number, costs: number[]): HandRun => ({ optimizer, task: 'spread', seed, costs });
  const store = handStore(tempDir(t), 'axes', [
    wide(1, 12), wide(2, 30), narrow('A', [5, 4, 3]), narrow('B', [6, 5, 4]),
    spread('A', 1, [10, 9]), spread('A', 2, [90, 80]), spread('B', 1, [20, 15]), spread('B', 2, [70, 60]),
  ]);
  t.after(() => store.close());
  const analysis = await analyzeExperiment(store, 'axes', { bootstrapResamples: 10 });
  const chart = (name: string, task: string) => taskCharts(analysis, task).find((c) => c.name === name)!.spec as Spec;

  const wideCurve = yOf(chart('task_curve', 'bbob/8/8/0'));
  assert.equal(wideCurve.scale.type, 'log');
  assert.match(wideCurve.title, /log scale/);
  assert.equal(yOf(chart('task_curve', 'narrow')).scale.type, undefined, 'a narrow range stays linear');

  const spreadCurve = chart('task_curve', 'spread');
  const lows = (spreadCurve.data.values as Array<{ low: number }>).map((v) => v.low);
  assert.ok(Math.min(...lows) >= 9, `the band stays above the lowest cost of any run: ${lows}`);
  const box = yOf(chart('task_final', 'spread'));
  assert.equal(box.scale.zero, false);
  assert.deepEqual(box.scale.domain, [9, 80], 'the boxplot axis spans the final costs, not beyond');
});

test('identical ranking on every task: no infinite Iman-Davenport F; the note says why and that few tasks give little power', async (t) => {
  const store = handStore(tempDir(t), 'same', ['t1', 't2'].flatMap((task) => [
    { optimizer: 'A', task, seed: 1, costs: [2, 1] }, { optimizer: 'B', task, seed: 1, costs: [3, 2] },
  ]));
  t.after(() => store.close());
  const analysis = await analyzeExperiment(store, 'same', { bootstrapResamples: 10 });
  assert.equal(analysis.tests.friedman?.imanDavenportF, Infinity);
  assert.ok(analysis.notes.some((n) => /Every task ranks the optimizers the same way \(A < B\).*Friedman's p = 0\.157 is the smallest 2 tasks can give/.test(n)), analysis.notes.join('\n'));
  assert.ok(analysis.notes.some((n) => /Only 2 tasks: the Friedman test has little power/.test(n)));
  const table = omnibusTestTable(analysis);
  const text = table.rows.map((row) => row.map((c) => c.text).join(': ')).join('\n');
  assert.doesNotMatch(text, /Infinity|Iman-Davenport p/);
  assert.match(text, /Iman-Davenport F: not defined \(identical ranking on every task\)/);
});

test('an experiment with no finished run says so, not "only one optimizer"', async (t) => {
  const store = handStore(tempDir(t), 'unfinished', [
    { optimizer: 'A', task: 't1', seed: 1, costs: [1], nTrials: 5, status: 'running' },
    { optimizer: 'B', task: 't1', seed: 1, costs: [], nTrials: 5, status: 'pending' },
  ]);
  t.after(() => store.close());
  const analysis = await analyzeExperiment(store, 'unfinished', { bootstrapResamples: 10 });
  assert.ok(analysis.notes.some((n) => /No run has finished with a successful trial yet/.test(n)), analysis.notes.join('\n'));
  assert.ok(!analysis.notes.some((n) => /Only one optimizer/.test(n)));
});
