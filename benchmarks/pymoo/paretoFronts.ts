/** paretoFront(taskId, nPoints): the reference front of a multi-objective pymoo task, for IGD+ and hypervolume. */
import { SpecError, UnknownNameError } from '../../core/index.js';
import type { MultiObjectiveProblem } from './moProblem.js';
import { multiObjectiveProblems, multiObjectiveTaskId } from './multiObjective.js';

const byId = new Map<string, MultiObjectiveProblem>(multiObjectiveProblems.map((p) => [multiObjectiveTaskId(p), p]));
const cache = new Map<string, number[][]>();

function problemOf(taskId: string): MultiObjectiveProblem {
  const problem = byId.get(taskId);
  if (!problem) throw new UnknownNameError('multi-objective pymoo task', taskId, [...byId.keys()]);
  return problem;
}

/**
 * Points on the true Pareto front of a Pymoo/MO or Pymoo/ManyO task (minimized objectives), about
 * `nPoints` of them (default: the problem's own size, e.g. 100 for ZDT, 136 for DTLZ, 495 for WFG).
 * Each call returns a fresh copy.
 */
export function paretoFront(taskId: string, nPoints?: number): number[][] {
  const problem = problemOf(taskId);
  const n = nPoints ?? problem.front.defaultPoints;
  if (!Number.isInteger(n) || n < 2) throw new SpecError(`paretoFront: nPoints must be an integer >= 2, got ${nPoints}.`);
  const key = `${taskId}#${n}`;
  let front = cache.get(key);
  if (!front) {
    front = problem.front.points(n);
    cache.set(key, front);
  }
  return front.map((p) => p.slice());
}

/** Ideal and nadir point of a task's front (componentwise min and max): e.g. nadir * 1.1 as a hypervolume reference point. */
export function frontBounds(taskId: string): { ideal: number[]; nadir: number[] } {
  const front = problemOf(taskId).front;
  return { ideal: [...front.ideal], nadir: [...front.nadir] };
}

export function hasParetoFront(taskId: string): boolean {
  return byId.has(taskId);
}
