import type { InstanceSpec } from './instance.js';

/** What a function builder returns: COCO's optimum location and an allocation-free f(x). */
export interface BuiltFunction {
  /** The optimum as COCO reports it (coco_problem_t.best_parameter). */
  readonly xopt: Float64Array;
  /** f(x), fopt included; reads the first `dimension` entries of x; allocates nothing. */
  readonly evaluate: (x: Float64Array) => number;
}

/** Builds one BBOB function for one (dimension, instance): everything is precomputed here. */
export type FunctionBuilder = (spec: InstanceSpec) => BuiltFunction;

/** One built BBOB problem: function `fid`, instance `instance`, in `dimension` variables. */
export interface BbobProblem extends BuiltFunction {
  readonly fid: number;
  readonly name: string;
  readonly dimension: number;
  readonly instance: number;
  /** Optimal value: f(xopt) = fopt up to rounding. */
  readonly fopt: number;
}

export const TWO_PI = 2 * Math.PI;
