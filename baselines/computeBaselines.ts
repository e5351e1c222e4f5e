import { SpecError } from '../core/index.js';
import { parseOptimizerEntry, runExperiment, type ExperimentOutcome, type PoolOptions, type Store } from '../runner/index.js';
import { resolveSubset } from '../subsets/index.js';
import { SHIPPED_BASELINES_DIR, parseSubsetName } from './location.js';
import type { BaselineEntry } from './manifest.js';
import { BASELINE_PORTFOLIOS } from './portfolio.js';
import { writeBaselines } from './writeBaselines.js';

export interface ComputeBaselinesOptions extends PoolOptions {
  /** e.g. subset:blackbox/dev */
  readonly subset: string;
  readonly seeds: readonly number[];
  /** Default: the portfolio of the subset's type. */
  readonly optimizers?: readonly string[];
  /** Root of the baselines (default: the shipped results/baselines/). */
  readonly out?: string;
  /** Directory of subset files (default: the shipped subsets/data/). */
  readonly subsetsDir?: string;
  readonly command: string;
}

/** The experiment a subset's baselines are computed in (resumable like any other). */
export function baselineExperimentName(subset: string): string {
  const { type, set } = parseSubsetName(subset);
  return `baselines-${type}-${set}`;
}

/**
 * Runs the portfolio on the subset's tasks and seeds into the store (finished runs are kept,
 * interrupted ones resume), then writes each optimizer's runs and the manifest.
 */
export async function computeBaselines(store: Store, options: ComputeBaselinesOptions): Promise<{ outcome: ExperimentOutcome; written: BaselineEntry[] }> {
  const subset = parseSubsetName(options.subset);
  const tasks = resolveSubset(subset.spec, { dir: options.subsetsDir });
  const entries = (options.optimizers ?? BASELINE_PORTFOLIOS[subset.type]).map(parseOptimizerEntry);
  if (entries.length === 0) throw new SpecError('No optimizers given for the baselines.');
  const experiment = baselineExperimentName(subset.spec);
  const outcome = await runExperiment(store, { experiment, optimizers: entries, tasks, seeds: options.seeds }, options);
  if (options.signal?.aborted) return { outcome, written: [] };
  const written = await writeBaselines(store, experiment, {
    subset, tasks, seeds: options.seeds, labels: entries.map((e) => e.label), root: options.out ?? SHIPPED_BASELINES_DIR, command: options.command, subsetsDir: options.subsetsDir,
  });
  return { outcome, written };
}
