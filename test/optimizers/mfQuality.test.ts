import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { viewOf, type Task } from '../../core/index.js';
import { createTask } from '../../benchmarks/index.js';
import { createOptimizer } from '../../optimizers/registry.js';
import { runLoop } from '../../runner/runLoop.js';

/**
 * Bracket methods against random search on CARP-S's MF-Hartmann tasks (mfh3_good, mfh6_good),
 * driven by the runner's own loop (a trial at fidelity z costs z / 100 of n_trials). The target
 * is random search's final incumbent value, its median over 201 seeds (random search is cheap, so
 * the target itself hardly moves). A method passes when, pooled over 40 seeds per task, the
 * median share of the budget it needs to reach the target at full fidelity is at most one half
 * (a run that never reaches it counts as infinite).
 * Measured when written (pooled medians, seed blocks of 40 per task): hyperband 0.31-0.45,
 * dehb 0.23-0.48, bohb 0.24-0.30; this file's block: hyperband 0.38, dehb 0.23, bohb 0.30.
 */
const TASKS = ['mfpbench/SO/mfh/mfh3_good', 'mfpbench/SO/mfh/mfh6_good'];
const RANDOM_SEEDS = 201;
const SEEDS = 40;

/** (budget used, best max-fidelity cost so far) after every trial of one run. */
async function trajectory(name: string, task: Task, seed: number): Promise<Array<[number, number]>> {
  const optimizer = createOptimizer(name, viewOf(task), seed);
  const max = task.fidelity!.max;
  const curve: Array<[number, number]> = [];
  let best = Infinity;
  await runLoop({
    runId: 1,
    task,
    optimizer,
    seed,
    nTrials: task.budget.nTrials,
    recorded: [],
    persist: () => {},
    discardFrom: () => {},
    onTrial: (r) => {
      if ((r.fidelity ?? max) >= max && typeof r.cost === 'number' && r.cost < best) best = r.cost;
      curve.push([r.budgetUsed, best]);
    },
  });
  return curve;
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[n >> 1] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

describe('bracket methods reach random search\'s final incumbent on MF-Hartmann with at most half the budget (median)', async () => {
  const tasks = await Promise.all(TASKS.map((id) => createTask(id)));
  const targets: number[] = [];
  for (const task of tasks) {
    const finals: number[] = [];
    for (let seed = 1; seed <= RANDOM_SEEDS; seed++) {
      const curve = await trajectory('random', task, seed);
      finals.push(curve[curve.length - 1][1]);
    }
    targets.push(median(finals));
  }

  for (const name of ['hyperband', 'bohb', 'dehb']) {
    test(name, async () => {
      const shares: number[] = [];
      for (let k = 0; k < tasks.length; k++) {
        for (let seed = 10_001; seed <= 10_000 + SEEDS; seed++) {
          const curve = await trajectory(name, tasks[k], seed);
          const hit = curve.find(([, best]) => best <= targets[k]);
          shares.push(hit ? hit[0] / tasks[k].budget.nTrials : Infinity);
        }
      }
      const share = median(shares);
      assert.ok(share <= 0.5, `${name} needs ${share.toFixed(3)} of the budget in the median (targets ${targets.map((t) => t.toFixed(3)).join(', ')})`);
    });
  }
});
