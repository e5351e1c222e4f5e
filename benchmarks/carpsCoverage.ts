/**
 * How much of CARP-S's task catalogue (carps/configs/task of CARP-S v1.0.0, 5,358 task ids) hpoarena
 * covers: which of our collections lists each CARP-S collection's ids, and why the others are not here.
 * The listed collections list exactly CARP-S's ids (test/benchmarks/carpsCoverage.test.ts checks them
 * against CARP-S's task list), so their descriptors count CARP-S ids runnable here and ids waiting for data.
 */
import type { TaskDescriptor } from './collection.js';

export interface CarpsCollection {
  /** CARP-S's name for it (benchmark_id / folder under carps/configs/task). */
  readonly carps: string;
  /** Its number of distinct task ids in CARP-S. */
  readonly ids: number;
  /** The hpoarena collection that lists them; absent when not supported. */
  readonly collection?: string;
  /** Why hpoarena does not run them (absent when supported). */
  readonly unsupported?: string;
}

export const CARPS_COLLECTIONS: readonly CarpsCollection[] = [
  { carps: 'BBOB', ids: 360, collection: 'bbob' },
  { carps: 'BBOBVizier', ids: 24, collection: 'bbob_vizier' },
  { carps: 'Pymoo', ids: 37, collection: 'pymoo' },
  { carps: 'MFPBench MF-Hartmann', ids: 8, collection: 'mfh' },
  { carps: 'YAHPO', ids: 2615, collection: 'yahpo' },
  {
    carps: 'HPO-B', ids: 1957,
    unsupported: "XGBoost surrogates (one per search space) that run only in Python's xgboost",
  },
  {
    carps: 'HPOBench', ids: 349,
    unsupported: "runs in HPOBench's Python package, mostly inside its Singularity containers",
  },
  {
    carps: 'MFPBench PD1', ids: 8,
    unsupported: "mfpbench's XGBoost surrogates, which run only in Python's xgboost",
  },
];

export const CARPS_TASK_IDS = CARPS_COLLECTIONS.reduce((n, c) => n + c.ids, 0);

export interface CarpsCoverageRow {
  readonly carps: string;
  readonly ids: number;
  readonly collection?: string;
  /** CARP-S ids listed by hpoarena (0 when unsupported). */
  readonly listed: number;
  /** Listed ids whose task can be built here now. */
  readonly runnable: number;
  /** Listed ids that wait for data (`unavailableReason` says how to get it). */
  readonly needData: number;
  readonly unsupported?: string;
}

export interface CarpsCoverage {
  readonly ids: number;
  readonly listed: number;
  readonly runnable: number;
  readonly needData: number;
  readonly unsupported: number;
  readonly collections: readonly CarpsCoverageRow[];
}

/** Counts, per CARP-S collection, what the given listing (every task, unfiltered) offers. */
export function carpsCoverage(listed: readonly TaskDescriptor[]): CarpsCoverage {
  const collections = CARPS_COLLECTIONS.map((c): CarpsCoverageRow => {
    const tasks = c.collection ? listed.filter((t) => t.collection === c.collection) : [];
    const runnable = tasks.filter((t) => t.available).length;
    return { ...c, listed: tasks.length, runnable, needData: tasks.length - runnable };
  });
  const sum = (pick: (row: CarpsCoverageRow) => number) => collections.reduce((n, row) => n + pick(row), 0);
  return {
    ids: CARPS_TASK_IDS,
    listed: sum((r) => r.listed),
    runnable: sum((r) => r.runnable),
    needData: sum((r) => r.needData),
    unsupported: sum((r) => (r.unsupported ? r.ids : 0)),
    collections,
  };
}
