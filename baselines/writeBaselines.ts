import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SpecError } from '../core/index.js';
import type { RunRecord, Store } from '../runner/index.js';
import { SHIPPED_SUBSETS_DIR, subsetFilePath } from '../subsets/index.js';
import { baselineDir, type SubsetName } from './location.js';
import { BASELINES_FORMAT, manifestPath, readManifest, sha256, type BaselineEntry, type BaselineManifest } from './manifest.js';
import { encodeRuns, RUN_FILE_SUFFIX, type ShippedRun } from './runFile.js';
import { toShippedRun } from './storeRuns.js';

export const HPOARENA_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export interface WriteOptions {
  readonly subset: SubsetName;
  /** The subset's task ids, in the subset file's order (the files keep it). */
  readonly tasks: readonly string[];
  readonly seeds: readonly number[];
  /** Labels to (re)write; the manifest keeps the other entries it has. */
  readonly labels: readonly string[];
  /** Root of the baselines (results/baselines/). */
  readonly root: string;
  readonly command: string;
  /** Directory of subset files (default: the shipped subsets/data/). */
  readonly subsetsDir?: string;
}

/** Writes each label's runs (every task x seed must be done) and the manifest; returns the entries written. */
export async function writeBaselines(store: Store, experiment: string, options: WriteOptions): Promise<BaselineEntry[]> {
  const dir = baselineDir(options.root, options.subset);
  mkdirSync(dir, { recursive: true });
  const runs = await store.listRuns(experiment);
  const taskOrder = new Map(options.tasks.map((t, i) => [t, i]));
  // Every label is checked before anything is written: a refused label leaves the shipped files as they were.
  const selected = options.labels.map((label) => {
    const own = runs
      .filter((r) => r.optimizerLabel === label && taskOrder.has(r.task) && options.seeds.includes(r.seed))
      .sort((a, b) => taskOrder.get(a.task)! - taskOrder.get(b.task)! || a.seed - b.seed);
    checkComplete(label, own, options);
    return { label, own };
  });
  const written: BaselineEntry[] = [];
  for (const { label, own } of selected) {
    const shipped: ShippedRun[] = [];
    for (const run of own) shipped.push(toShippedRun(run, await store.trials(run.id)));
    const file = `${label.replace(/[^\w.-]+/g, '_')}${RUN_FILE_SUFFIX}`;
    const bytes = encodeRuns(shipped);
    writeFileSync(join(dir, file), bytes);
    written.push({
      label, optimizer: own[0].optimizer, options: own[0].optimizerOptions, file, sha256: sha256(bytes), bytes: bytes.length,
      seeds: [...options.seeds], runs: own.length, trials: shipped.reduce((n, r) => n + r.trials.length, 0),
      runSeconds: Math.round(own.reduce((s, r) => s + runSeconds(r), 0) * 10) / 10, hpoarenaVersion: HPOARENA_VERSION,
    });
  }
  const previous = existsSync(manifestPath(dir)) ? readManifest(dir, options.subset).optimizers : [];
  const kept = previous.filter((e) => !options.labels.includes(e.label));
  const subsetBytes = readFileSync(subsetFilePath(options.subsetsDir ?? SHIPPED_SUBSETS_DIR, options.subset.type, options.subset.set));
  const manifest: BaselineManifest = {
    format: BASELINES_FORMAT, subset: options.subset.spec, subsetSha256: sha256(subsetBytes), tasks: [...options.tasks],
    budget: "each task's n_trials (CARP-S: ceil(20 + 40 sqrt(dimension))), no time budget",
    optimizers: [...kept, ...written], command: options.command,
  };
  writeFileSync(manifestPath(dir), `${JSON.stringify(manifest, null, 2)}\n`);
  return written;
}

function checkComplete(label: string, runs: readonly RunRecord[], options: WriteOptions): void {
  const expected = options.tasks.length * options.seeds.length;
  const done = runs.filter((r) => r.status === 'done');
  if (done.length === expected) return;
  const failed = runs.find((r) => r.status === 'failed');
  throw new SpecError(
    `'${label}' has ${done.length} of its ${expected} runs on ${options.subset.spec} done` +
      (failed ? `; e.g. ${failed.task} seed ${failed.seed} failed: ${failed.error ?? 'no message'}` : '; re-run the command to finish them') + '. Nothing was written for it.',
  );
}

function runSeconds(run: RunRecord): number {
  if (!run.startedAt || !run.finishedAt) return 0;
  return (Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000;
}
