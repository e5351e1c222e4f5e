import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  analyzeExperiment, budgetGrid, friedmanTest, igdPlus, loadExperiment, sampleSteps, type Analysis,
} from '../../analysis/index.js';
import { paretoFront } from '../../benchmarks/pymoo/index.js';
import { hypervolume } from '../../core/index.js';
import { tempDir } from '../helpers.js';
import { handStore, type HandRun } from './fixtures/handStore.js';
import { assertClose } from './helpers.js';

const S = 'Pymoo/SO/unconstraint/sphere';
const K = 'Pymoo/SO/unconstraint/ackley';
const R = 'Pymoo/SO/unconstraint/rastrigin';

/** Three optimizers on three tasks, two seeds, 4 trials each; R is incomplete (C failed / pending). */
const RUNS: HandRun[] = [
  { optimizer: 'A', task: S, seed: 1, costs: [4, 3, 2, 1] },
  { optimizer: 'A', task: S, seed: 2, costs: [5, 5, 1, 3] },
  { optimizer: 'B', task: S, seed: 1, costs: [2, 6, 6, 6] },
  { optimizer: 'B', task: S, seed: 2, costs: [8, 2, 2, 0.5] },
  { optimizer: 'C', task: S, seed: 1, costs: [10, 9, 8, 7] },
  { optimizer: 'C', task: S, seed: 2, costs: [null, 6, 6, 6] },
  { optimizer: 'A', task: K, seed: 1, costs: [1, 1, 1, 1] },
  { optimizer: 'A', task: K, seed: 2, costs: [2, 1, 1, 1] },
  { optimizer: 'B', task: K, seed: 1, costs: [3, 1, 0, 0] },
  { optimizer: 'B', task: K, seed: 2, costs: [1, 1, 2, 2] },
  { optimizer: 'C', task: K, seed: 1, costs: [1, 1, 1, 1] },
  { optimizer: 'C', task: K, seed: 2, costs: [1, 1, 1, 1] },
  { optimizer: 'A', task: R, seed: 1, costs: [3, 2, 1, 1] },
  { optimizer: 'A', task: R, seed: 2, costs: [null, null, null, null] },
  { optimizer: 'B', task: R, seed: 1, costs: [2, 2, 2, 2] },
  { optimizer: 'C', task: R, seed: 1, costs: [5], nTrials: 4, status: 'failed' },
  { optimizer: 'C', task: R, seed: 2, costs: [], nTrials: 4, status: 'pending' },
];

function rows(table: { objects(): object[] }): Array<Record<string, any>> {
  return table.objects() as Array<Record<string, any>>;
}

function finalOf(analysis: Analysis, optimizer: string, task: string): Record<string, any> {
  return rows(analysis.final).find((r) => r.optimizer === optimizer && r.task === task)!;
}

test('sampleSteps: step function on the grid, back-filled before the first value', () => {
  const grid = [0, 0.25, 0.5, 0.75, 1];
  assert.deepEqual(sampleSteps([0.25, 0.5, 0.75, 1], [4, 3, 3, 1], grid), [4, 4, 3, 3, 1]);
  assert.deepEqual(sampleSteps([0.25, 0.5, 0.75, 1], [null, 6, 6, 6], grid), [6, 6, 6, 6, 6]);
  // Uneven budgets (multi-fidelity): several trials inside one grid cell, the last one wins.
  assert.deepEqual(sampleSteps([0.1, 0.2, 0.3, 0.9], [5, 4, 2, 1], grid), [5, 4, 2, 2, 1]);
  assert.deepEqual(sampleSteps([], [], grid), [null, null, null, null, null]);
});

test('load and incumbents: every run kept, one digest per run, crashed trials never count', async (t) => {
  const store = handStore(tempDir(t), 'hand', RUNS);
  t.after(() => store.close());
  const grid = budgetGrid(5);
  const loaded = await loadExperiment(store, 'hand', { grid });
  assert.equal(loaded.runs.length, RUNS.length);
  assert.deepEqual(loaded.runs.map((d) => d.trials), RUNS.map((r) => r.costs.length));
  const c2 = loaded.runs.find((d) => d.run.task === S && d.run.optimizer === 'C' && d.run.seed === 2)!;
  // Trials at fractions 0.25, 0.5, 0.75, 1; the first crashed: grid point 0 and 0.25 take the first value.
  assert.deepEqual(c2.incumbents, [6, 6, 6, 6, 6]);
  assert.equal(c2.finalIncumbent, 6);
  assert.equal(c2.okTrials, 3);
  assert.deepEqual(c2.costRange, { min: 6, max: 6 });
  const a1 = loaded.runs.find((d) => d.run.task === R && d.run.optimizer === 'A' && d.run.seed === 2)!;
  assert.equal(a1.inclusion, 'no successful trial');
  assert.equal((await loadExperiment(store, 'hand', { grid, tasks: ['*sphere'] })).runs.length, 6);
  await assert.rejects(loadExperiment(store, 'nope', { grid }), /Unknown experiment .*'nope'.*Valid: hand/);
  await assert.rejects(loadExperiment(store, 'hand', { grid, tasks: ['bbob/*'] }), /No run of experiment 'hand' matches --tasks bbob\/\*/);
});

