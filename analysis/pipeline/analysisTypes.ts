import type * as aq from 'arquero';
import type { ObjectiveScale } from '../multiObjective/index.js';
import type { RunOutcome } from './curves.js';
import type { MissingSummary } from './missing.js';
import type { TaskScale } from './normalize.js';
import type { StatisticalTests } from './statisticalTests.js';
import type { ResolvedOptions, TaskInfo } from './types.js';

/** A multi-objective task's fronts for plotting: each optimizer's non-dominated union over its runs. */
export interface ParetoSummary {
  readonly task: string;
  readonly nObjectives: number;
  readonly scale: ObjectiveScale;
  readonly fronts: ReadonlyArray<{ optimizer: string; points: number[][] }>;
  readonly trueFront?: readonly (readonly number[])[];
}

/** Everything a report shows, as arquero tables and plain records. */
export interface Analysis {
  readonly experiment: string;
  readonly options: ResolvedOptions;
  readonly grid: readonly number[];
  /** Every optimizer label with runs in the selection, sorted; `ranked` those with analysed runs. */
  readonly optimizers: readonly string[];
  readonly ranked: readonly string[];
  readonly tasks: readonly TaskInfo[];
  /** Tasks where every ranked optimizer has analysed runs: the ones ranks, curves and tests use. */
  readonly completeTasks: readonly string[];
  readonly incompleteTasks: ReadonlyArray<{ task: string; missing: string[] }>;
  /** With the time axis: per task, the simulated seconds at grid fraction 1 (its longest analysed run). */
  readonly horizons?: ReadonlyMap<string, number>;
  readonly outcomes: readonly RunOutcome[];
  /** One row per run: status, trials, inclusion, final raw and normalized values, hypervolume, IGD+. */
  readonly runs: aq.ColumnTable;
  /** One row per analysed run and grid point. */
  readonly curves: aq.ColumnTable;
  /** Mean and standard error over seeds per optimizer, task and grid point. */
  readonly taskCurves: aq.ColumnTable;
  /** Mean over complete tasks per optimizer and grid point, with bootstrap interval (low, high). */
  readonly anytime: aq.ColumnTable;
  /** Final performance per optimizer and task (every task, complete or not). */
  readonly final: aq.ColumnTable;
  readonly ranks: {
    /** task, optimizer, rank, value at the end of the budget. */
    readonly perTask: aq.ColumnTable;
    /** optimizer, step, fraction, mean (rank), low, high over complete tasks. */
    readonly overTime: aq.ColumnTable;
    /** Final mean rank per optimizer: optimizer, rank, low, high, tasks; best first. */
    readonly mean: aq.ColumnTable;
  };
  readonly tests: StatisticalTests;
  readonly missing: aq.ColumnTable;
  readonly missingSummary: MissingSummary;
  readonly scales: readonly TaskScale[];
  readonly pareto: readonly ParetoSummary[];
  readonly notes: readonly string[];
}
