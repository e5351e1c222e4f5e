import * as aq from 'arquero';
import { ranks as rankValues } from '../statistics/index.js';

/**
 * Stage 5 (ranks): per task and grid point, optimizers ranked by their mean normalized value
 * over seeds (1 = best, ties averaged). Only tasks where every optimizer has analysed runs
 * take part. Returns the task x optimizer x step rank cube (in `optimizers` order).
 */
export function rankCube(means: ReadonlyMap<string, number[][]>, optimizers: readonly string[], steps: number): Map<string, number[][]> {
  const cube = new Map<string, number[][]>();
  for (const [task, m] of means) {
    const byOptimizer = optimizers.map(() => new Array<number>(steps));
    for (let s = 0; s < steps; s++) {
      const r = rankValues(optimizers.map((_, o) => m[o][s]));
      r.forEach((rank, o) => (byOptimizer[o][s] = rank));
    }
    cube.set(task, byOptimizer);
  }
  return cube;
}

/** Final ranks as a table: task, optimizer, rank, value (the task mean the rank is based on). */
export function finalRankTable(cube: ReadonlyMap<string, number[][]>, means: ReadonlyMap<string, number[][]>, optimizers: readonly string[]): aq.ColumnTable {
  const columns = { task: [] as string[], optimizer: [] as string[], rank: [] as number[], value: [] as number[] };
  for (const [task, r] of cube) {
    optimizers.forEach((optimizer, o) => {
      columns.task.push(task);
      columns.optimizer.push(optimizer);
      columns.rank.push(r[o].at(-1)!);
      columns.value.push(means.get(task)![o].at(-1)!);
    });
  }
  return aq.table(columns);
}
