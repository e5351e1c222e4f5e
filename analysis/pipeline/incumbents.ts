import * as aq from 'arquero';
import { insertNonDominated } from '../../core/index.js';
import type { LoadedExperiment } from './load.js';

/**
 * Stage 2 (incumbents): per trial, the incumbent so far of its run.
 * Single objective: `incumbent`, the lowest successful cost so far (null before the first).
 * Multi-objective: `front`, the non-dominated set of the successful cost vectors so far
 * (the same array object while it does not change), and `front_size`.
 * Crashed, timed-out and memory-out trials never count; they still advance the budget.
 */
export function incumbentTable(loaded: LoadedExperiment): aq.ColumnTable {
  const t = loaded.trials;
  const runId = t.array('run_id') as number[];
  const status = t.array('status') as string[];
  const cost = t.array('cost') as (number | null)[];
  const costs = t.array('costs') as (number[] | null)[];
  const order = runOrder(runId, t.array('trial') as number[]);
  const incumbent: (number | null)[] = new Array(runId.length).fill(null);
  const front: (number[][] | null)[] = new Array(runId.length).fill(null);
  const frontSize = new Array<number>(runId.length).fill(0);
  let previousRun = NaN;
  let best: number | null = null;
  let currentFront: number[][] | null = null;
  for (const row of order) {
    if (runId[row] !== previousRun) {
      previousRun = runId[row];
      best = null;
      currentFront = null;
    }
    if (status[row] === 'ok') {
      const c = cost[row];
      if (c !== null && Number.isFinite(c) && (best === null || c < best)) best = c;
      const v = costs[row];
      if (v !== null && v.every(Number.isFinite)) {
        const next: number[][] = currentFront ? currentFront.map((p) => p) : [];
        if (insertNonDominated(next, v)) currentFront = next;
      }
    }
    incumbent[row] = best;
    front[row] = currentFront;
    frontSize[row] = currentFront?.length ?? 0;
  }
  return aq.table({
    run_id: runId, optimizer: t.array('optimizer'), task: t.array('task'), seed: t.array('seed'), trial: t.array('trial'),
    fraction: t.array('fraction'), budget_used: t.array('budget_used'), incumbent, front, front_size: frontSize,
  });
}

/** Row indices grouped by run (in first-seen order), trials ascending within a run. */
export function runOrder(runId: readonly number[], trial: readonly number[]): number[] {
  const first = new Map<number, number>();
  runId.forEach((id, i) => {
    if (!first.has(id)) first.set(id, i);
  });
  return runId.map((_, i) => i).sort((a, b) => first.get(runId[a])! - first.get(runId[b])! || trial[a] - trial[b]);
}
