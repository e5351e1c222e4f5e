import { SpecError } from '../../core/index.js';
import type { LoadedExperiment } from './load.js';
import { naturalCompare } from './naturalOrder.js';

export interface TimeAxis {
  /** The runs of the tasks that have simulated time. */
  readonly loaded: LoadedExperiment;
  /** Per task, the end of its longest analysed run on the simulated clock (seconds): the time grid's 1. */
  readonly horizons: Map<string, number>;
  /** Names the tasks left out for having no simulated time. */
  readonly note?: string;
}

/**
 * The simulated-time axis: per task, grid point g lies at g x the task's horizon, so tasks of
 * very different speeds average on one 0..1 axis as budget fractions do. A task whose trials
 * report no virtual time (and no simulated end) has no clock: it is left out, named in a
 * note; an experiment where no task has one is refused.
 */
export function timeAxis(loaded: LoadedExperiment): TimeAxis {
  const horizons = new Map<string, number>();
  for (const digest of loaded.runs) {
    if (digest.inclusion !== 'included') continue;
    if (!digest.time) throw new Error('The time axis needs runs loaded with loadExperiment(..., { withTime: true }).');
    horizons.set(digest.run.task, Math.max(horizons.get(digest.run.task) ?? 0, digest.time.end));
  }
  const untimed = [...horizons].filter(([, h]) => !(h > 0)).map(([task]) => task).sort(naturalCompare);
  if (untimed.length > 0 && untimed.length === horizons.size) {
    throw new SpecError(`--axis time needs simulated time, but no trial of experiment '${loaded.experiment}' reports virtual time (tasks: ${list(untimed)}). Use --axis budget, or tasks whose evaluations report virtual time (e.g. YAHPO surrogates).`);
  }
  for (const task of untimed) horizons.delete(task);
  const left = new Set(untimed);
  return {
    loaded: left.size ? { ...loaded, runs: loaded.runs.filter((d) => !left.has(d.run.task)) } : loaded,
    horizons,
    ...(untimed.length ? { note: `${untimed.length} task(s) report no virtual time and are left out of the simulated-time axis: ${list(untimed)}.` } : {}),
  };
}

function list(tasks: readonly string[]): string {
  return `${tasks.slice(0, 10).join(', ')}${tasks.length > 10 ? `, ... (${tasks.length} in all)` : ''}`;
}
