import { SpecError, UnknownNameError } from '../../core/index.js';
import { globToRegExp, type Store } from '../../runner/index.js';
import { digestRun, type RunDigest } from './runDigest.js';

export type { RunRow } from './runDigest.js';

/**
 * Stage 1 (load): the store read once, run by run (`runTrials`), each run reduced to its
 * digest as it goes by (runDigest.ts): memory grows with runs, not trials. Every run of the
 * selected tasks is kept, whatever its status: later stages count them.
 */
export interface LoadedExperiment {
  readonly experiment: string;
  /** One digest per selected run, in run id order. */
  readonly runs: readonly RunDigest[];
}

export interface LoadOptions {
  /** Task ids or globs ('*' matches '/' too); default: every task. */
  readonly tasks?: readonly string[];
  /** The budget-fraction grid the incumbents are sampled on. */
  readonly grid: readonly number[];
  /** Also keep what the simulated-time axis needs. */
  readonly withTime?: boolean;
}

export async function loadExperiment(store: Store, experiment: string, options: LoadOptions): Promise<LoadedExperiment> {
  if (!(await store.getExperiment(experiment))) {
    throw new UnknownNameError(`experiment (store '${store.label}')`, experiment, (await store.listExperiments()).map((e) => e.name));
  }
  const { tasks } = options;
  const allRuns = await store.listRuns(experiment);
  const selectors = (tasks ?? []).map((p) => globToRegExp(p));
  const selected = (task: string) => selectors.length === 0 || selectors.some((s) => s.test(task));
  if (!allRuns.some((r) => selected(r.task))) {
    const known = [...new Set(allRuns.map((r) => r.task))];
    throw new SpecError(tasks?.length
      ? `No run of experiment '${experiment}' matches --tasks ${tasks.join(', ')}. Its tasks: ${known.slice(0, 20).join(', ')}${known.length > 20 ? ', ...' : ''}.`
      : `Experiment '${experiment}' has no runs yet. Run it first with \`hpoarena run\`.`);
  }
  const runs: RunDigest[] = [];
  for await (const { run, trials } of store.runTrials(experiment)) {
    if (selected(run.task)) runs.push(digestRun(run, trials, options.grid, options.withTime ?? false));
  }
  return { experiment, runs };
}
