import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { frontQuality, nonDominated, taskObjectiveScale } from '../../analysis/multiObjective/index.js';
import { wilcoxonSignedRank } from '../../analysis/statistics/index.js';
import { createTask } from '../../benchmarks/index.js';
import { viewOf, type Task } from '../../core/index.js';
import { createOptimizer } from '../../optimizers/registry.js';
import { runLoop } from '../../runner/runLoop.js';

const TASKS = ['Pymoo/MO/unconstraint/zdt1', 'Pymoo/MO/unconstraint/zdt2', 'Pymoo/ManyO/unconstraint/dtlz2'];

/** The non-dominated successful cost vectors of one run, driven by the runner's loop. */
async function finalFront(name: string, task: Task, seed: number, nTrials: number): Promise<number[][]> {
  const optimizer = createOptimizer(name, { ...viewOf(task), budget: { nTrials } }, seed);
  const points: number[][] = [];
  await runLoop({
    runId: 1, task, optimizer, seed, nTrials, recorded: [], persist: () => {}, discardFrom: () => {},
    onTrial: (r) => {
      if (Array.isArray(r.cost)) points.push(r.cost);
    },
  });
  return nonDominated(points);
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[n >> 1] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/**
 * `optimizer` against random search on pymoo's ZDT1, ZDT2 and DTLZ2: the final non-dominated
 * sets of `seeds` seeds each, scored by the analysis' normalized hypervolume (ideal and nadir
 * of the union of both methods' final fronts, reference 1.1). The optimizer must end with a
 * higher median hypervolume, and a one-sided Wilcoxon signed-rank test over the seeds must find
 * it better (p < 0.05). `nTrials` undefined: the task's CARP-S budget.
 */
export function moQualityAgainstRandom(optimizer: string, seeds: number, nTrials?: number): void {
  describe(`${optimizer} ends with a higher hypervolume than random search`, () => {
    for (const id of TASKS) {
      test(id, async () => {
        const task = await createTask(id);
        const budget = nTrials ?? task.budget.nTrials;
        const random: number[][][] = [];
        const ours: number[][][] = [];
        for (let s = 1; s <= seeds; s++) {
          random.push(await finalFront('random', task, 1000 + s, budget));
          ours.push(await finalFront(optimizer, task, s, budget));
        }
        const scale = taskObjectiveScale([...random, ...ours]);
        const hvRandom = random.map((f) => frontQuality(f, scale).hypervolume);
        const hvOurs = ours.map((f) => frontQuality(f, scale).hypervolume);
        const where = `${optimizer} ${median(hvOurs).toFixed(3)} vs random ${median(hvRandom).toFixed(3)}`;
        assert.ok(median(hvOurs) > median(hvRandom), where);
        const { pValue } = wilcoxonSignedRank(hvOurs, hvRandom, { alternative: 'greater' });
        assert.ok(pValue < 0.05, `${where}: Wilcoxon p = ${pValue}`);
      });
    }
  });
}
