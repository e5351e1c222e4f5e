import { UnknownNameError } from '../core/index.js';
import { listTasks } from '../benchmarks/registry.js';
import { openStore } from '../runner/store/index.js';
import { exactDiscrepancy } from './dem.js';
import { embedTasks, parseTaskType, type FinalCostRow, type TaskEmbedding } from './embedding.js';
import { finalCostRows } from './finalCosts.js';
import { toPointSet } from './pointSet.js';
import { selectSets, type SelectedSet, type SetMode } from './selectSets.js';
import type { StartRule } from './startSubset.js';
import { SHIPPED_SUBSETS_DIR, SUBSET_FORMAT, writeSubsetFiles, type SubsetFile } from './subsetFile.js';

export interface SubsetPlan {
  /** Task type to embed: blackbox, multi-fidelity, multi-objective, multi-fidelity-multi-objective. */
  readonly type: string;
  readonly k: number;
  readonly sets: readonly string[];
  readonly mode?: SetMode;
  readonly tries?: number;
  readonly seed?: number;
  readonly start?: StartRule;
  /** Reference optimizers (run labels), one coordinate each. */
  readonly optimizers?: readonly string[];
}

export interface ComputeSubsetsOptions extends SubsetPlan {
  readonly experiment: string;
  /** A SQLite path or a PostgreSQL URL. */
  readonly storePath: string;
  /** Output root (default: the shipped subsets/data/); files go to <out>/<type>/<set>.json. */
  readonly outDir?: string;
}

export interface ComputedSubsets {
  readonly files: readonly SubsetFile[];
  readonly paths: readonly string[];
  readonly embedding: TaskEmbedding;
}

/** Store -> final costs -> embedding -> disjoint low-discrepancy sets -> subset files. */
export async function computeSubsets(options: ComputeSubsetsOptions): Promise<ComputedSubsets> {
  parseTaskType(options.type); // a bad type is reported before the store is opened
  const rows = await readFinalCosts(options.storePath, options.experiment);
  const files = planSubsets(rows, options.experiment, options);
  const paths = writeSubsetFiles(options.outDir ?? SHIPPED_SUBSETS_DIR, files.files);
  return { ...files, paths };
}

/** The pure part: rows -> subset files (nothing written). */
export function planSubsets(rows: readonly FinalCostRow[], experiment: string, plan: SubsetPlan): { files: SubsetFile[]; embedding: TaskEmbedding } {
  const type = parseTaskType(plan.type);
  const embedding = embedTasks(rows, { type, optimizers: plan.optimizers });
  const points = toPointSet(embedding.points.map((p) => [...p]), `the ${type} embedding`);
  const tries = plan.tries ?? 100;
  const seed = plan.seed ?? 0;
  const start = plan.start ?? 'greedy';
  const mode = plan.mode ?? 'sequential';
  const selected = selectSets(points, { k: plan.k, sets: plan.sets, mode, tries, seed, start });
  const fullSetDiscrepancy = exactDiscrepancy(points).value;
  const files = selected.map((set: SelectedSet): SubsetFile => ({
    format: SUBSET_FORMAT,
    type,
    set: set.name,
    k: plan.k,
    mode,
    discrepancy: set.discrepancy,
    tasks: set.ids.map((i) => ({ id: embedding.tasks[i], point: embedding.points[i] })),
    source: { experiment, optimizers: embedding.optimizers, fullSetSize: points.n, fullSetDiscrepancy, tries, seed, start, sets: plan.sets },
  }));
  return { files, embedding };
}

/** Final cost rows of an experiment, with task types from the registry (inferred for unknown tasks). */
export async function readFinalCosts(storePath: string, experiment: string): Promise<FinalCostRow[]> {
  const store = await openStore(storePath, { readonly: true });
  try {
    if (!(await store.getExperiment(experiment))) {
      throw new UnknownNameError(`experiment in '${store.label}'`, experiment, (await store.listExperiments()).map((e) => e.name));
    }
    const types = new Map(listTasks().map((t) => [t.id, t.type]));
    return await finalCostRows(store, experiment, (task) => types.get(task));
  } finally {
    await store.close();
  }
}
