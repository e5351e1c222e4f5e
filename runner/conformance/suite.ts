import type { OptimizerFactory, Options, SearchSpace, TaskType } from '../../core/index.js';
import { ConformanceFailure } from './checks.js';
import { conformanceCase, primaryType } from './conformanceCase.js';
import { conformanceSpaces, mixedSpace } from './spaces.js';

/** One case of the suite: a space, a task type and a trial count. */
export interface SuiteCase {
  readonly label: string;
  readonly space: SearchSpace;
  readonly type: TaskType;
  readonly nTrials: number;
  /** Trials in flight at once (the pending-trials cases of optimizers that declare supportsPending). */
  readonly parallelTrials?: number;
}

export interface CaseResult extends Omit<SuiteCase, 'space'> {
  readonly passed: boolean;
  /** What failed, naming the trial and the offending config. */
  readonly failure?: string;
  /** Why the case did not apply (an external program that runs one trial at a time). */
  readonly skipped?: string;
  readonly seconds: number;
}

/** Trials of the multi-fidelity / multi-objective cases (on the mixed space). */
const TASK_TYPE_TRIALS = 40;
/** How an external program's start fails when the run has parallel trials and the program did not declare them. */
const PROGRAM_WITHOUT_PENDING = /does not list the capability 'pending'/;
/** Trials in flight in the pending-trials cases. */
export const PENDING_CASE_K = 4;

/**
 * The suite of one optimizer: every conformance space (every hyperparameter type, log scales,
 * conditions, forbiddens, constants, 1-D and 50-D) on the simplest task type it supports,
 * then the mixed space on each other task type it declares (multi-fidelity, multi-objective);
 * for an optimizer that declares supportsPending, the mixed space on each task type again with
 * 4 trials in flight (asks before tells, tells out of order).
 */
export function suiteCases(factory: Pick<OptimizerFactory, 'supports' | 'supportsPending'>): SuiteCase[] {
  const type = primaryType(factory);
  const spaces = conformanceSpaces().map(({ name, space, nTrials }) => ({ label: `space '${name}'`, space, type, nTrials }));
  const types = factory.supports
    .filter((t) => t !== type)
    .map((t) => ({ label: 'mixed space', space: mixedSpace(), type: t, nTrials: TASK_TYPE_TRIALS }));
  const pending = factory.supportsPending === true
    ? factory.supports.map((t) => ({ label: `pending trials, K = ${PENDING_CASE_K}`, space: mixedSpace(), type: t, nTrials: TASK_TYPE_TRIALS, parallelTrials: PENDING_CASE_K }))
    : [];
  return [...spaces, ...types, ...pending];
}

/** Runs every case (or those `only` keeps); a failing case does not stop the others. Errors other than a failed check (a bug in the harness) propagate. */
export async function runConformanceSuite(
  factory: OptimizerFactory,
  options: Options = {},
  onCase?: (result: CaseResult) => void,
  only: (c: SuiteCase) => boolean = () => true,
): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const { space, ...meta } of suiteCases(factory).filter(only)) {
    const started = performance.now();
    let failure: string | undefined;
    let skipped: string | undefined;
    try {
      await conformanceCase(factory, space, meta.type, meta.nTrials, meta.label, options, meta.parallelTrials);
    } catch (error) {
      if (!(error instanceof ConformanceFailure)) throw error;
      // `external` declares pending trials per program, in its 'ready' answer: one that does not is checked one trial at a time only.
      if (meta.parallelTrials !== undefined && PROGRAM_WITHOUT_PENDING.test(error.message)) skipped = "the program does not list the 'pending' capability (it runs one trial at a time)";
      else failure = error.message;
    }
    const result: CaseResult = { ...meta, passed: failure === undefined, failure, ...(skipped ? { skipped } : {}), seconds: (performance.now() - started) / 1000 };
    results.push(result);
    onCase?.(result);
  }
  return results;
}
