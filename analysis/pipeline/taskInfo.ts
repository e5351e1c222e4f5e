import { createTask, type TaskContext } from '../../benchmarks/index.js';
import { hasParetoFront, paretoFront } from '../../benchmarks/pymoo/index.js';
import type { LoadedExperiment } from './load.js';
import type { TaskInfo } from './types.js';
import { naturalCompare } from './naturalOrder.js';

/**
 * What analysis needs to know about each task: its number of objectives (from the data), its
 * known optimum (only built when `withOptimum`, since building a surrogate task can be slow)
 * and, for multi-objective tasks, the true Pareto front where the collection ships one.
 * A task that cannot be built (unknown id, missing data) is analysed without them; `notes`
 * says so.
 */
export async function collectTaskInfo(loaded: LoadedExperiment, withOptimum: boolean, context: TaskContext = {}): Promise<{ tasks: TaskInfo[]; notes: string[] }> {
  const objectives = new Map<string, number>();
  for (const digest of loaded.runs) {
    if (digest.objectives > 0 && !objectives.has(digest.run.task)) objectives.set(digest.run.task, digest.objectives);
  }
  const ids = [...new Set(loaded.runs.map((d) => d.run.task))].sort(naturalCompare);
  const notes: string[] = [];
  const tasks: TaskInfo[] = [];
  for (const id of ids) {
    let nObjectives = objectives.get(id) ?? 1;
    let optimum: number | undefined;
    if (withOptimum && nObjectives === 1) {
      try {
        const task = await createTask(id, context);
        nObjectives = task.objectives.length;
        const known = task.metadata.optimum;
        if (typeof known === 'number' && Number.isFinite(known)) optimum = known;
        await task.close?.();
      } catch (error) {
        notes.push(`Task '${id}': its metadata could not be read (${(error as Error).message}); regret uses the best observed value.`);
      }
    }
    const front = nObjectives > 1 && hasParetoFront(id) ? paretoFront(id) : undefined;
    tasks.push({ id, nObjectives, ...(optimum !== undefined ? { optimum } : {}), ...(front ? { front } : {}) });
  }
  return { tasks, notes };
}
