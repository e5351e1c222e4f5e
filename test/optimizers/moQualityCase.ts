import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { nonDominated } from '../../core/index.js';
import { ALPHA, describeMoStudy, MO_PROBLEMS, scoreAgainstRandom, shortName, type MoQualityStudy, type RunFront } from '../../bench/quality/moVsRandom.js';
import { createTask } from '../../benchmarks/index.js';
import { viewOf, type Task } from '../../core/index.js';
import { createOptimizer } from '../../optimizers/registry.js';
import { runLoop } from '../../runner/runLoop.js';

export interface MoQualityCase {
  readonly optimizer: string;
  /** Seeds 1..seeds of the optimizer, each paired with random search's run of the same seed. */
  readonly seeds: number;
  /** Short problem names (default: issue 6's twelve, ZDT1-4, ZDT6, DTLZ1-7). */
  readonly problems?: readonly string[];
  /** Trials per run (default: each task's CARP-S budget). */
  readonly nTrials?: number;
  /**
   * Problems where the optimizer is known not to beat random search at this budget: they still
   * run and enter the Holm correction, and must keep at least the measured median and wins.
   */
  readonly knownShortfalls?: Readonly<Record<string, KnownShortfall>>;
}

/** What an optimizer reached where it does not beat random search, as measured, so a regression still fails. */
export interface KnownShortfall {
  readonly why: string;
  /** Its median normalized hypervolume (the test allows 0.001 below it). */
  readonly median: number;
  /** Seeds on which it beat random search's run of the same seed. */
  readonly wins: number;
  /** Its median IGD+ (lower is better; the test allows 0.1% above it), where hypervolume saturates at 0. */
  readonly igdPlus?: number;
}

/** The non-dominated successful cost vectors of one run, driven by the runner's loop; the optimizer sees `nTrials` as its budget. */
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

/**
 * The small version of issue 6's multi-objective quality table (the full one is
 * `npm run bench -- --only quality.mo_pairs_beating_random`): `optimizer` and random search on
 * the problems, scored by the analysis' normalized hypervolume of each run's final
 * non-dominated set (per problem, ideal and nadir of the union of both methods' final fronts,
 * reference 1.1; bench/quality/moVsRandom.ts's scoreAgainstRandom), run in this thread. On each
 * problem the optimizer must end with a higher median hypervolume, and a one-sided Wilcoxon
 * signed-rank test over the seed pairs, Holm-adjusted over the file's problems, must find it
 * better at alpha 0.05.
 */
export function moQualityAgainstRandom(c: MoQualityCase): void {
  const problems = c.problems ?? MO_PROBLEMS.map(shortName);
  const tasks = problems.map((p) => {
    const task = MO_PROBLEMS.find((t) => shortName(t) === p);
    assert.ok(task, `unknown problem ${p}`);
    return task;
  });
  describe(`${c.optimizer} ends with a higher hypervolume than random search (${c.nTrials ?? 'CARP-S'} trials, ${c.seeds} seeds)`, () => {
    let study: MoQualityStudy;
    before(async () => {
      const runs: RunFront[] = [];
      const budgets = [];
      for (const id of tasks) {
        const task = await createTask(id);
        const nTrials = c.nTrials ?? task.budget.nTrials;
        budgets.push({ task: id, nTrials });
        for (const optimizer of ['random', c.optimizer]) {
          for (let seed = 1; seed <= c.seeds; seed++) runs.push({ optimizer, task: id, seed, front: await finalFront(optimizer, task, seed, nTrials) });
        }
      }
      study = scoreAgainstRandom(runs, { seeds: c.seeds, tasks: budgets, optimizers: [c.optimizer] });
    });
    for (const [i, task] of tasks.entries()) {
      const shortfall = c.knownShortfalls?.[problems[i]];
      test(shortfall ? `${problems[i]} (known shortfall: held at its measured values)` : problems[i], (t) => {
        const r = study.comparisons.find((x) => x.task === task)!;
        const where = `${c.optimizer} ${r.median.toFixed(3)} vs random ${r.randomMedian.toFixed(3)} (${r.wins}-${r.losses} of ${c.seeds}), p=${r.pValue.toExponential(2)}, Holm over ${tasks.length}: ${r.pHolm.toExponential(2)}`;
        if (shortfall) {
          t.diagnostic(`does not beat random search here: ${shortfall.why}`);
          assert.ok(r.median >= shortfall.median - 0.001, `median fell below the measured ${shortfall.median}: ${where}`);
          assert.ok(r.wins >= shortfall.wins, `wins fell below the measured ${shortfall.wins}: ${where}`);
          if (shortfall.igdPlus !== undefined) assert.ok(r.igdPlus && r.igdPlus.median <= shortfall.igdPlus * 1.001, `IGD+ rose above the measured ${shortfall.igdPlus}: ${r.igdPlus?.median}`);
          if (r.significant) t.diagnostic(`now beats random search (${where}): drop it from knownShortfalls`);
          return;
        }
        assert.ok(r.median > r.randomMedian, where);
        assert.ok(r.pHolm < ALPHA, `${where}\n${describeMoStudy(study).join('\n')}`);
      });
    }
  });
}
