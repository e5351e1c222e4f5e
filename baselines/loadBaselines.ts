import { UnknownNameError } from '../core/index.js';
import { baselineDir, parseSubsetName, SHIPPED_BASELINES_DIR, type SubsetName } from './location.js';
import { listBaselineSubsets, readManifest, readVerified, type BaselineManifest } from './manifest.js';
import { decodeRuns, type ShippedRun } from './runFile.js';

export interface LoadOptions {
  /** Root of the baselines (default: the shipped results/baselines/). */
  readonly dir?: string;
  /** Only these optimizer labels (default: all of the manifest). */
  readonly optimizers?: readonly string[];
  /** Only runs with these seeds. */
  readonly seeds?: readonly number[];
}

export interface LoadedBaselines {
  readonly subset: SubsetName;
  readonly manifest: BaselineManifest;
  /** Runs in manifest order of optimizers, then file order (task, seed). */
  readonly runs: ShippedRun[];
}

/** Shipped baseline runs of a subset; every file read is checked against its manifest hash first. */
export function loadBaselines(spec: string, options: LoadOptions = {}): LoadedBaselines {
  const subset = parseSubsetName(spec);
  const root = options.dir ?? SHIPPED_BASELINES_DIR;
  const dir = baselineDir(root, subset);
  const manifest = readManifest(dir, subset, listBaselineSubsets(root));
  const labels = manifest.optimizers.map((e) => e.label);
  for (const wanted of options.optimizers ?? []) {
    if (!labels.includes(wanted)) throw new UnknownNameError(`baseline optimizer of ${subset.spec}`, wanted, labels);
  }
  const entries = manifest.optimizers.filter((e) => !options.optimizers || options.optimizers.includes(e.label));
  const seeds = options.seeds && new Set(options.seeds);
  const runs = entries.flatMap((entry) => decodeRuns(readVerified(dir, subset, entry), entry.file)).filter((run) => !seeds || seeds.has(run.seed));
  return { subset, manifest, runs };
}
