import { viewOf } from '../../core/index.js';
import { createTask } from '../../benchmarks/index.js';
import { createOptimizer } from '../../optimizers/registry.js';
import { runLoop } from '../../runner/runLoop.js';
import { DATA_DIR } from '../../test/dataDir.js';
import { median, type BenchFigure } from '../figure.js';
import { asyncStudy, meanNormalizedRegret, STUDY_K } from '../quality/asyncStudy.js';

const SPHERE = 'Pymoo/SO/unconstraint/sphere'; // 10-D, about a microsecond per evaluation
const LOOP_TRIALS = 10_000;

/** us per trial of random search through the runner's loop with `k` trials in flight, nothing stored. */
async function loopMicroseconds(k: number): Promise<number> {
  const task = await createTask(SPHERE);
  const optimizer = createOptimizer('random', { ...viewOf(task), ...(k > 1 ? { parallelTrials: k } : {}) }, 1, {}, k);
  const start = performance.now();
  await runLoop({ runId: 1, task, optimizer, seed: 1, nTrials: LOOP_TRIALS, parallelTrials: k, recorded: [], persist: () => {}, discardFrom: () => {} });
  return (performance.now() - start) * 1000 / LOOP_TRIALS;
}

/** Medians of 5 interleaved timings of K = 1 and K = 4 after a warm-up of each. */
async function loopTimings(): Promise<{ one: number; four: number }> {
  await loopMicroseconds(1);
  await loopMicroseconds(STUDY_K);
  const one: number[] = [];
  const four: number[] = [];
  for (let i = 0; i < 5; i++) {
    one.push(await loopMicroseconds(1));
    four.push(await loopMicroseconds(STUDY_K));
  }
  return { one: median(one), four: median(four) };
}

const LCBENCH = ['yahpo/lcbench/*'];
const STUDY_SEEDS = 5;

/** Issue 19: asynchronous parallel HPO on the simulated clock. */
export const asyncFigures: BenchFigure[] = [
  {
    name: 'async.overhead_us_per_trial_k4',
    unit: 'x',
    target: '<= 1.3',
    async run() {
      const { one, four } = await loopTimings();
      return {
        value: four / one,
        note: `the run loop with 4 trials in flight on the simulated clock ${four.toFixed(2)} us per trial over the sequential loop ${one.toFixed(2)} us (random search, 10-D sphere, ${LOOP_TRIALS} trials, nothing stored, medians of 5, same run)`,
      };
    },
  },
  {
    name: 'async.asha_vs_hyperband_k4',
    unit: 'x',
    target: '< 1',
    optIn: true,
    async run() {
      const results = await asyncStudy({ tasks: LCBENCH, seeds: STUDY_SEEDS, context: { dataDir: DATA_DIR } });
      const regret = meanNormalizedRegret(results);
      const budgets = results.map((r) => r.timeBudget);
      return {
        value: regret.asha / regret.hyperband,
        note:
          `mean normalized regret at equal simulated time, K = ${STUDY_K}: asha ${regret.asha.toFixed(3)}, async-hyperband ${regret['async-hyperband'].toFixed(3)}, synchronous hyperband ${regret.hyperband.toFixed(3)}, random ${regret.random.toFixed(3)} ` +
          `(${results.length} YAHPO lcbench epoch tasks x ${STUDY_SEEDS} seeds; per task the simulated time random search needs for n_trials at full fidelity, median ${median(budgets).toFixed(0)} s)`,
      };
    },
  },
];
