/** The shape every multi-objective pymoo problem of this folder has. */
import { boundsOf } from './frontTools.js';

/** How a problem's true Pareto front is reproduced. */
export interface ParetoFrontDefinition {
  /**
   * 'analytic': every point lies exactly on the true front (a closed form, or pymoo's Pareto set evaluated).
   * 'generated': a dense reference set computed numerically (grid + non-dominated filter).
   */
  readonly method: 'analytic' | 'generated';
  /** Size paretoFront() aims at when no size is asked for. */
  readonly defaultPoints: number;
  /** Componentwise minimum of the front. */
  readonly ideal: readonly number[];
  /** Componentwise maximum of the front (the nadir point). */
  readonly nadir: readonly number[];
  /** One line on how the points are made (README, metadata). */
  readonly description: string;
  /** Points on the front; about nPoints of them (exact count depends on the construction). */
  points(nPoints: number): number[][];
}

export interface MultiObjectiveProblem {
  /** CARP-S problem name: the last part of the task id (zdt1, dtlz1_inv, wfg1_10_5). */
  readonly name: string;
  /** CARP-S id group: Pymoo/MO/... or Pymoo/ManyO/... */
  readonly group: 'MO' | 'ManyO';
  /** The pymoo class the definition follows, e.g. pymoo.problems.multi.zdt.ZDT1. */
  readonly source: string;
  readonly lower: readonly number[];
  readonly upper: readonly number[];
  readonly nObjectives: number;
  /** n_trials of the CARP-S task yaml. */
  readonly nTrials: number;
  evaluate(x: ArrayLike<number>): number[];
  readonly front: ParetoFrontDefinition;
}

export function filled(n: number, value: number): number[] {
  return new Array<number>(n).fill(value);
}

export interface FrontSpec {
  readonly method: ParetoFrontDefinition['method'];
  readonly defaultPoints: number;
  readonly description: string;
  readonly points: (nPoints: number) => number[][];
  /** Known bounds; when absent they are computed (once) from a dense front of `boundsPoints` points. */
  readonly ideal?: readonly number[];
  readonly nadir?: readonly number[];
  readonly boundsPoints?: number;
}

/** A ParetoFrontDefinition whose ideal and nadir points, when not given, are computed lazily. */
export function defineFront(spec: FrontSpec): ParetoFrontDefinition {
  let computed: { ideal: number[]; nadir: number[] } | undefined;
  const bounds = () => (computed ??= boundsOf(spec.points(spec.boundsPoints ?? spec.defaultPoints)));
  return {
    method: spec.method,
    defaultPoints: spec.defaultPoints,
    description: spec.description,
    points: spec.points,
    get ideal() {
      return spec.ideal ?? bounds().ideal;
    },
    get nadir() {
      return spec.nadir ?? bounds().nadir;
    },
  };
}