test('min-max normalization, final performance, ranks with ties, tests on complete tasks', async (t) => {
  const store = handStore(tempDir(t), 'hand', RUNS);
  t.after(() => store.close());
  const analysis = await analyzeExperiment(store, 'hand', { gridPoints: 5, bootstrapResamples: 200 });
  assert.deepEqual(analysis.optimizers, ['A', 'B', 'C']);
  assert.deepEqual([...analysis.completeTasks].sort(), [K, S].sort());
  assert.deepEqual(analysis.incompleteTasks, [{ task: R, missing: ['C'] }]);
  // Sphere: observed costs span [0.5, 10].
  const a = finalOf(analysis, 'A', S);
  assert.equal(a.raw_mean, 1);
  assertClose(a.value_mean, 0.5 / 9.5, 1e-12);
  assert.equal(a.value_se, 0);
  const b = finalOf(analysis, 'B', S);
  assert.equal(b.raw_mean, 1.25);
  assertClose(b.value_mean, 0.75 / 9.5, 1e-12);
  assertClose(b.value_se, Math.abs(1.5 / 9.5 - 0) / 2, 1e-12); // sd of two values / sqrt(2) = |x1 - x2| / 2
  assertClose(finalOf(analysis, 'C', S).value_mean, 6 / 9.5, 1e-12);
  // Ackley: span [0, 3]; A and C tie at 1/3, B has 1/6.
  assertClose(finalOf(analysis, 'B', K).value_mean, 1 / 6, 1e-12);
  const perTask = rows(analysis.ranks.perTask);
  const rank = (o: string, task: string) => perTask.find((r) => r.optimizer === o && r.task === task)!.rank;
  assert.deepEqual([rank('A', S), rank('B', S), rank('C', S)], [1, 2, 3]);
  assert.deepEqual([rank('A', K), rank('B', K), rank('C', K)], [2.5, 1, 2.5]);
  const mean = rows(analysis.ranks.mean);
  assert.deepEqual(mean.map((r) => r.optimizer), ['B', 'A', 'C']);
  assert.deepEqual(mean.map((r) => r.rank), [1.5, 1.75, 2.75]);
  for (const r of mean) assert.ok(r.low <= r.rank && r.rank <= r.high, `interval of ${r.optimizer}`);
  // Anytime, sphere, A at fraction 0.5: incumbents 3 and 5 -> ((3 - 0.5) + (5 - 0.5)) / 2 / 9.5.
  const curve = rows(analysis.taskCurves).find((r) => r.optimizer === 'A' && r.task === S && r.step === 2)!;
  assertClose(curve.value_mean, 3.5 / 9.5, 1e-12);
  assert.equal(curve.raw_mean, 4);
  // C seed 2 starts with a crash: back-filled with its first incumbent (6).
  const c2 = rows(analysis.curves).filter((r) => r.optimizer === 'C' && r.task === S && r.seed === 2);
  assert.deepEqual(c2.map((r) => r.raw), [6, 6, 6, 6, 6]);
  // Mean over complete tasks at the end equals the mean of the two task means.
  const anytimeA = rows(analysis.anytime).find((r) => r.optimizer === 'A' && r.step === 4)!;
  assertClose(anytimeA.mean, (0.5 / 9.5 + 1 / 3) / 2, 1e-12);
  assert.equal(anytimeA.tasks, 2);
  // Tests on the final task x optimizer matrix.
  const expected = friedmanTest([[0.5 / 9.5, 0.75 / 9.5, 6 / 9.5], [1 / 3, 1 / 6, 1 / 3]]);
  assertClose(analysis.tests.friedman!.chiSquare, expected.chiSquare, 1e-12);
  assert.equal(analysis.tests.pairwise.length, 3);
  assert.ok(analysis.tests.nemenyi!.criticalDifference > 0);
  // Same options, same report: the bootstrap is seeded.
  const again = await analyzeExperiment(store, 'hand', { gridPoints: 5, bootstrapResamples: 200 });
  assert.deepEqual(rows(again.anytime), rows(analysis.anytime));
});

test('missing data is counted, never dropped silently', async (t) => {
  const store = handStore(tempDir(t), 'hand', RUNS);
  t.after(() => store.close());
  const analysis = await analyzeExperiment(store, 'hand', { gridPoints: 5, bootstrapResamples: 50 });
  const missing = rows(analysis.missing);
  const at = (o: string, task: string) => missing.find((r) => r.optimizer === o && r.task === task)!;
  assert.deepEqual({ ...at('A', R) }, { optimizer: 'A', task: R, runs: 2, included: 1, failed: 0, running: 0, pending: 0, no_success: 1 });
  assert.deepEqual({ ...at('C', R) }, { optimizer: 'C', task: R, runs: 2, included: 0, failed: 1, running: 0, pending: 1, no_success: 0 });
  assert.deepEqual(analysis.missingSummary, { runs: 17, included: 14, failed: 1, running: 0, pending: 1, noSuccess: 1 });
  assert.ok(analysis.notes.some((n) => n.includes(R)), 'the incomplete task is named in the notes');
  // The incomplete task keeps its per-task numbers.
  assert.equal(finalOf(analysis, 'A', R).n, 1);
  const runs = rows(analysis.runs);
  assert.equal(runs.find((r) => r.optimizer === 'C' && r.task === R && r.seed === 1)!.inclusion, 'failed');
});

