import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyzeExperiment, frontsOverTime, simulatedTimes, timeEvents, type Analysis } from '../../analysis/index.js';
import { openSqliteStore, type SqliteStore, type TrialRecord } from '../../runner/index.js';
import { tempDir } from '../helpers.js';

const S = 'Pymoo/SO/unconstraint/sphere';
const K = 'Pymoo/SO/unconstraint/ackley';

interface TimedRun {
  readonly optimizer: string;
  readonly task: string;
  readonly costs: ReadonlyArray<number | number[]>;
  /** Virtual time of each trial. */
  readonly virtual: readonly number[];
  /** Simulated end of each trial (a run with parallel trials); trials are stored in this order. */
  readonly simEnd?: readonly number[];
}

function timedStore(dir: string, runs: readonly TimedRun[]): SqliteStore {
  const store = openSqliteStore(join(dir, 'timed.db'));
  store.ensureExperiment('timed', {});
  store.addRuns('timed', runs.map((r) => ({ optimizer: 'random', optimizerLabel: r.optimizer, optimizerOptions: {}, task: r.task, seed: 1, nTrials: r.costs.length })));
  const ids = new Map(store.listRuns('timed').map((r) => [`${r.optimizerLabel}|${r.task}`, r.id]));
  for (const run of runs) {
    const id = ids.get(`${run.optimizer}|${run.task}`)!;
    store.appendTrials(run.costs.map((cost, index): TrialRecord => ({
      runId: id, index, config: { x: index }, fidelity: null, cost, status: 'ok', wallTime: 0.001, virtualTime: run.virtual[index], budgetUsed: index + 1, info: null,
      ...(run.simEnd ? { simStart: run.simEnd[index] - run.virtual[index], simEnd: run.simEnd[index], slot: index % 2 } : {}),
    })));
    store.finishRun(id, 'done', run.costs.length);
  }
  return store;
}

function curve(analysis: Analysis, optimizer: string, task: string): number[] {
  return (analysis.curves.objects() as Array<Record<string, any>>).filter((r) => r.optimizer === optimizer && r.task === task).map((r) => r.raw);
}

test('simulated time: cumulative virtual time, or simEnd where the run loop recorded one', () => {
  const trial = (virtualTime: number, extra: Partial<TrialRecord> = {}) => ({ virtualTime, ...extra }) as TrialRecord;
  assert.deepEqual(simulatedTimes([trial(2), trial(3), trial(1)]), [2, 5, 6]);
  assert.deepEqual(simulatedTimes([trial(2, { simEnd: 2 }), trial(3, { simEnd: 3 }), trial(1, { simEnd: 3.5 })]), [2, 3, 3.5]);
  // Out of order on the clock: events follow simulated end time, not record order.
  const ok = (cost: number | number[]) => ({ status: 'ok', cost }) as TrialRecord;
  const events = timeEvents([ok(5), ok(3), ok(4)], [10, 2, 1]);
  assert.deepEqual({ times: events.times, values: events.values }, { times: [1, 2], values: [4, 3] });
  const mo = timeEvents([ok([1, 3]), ok([3, 1]), ok([2, 4]), ok([0.5, 0.5])], [1, 2, 3, 4]);
  assert.deepEqual(mo.vectors, [[1, 3], [3, 1], [0.5, 0.5]]);
  assert.deepEqual(frontsOverTime(mo, 4, [0, 0.25, 0.5, 1]), [[[1, 3]], [[1, 3]], [[1, 3], [3, 1]], [[0.5, 0.5]]]);
});

test('--axis time: curves on the simulated clock; the budget axis is unchanged', async (t) => {
  // Same costs, but 'fast' evaluates 10x faster than 'slow': on the time axis it improves first.
  const store = timedStore(tempDir(t), [
    { optimizer: 'fast', task: S, costs: [4, 3, 2, 1], virtual: [1, 1, 1, 1] },
    { optimizer: 'slow', task: S, costs: [4, 3, 2, 1], virtual: [10, 10, 10, 10] },
    { optimizer: 'fast', task: K, costs: [4, 3, 2, 1], virtual: [1, 1, 1, 1] },
    // Two workers: trials stored in finish order, ends 1, 2, 3, 4 on the simulated clock.
    { optimizer: 'slow', task: K, costs: [4, 3, 2, 1], virtual: [1, 2, 2, 2], simEnd: [1, 2, 3, 4] },
  ]);
  t.after(() => store.close());
  const budget = await analyzeExperiment(store, 'timed', { gridPoints: 5, bootstrapResamples: 50 });
  assert.deepEqual(curve(budget, 'fast', S), curve(budget, 'slow', S));
  const time = await analyzeExperiment(store, 'timed', { gridPoints: 5, bootstrapResamples: 50, axis: 'time' });
  assert.deepEqual(time.horizons, new Map([[K, 4], [S, 40]]));
  // Horizon 40 s on the sphere: 'fast' is done at 4 s (before grid point 0.25 = 10 s), 'slow' ends one trial per 10 s.
  assert.deepEqual(curve(time, 'fast', S), [4, 1, 1, 1, 1]);
  assert.deepEqual(curve(time, 'slow', S), [4, 4, 3, 2, 1]);
  // Ackley, horizon 4 s: grid points 0, 1, 2, 3, 4 s; both runs end a trial per second.
  assert.deepEqual(curve(time, 'slow', K), [4, 4, 3, 2, 1]);
  assert.deepEqual(curve(time, 'fast', K), [4, 4, 3, 2, 1]);
  // Final values and ranks are the end of each run on either axis.
  assert.deepEqual(time.final.objects(), budget.final.objects());
  const anytime = (time.anytime.objects() as Array<Record<string, any>>).filter((r) => r.step === 1);
  assert.ok(anytime.find((r) => r.optimizer === 'fast')!.mean < anytime.find((r) => r.optimizer === 'slow')!.mean);
});

test('--axis time: tasks without virtual time are left out and named; none at all is refused', async (t) => {
  const store = timedStore(tempDir(t), [
    { optimizer: 'a', task: S, costs: [2, 1], virtual: [1, 1] },
    { optimizer: 'b', task: S, costs: [3, 1], virtual: [2, 2] },
    { optimizer: 'a', task: K, costs: [2, 1], virtual: [0, 0] },
    { optimizer: 'b', task: K, costs: [3, 1], virtual: [0, 0] },
  ]);
  t.after(() => store.close());
  const analysis = await analyzeExperiment(store, 'timed', { axis: 'time', bootstrapResamples: 50 });
  assert.deepEqual(analysis.tasks.map((task) => task.id), [S]);
  assert.ok(analysis.notes.some((n) => n.includes('left out of the simulated-time axis') && n.includes(K)), analysis.notes.join('\n'));
  await assert.rejects(analyzeExperiment(store, 'timed', { axis: 'time', tasks: [K] }),
    (error: Error) => error.name === 'SpecError' && /--axis time needs simulated time.*ackley.*--axis budget/.test(error.message));
});
