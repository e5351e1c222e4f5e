import type * as aq from 'arquero';
import { mergeFronts, type ObjectiveScale } from '../multiObjective/index.js';
import type { ParetoSummary } from './analysisTypes.js';
import type { RunOutcome } from './curves.js';
import type { TaskInfo } from './types.js';

/** Tasks where every ranked optimizer has analysed runs, and for the others, who is missing. */
export function completeness(tasks: readonly TaskInfo[], ranked: readonly string[], included: readonly RunOutcome[]) {
  const have = new Set(included.map((o) => `${o.run.task}\u0000${o.run.optimizer}`));
  const complete: string[] = [];
  const incomplete: Array<{ task: string; missing: string[] }> = [];
  for (const task of tasks) {
    const missing = ranked.filter((o) => !have.has(`${task.id}\u0000${o}`));
    if (missing.length === 0 && ranked.length > 0) complete.push(task.id);
    else incomplete.push({ task: task.id, missing });
  }
  return { complete, incomplete };
}

/** task -> [optimizer][step] mean normalized value over seeds, for complete tasks. */
export function taskMeans(taskCurves: aq.ColumnTable, complete: readonly string[], optimizers: readonly string[], steps: number): Map<string, number[][]> {
  const means = new Map<string, number[][]>(complete.map((t) => [t, optimizers.map(() => new Array<number>(steps).fill(NaN))]));
  const index = new Map(optimizers.map((o, i) => [o, i]));
  const task = taskCurves.array('task') as string[];
  const optimizer = taskCurves.array('optimizer') as string[];
  const step = taskCurves.array('step') as number[];
  const value = taskCurves.array('value_mean') as number[];
  task.forEach((t, i) => {
    const m = means.get(t);
    const o = index.get(optimizer[i]);
    if (m && o !== undefined) m[o][step[i]] = value[i];
  });
  return means;
}

export function finalsBySeed(included: readonly RunOutcome[]): Map<string, Map<string, number[]>> {
  const out = new Map<string, Map<string, number[]>>();
  for (const o of included) {
    let byOptimizer = out.get(o.run.task);
    if (!byOptimizer) out.set(o.run.task, (byOptimizer = new Map()));
    let values = byOptimizer.get(o.run.optimizer);
    if (!values) byOptimizer.set(o.run.optimizer, (values = []));
    values.push(o.finalRaw!);
  }
  return out;
}

/** Per two-or-more-objective task: each optimizer's non-dominated union over its runs, and the true front. */
export function paretoSummaries(tasks: readonly TaskInfo[], included: readonly RunOutcome[], scales: ReadonlyMap<string, ObjectiveScale>): ParetoSummary[] {
  return tasks.filter((t) => t.nObjectives > 1 && scales.has(t.id)).map((task) => {
    const runs = included.filter((o) => o.run.task === task.id && o.front);
    const optimizers = [...new Set(runs.map((o) => o.run.optimizer))].sort();
    return {
      task: task.id, nObjectives: task.nObjectives, scale: scales.get(task.id)!,
      fronts: optimizers.map((optimizer) => ({ optimizer, points: mergeFronts(runs.filter((o) => o.run.optimizer === optimizer).map((o) => o.front!)) })),
      ...(task.front ? { trueFront: task.front } : {}),
    };
  });
}
