import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SpecError, UnknownNameError } from '../core/index.js';
import { openStore, type Store } from '../runner/index.js';
import { loadBaselines, type LoadOptions } from './loadBaselines.js';
import { addFinishedRuns, toShippedRun } from './storeRuns.js';

export interface CombinedExperiment {
  /** A temporary store holding the experiment: the user's runs plus the baseline runs. */
  readonly store: Store;
  readonly tasks: readonly string[];
  readonly seeds: readonly number[];
  readonly baselineLabels: readonly string[];
  /** What was left out and why (the user's runs outside the subset or the baselines' seeds). */
  readonly notes: readonly string[];
  /** Closes and deletes the temporary store. */
  dispose(): Promise<void>;
}

/**
 * The user's experiment and the shipped baseline runs of the same tasks and seeds as one
 * experiment (same name) in a temporary store, so the normal report ranks them together
 * without re-running a baseline. A baseline whose label the user's experiment also has is
 * named 'baseline:<label>'.
 */
export async function combineWithBaselines(source: Store, experiment: string, subset: string, options: LoadOptions = {}): Promise<CombinedExperiment> {
  const record = await source.getExperiment(experiment);
  if (!record) throw new UnknownNameError(`experiment in '${source.label}'`, experiment, (await source.listExperiments()).map((e) => e.name));
  const baselines = loadBaselines(subset, options);
  const userRuns = await source.listRuns(experiment);
  const baselineTasks = new Set(baselines.manifest.tasks);
  const baselineSeeds = new Set(baselines.runs.map((r) => r.seed));
  const kept = userRuns.filter((r) => baselineTasks.has(r.task) && baselineSeeds.has(r.seed));
  if (kept.length === 0) {
    throw new SpecError(
      `Experiment '${experiment}' has no run on a task and seed of the baselines of ${baselines.subset.spec} ` +
        `(seeds ${[...baselineSeeds].sort((a, b) => a - b).join(', ')}). Run it with --tasks ${baselines.subset.spec} --seeds ${compactSeeds([...baselineSeeds])}.`,
    );
  }
  const tasks = [...new Set(kept.map((r) => r.task))];
  const seeds = [...new Set(kept.map((r) => r.seed))].sort((a, b) => a - b);
  const notes: string[] = [];
  const outside = userRuns.length - kept.length;
  if (outside > 0) notes.push(`${outside} of the ${userRuns.length} runs of '${experiment}' are on tasks or seeds without baselines and are left out.`);
  const missingTasks = baselines.manifest.tasks.filter((t) => !tasks.includes(t));
  if (missingTasks.length > 0) notes.push(`'${experiment}' has no run on ${missingTasks.length} of the ${baselines.manifest.tasks.length} tasks of ${baselines.subset.spec} (e.g. ${missingTasks[0]}); the baselines are compared on the other ${tasks.length}.`);
  const userLabels = new Set(kept.map((r) => r.optimizerLabel));
  const label = (l: string) => (userLabels.has(l) ? `baseline:${l}` : l);
  const wantedTasks = new Set(tasks);
  const wantedSeeds = new Set(seeds);
  const baselineRuns = baselines.runs.filter((r) => wantedTasks.has(r.task) && wantedSeeds.has(r.seed));

  const dir = mkdtempSync(join(tmpdir(), 'hpoarena-baselines-'));
  const store = await openStore(join(dir, 'combined.db'));
  try {
    await store.ensureExperiment(experiment, { source: record.spec, baselines: baselines.subset.spec });
    const keptIds = new Set(kept.map((r) => r.id));
    const userShipped = [];
    for await (const { run, trials } of source.runTrials(experiment)) {
      if (keptIds.has(run.id)) userShipped.push({ run: toShippedRun(run, trials), status: run.status, error: run.error });
    }
    await addFinishedRuns(store, experiment, userShipped);
    await addFinishedRuns(store, experiment, baselineRuns.map((run) => ({ run, label: label(run.optimizerLabel) })));
  } catch (error) {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    store, tasks, seeds, notes,
    baselineLabels: [...new Set(baselineRuns.map((r) => label(r.optimizerLabel)))],
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** '1-3' for 1,2,3; '1,3,5' otherwise. */
export function compactSeeds(seeds: readonly number[]): string {
  const sorted = [...seeds].sort((a, b) => a - b);
  const contiguous = sorted.every((s, i) => i === 0 || s === sorted[i - 1] + 1);
  return contiguous && sorted.length > 2 ? `${sorted[0]}-${sorted.at(-1)}` : sorted.join(',');
}