test('regret, baseline and log normalizations', async (t) => {
  const store = handStore(tempDir(t), 'hand', RUNS);
  t.after(() => store.close());
  const regret = await analyzeExperiment(store, 'hand', { gridPoints: 5, bootstrapResamples: 50, normalization: 'regret' });
  // Sphere's optimum is 0: regret / (max - optimum) = 1 / 10.
  assertClose(finalOf(regret, 'A', S).value_mean, 0.1, 1e-12);
  assert.ok(regret.scales.every((s) => s.normalization === 'regret' && s.lower === 0));
  const baseline = await analyzeExperiment(store, 'hand', { gridPoints: 5, bootstrapResamples: 50, normalization: 'baseline', baseline: 'A' });
  assertClose(finalOf(baseline, 'A', S).value_mean, 1, 1e-12);
  assertClose(finalOf(baseline, 'B', S).value_mean, 1.25, 1e-12);
  assertClose(finalOf(baseline, 'B', K).value_mean, 0.5, 1e-12);
  assert.ok(baseline.tests.baseline.some((c) => c.task === S && c.optimizer === 'C' && c.a12 === 1));
  const log = await analyzeExperiment(store, 'hand', { gridPoints: 5, bootstrapResamples: 50, log: true });
  const bSphere = rows(log.runs).filter((r) => r.optimizer === 'B' && r.task === S).map((r) => r.final_value).sort((x, y) => x - y);
  assertClose(bSphere[0], -8, 1e-12); // the best run sits at 0, floored at 1e-8
  assertClose(bSphere[1], Math.log10(1.5 / 9.5), 1e-12);
  await assert.rejects(analyzeExperiment(store, 'hand', { normalization: 'baseline' }), /needs --baseline NAME, one of: A, B, C/);
  await assert.rejects(analyzeExperiment(store, 'hand', { baseline: 'Z' }), /Unknown baseline optimizer 'Z'/);
});

test('multi-objective: hypervolume-loss curves, IGD+ against the true front, Pareto summaries', async (t) => {
  const Z = 'Pymoo/MO/unconstraint/zdt1';
  const store = handStore(tempDir(t), 'mo', [
    { optimizer: 'A', task: Z, seed: 1, costs: [[1, 4], [2, 2], [4, 1]] },
    { optimizer: 'B', task: Z, seed: 1, costs: [[3, 3], [1, 5], null] },
  ]);
  t.after(() => store.close());
  const analysis = await analyzeExperiment(store, 'mo', { gridPoints: 4, bootstrapResamples: 50 });
  // Union front = A's points: ideal (1, 1), nadir (4, 4); reference 1.1 after normalization.
  const normalize = (p: number[]) => [(p[0] - 1) / 3, (p[1] - 1) / 3];
  const loss = (front: number[][]) => 1 - hypervolume(front.map(normalize), [1.1, 1.1]) / 1.21;
  const runs = rows(analysis.runs);
  const a = runs.find((r) => r.optimizer === 'A')!;
  assertClose(a.final_raw, loss([[1, 4], [2, 2], [4, 1]]), 1e-12);
  assertClose(a.hypervolume, 1 - a.final_raw, 1e-12);
  assertClose(a.igd_plus, igdPlus([[1, 4], [2, 2], [4, 1]], paretoFront(Z)), 1e-12);
  const b = runs.find((r) => r.optimizer === 'B')!;
  assertClose(b.final_raw, loss([[3, 3]]), 1e-12); // (1, 5) lies beyond the reference point
  const curveA = rows(analysis.curves).filter((r) => r.optimizer === 'A').map((r) => r.raw);
  assertClose(curveA[0], loss([[1, 4]]), 1e-12);
  assertClose(curveA[2], loss([[1, 4], [2, 2]]), 1e-12);
  assert.deepEqual(rows(analysis.ranks.perTask).map((r) => [r.optimizer, r.rank]), [['A', 1], ['B', 2]]);
  const pareto = analysis.pareto[0];
  assert.equal(pareto.task, Z);
  assert.deepEqual(pareto.fronts.find((f) => f.optimizer === 'B')!.points, [[1, 5], [3, 3]]);
  assert.equal(pareto.trueFront!.length, paretoFront(Z).length);
  // Regret: the optimum is the hypervolume loss of the true front (negative: it dominates the ideal point).
  const regret = await analyzeExperiment(store, 'mo', { gridPoints: 4, bootstrapResamples: 50, normalization: 'regret' });
  assert.ok(regret.scales[0].lower < 0);
});
