import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataMissingError, StoreError, type Options } from '../core/index.js';
import type { SubsetName } from './location.js';

/**
 * The format written. /2 ships trials without their wall time and task info (see runFile.ts);
 * /1 files (with them) still read.
 */
export const BASELINES_FORMAT = 'hpoarena-baselines/2';
const READABLE_FORMATS: readonly string[] = ['hpoarena-baselines/1', BASELINES_FORMAT];

/** One optimizer's shipped runs: its file, what produced it and what it cost. */
export interface BaselineEntry {
  readonly label: string;
  readonly optimizer: string;
  /** The optimizer's resolved options (defaults filled in), as the runs were made with them. */
  readonly options: Options;
  readonly file: string;
  /** sha256 of the file's bytes, hex. */
  readonly sha256: string;
  readonly bytes: number;
  readonly seeds: readonly number[];
  readonly runs: number;
  readonly trials: number;
  /**
   * Sum of its runs' wall-clock seconds: about core-seconds when every worker had a free core
   * (a run uses one), more on a machine shared with other work.
   */
  readonly runSeconds: number;
  /** hpoarena version that computed the runs. */
  readonly hpoarenaVersion: string;
}

/** results/baselines/<type>/<set>/manifest.json */
export interface BaselineManifest {
  readonly format: string;
  /** The subset, e.g. subset:blackbox/dev, and the sha256 of its file when the runs were made. */
  readonly subset: string;
  readonly subsetSha256: string;
  readonly tasks: readonly string[];
  /** Budgets are each task's n_trials (CARP-S: ceil(20 + 40 sqrt(dim))); no time budget. */
  readonly budget: string;
  readonly optimizers: readonly BaselineEntry[];
  /** The command that recomputes them. */
  readonly command: string;
}

export function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function manifestPath(dir: string): string {
  return join(dir, 'manifest.json');
}

export function readManifest(dir: string, subset: SubsetName, shipped: readonly string[] = []): BaselineManifest {
  const path = manifestPath(dir);
  if (!existsSync(path)) {
    const available = shipped.length ? `Baselines ship for ${shipped.join(', ')}.` : 'No baselines are there yet.';
    throw new DataMissingError(`No baselines ship for '${subset.spec}' ('${path}' does not exist). ${available} Compute them with \`hpoarena baselines compute ${subset.spec}\`.`);
  }
  let manifest: BaselineManifest;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as BaselineManifest;
  } catch (error) {
    throw new StoreError(`Baseline manifest '${path}' is not valid JSON: ${(error as Error).message}`);
  }
  if (!READABLE_FORMATS.includes(manifest.format) || !Array.isArray(manifest.optimizers)) {
    throw new StoreError(`'${path}' is not a baseline manifest: expected "format": "${BASELINES_FORMAT}" and an "optimizers" list.`);
  }
  return manifest;
}

/** `subset:<type>/<set>` of every subset with a manifest under the root of the baselines. */
export function listBaselineSubsets(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((file) => file.replace(/\\/g, '/'))
    .filter((file) => file.endsWith('/manifest.json') && file.split('/').length === 3)
    .map((file) => `subset:${file.slice(0, -'/manifest.json'.length)}`)
    .sort();
}

/** The bytes of one entry's file, refused unless they hash to what the manifest recorded. */
export function readVerified(dir: string, subset: SubsetName, entry: BaselineEntry): Buffer {
  const path = join(dir, entry.file);
  if (!existsSync(path)) throw new DataMissingError(`Baseline file '${path}' of '${entry.label}' on ${subset.spec} is missing; restore it (git checkout -- '${path}') or recompute it.`);
  const bytes = readFileSync(path);
  const actual = sha256(bytes);
  if (actual !== entry.sha256) {
    throw new StoreError(
      `Baseline file '${path}' does not match its manifest: sha256 ${actual.slice(0, 12)}..., the manifest records ${entry.sha256.slice(0, 12)}.... ` +
        `It changed after it was computed; restore it (git checkout -- '${path}') or recompute it with \`hpoarena baselines compute ${subset.spec} --optimizers ${entry.label}\`.`,
    );
  }
  return bytes;
}
