import {
  a12Magnitude, friedmanTest, holmAdjust, nemenyiTest, varghaDelaneyA12, wilcoxonSignedRank,
  type FriedmanResult, type Magnitude, type NemenyiAlpha, type NemenyiResult,
} from '../statistics/index.js';

export interface PairwiseComparison {
  readonly a: string;
  readonly b: string;
  /** Tasks where a's mean normalized final value is lower / equal / higher than b's. */
  readonly wins: number;
  readonly ties: number;
  readonly losses: number;
  /** Wilcoxon signed-rank over tasks (paired by task), two-sided. */
  readonly pValue: number;
  readonly pHolm: number;
  readonly method: string;
  /** Matched-pairs rank-biserial of a - b: negative means a tends to have the lower (better) value. */
  readonly rankBiserial: number;
}

export interface BaselineComparison {
  readonly task: string;
  readonly optimizer: string;
  readonly baseline: string;
  /** A12 of the optimizer's final raw values against the baseline's, over seeds: below 0.5 means lower cost. */
  readonly a12: number;
  readonly magnitude: Magnitude;
}

export interface StatisticalTests {
  readonly tasks: number;
  readonly optimizers: readonly string[];
  readonly friedman?: FriedmanResult;
  readonly nemenyi?: NemenyiResult;
  readonly pairwise: PairwiseComparison[];
  readonly baseline: BaselineComparison[];
  /** Why a test was not run. */
  readonly notes: string[];
}

/**
 * Stage 6 (tests) on the final task x optimizer matrix of mean normalized values (complete
 * tasks only): Friedman with Iman-Davenport, the Nemenyi critical difference, and pairwise
 * Wilcoxon signed-rank tests over tasks with Holm's correction and rank-biserial effect sizes.
 */
export function statisticalTests(
  finalMeans: ReadonlyMap<string, number[]>, optimizers: readonly string[], alpha: NemenyiAlpha,
  seedsByTask?: { baseline: string; finals: ReadonlyMap<string, ReadonlyMap<string, number[]>> },
): StatisticalTests {
  const tasks = [...finalMeans.keys()];
  const matrix = tasks.map((t) => finalMeans.get(t)!);
  const notes: string[] = [];
  const k = optimizers.length;
  let friedman: FriedmanResult | undefined;
  let nemenyi: NemenyiResult | undefined;
  if (k === 0) notes.push('No run has finished with a successful trial yet: nothing to rank or test (see `hpoarena status`).');
  else if (k < 2) notes.push('Only one optimizer: no comparison to test.');
  else if (tasks.length < 2) notes.push(`Friedman and Nemenyi tests need at least 2 complete tasks, got ${tasks.length}.`);
  else {
    friedman = friedmanTest(matrix);
    notes.push(...friedmanCaveats(matrix, optimizers, friedman));
    if (k <= 20) nemenyi = nemenyiTest(friedman.meanRanks, tasks.length, alpha);
    else notes.push(`The Nemenyi table covers up to 20 optimizers, got ${k}: no critical difference.`);
  }
  const raw: Omit<PairwiseComparison, 'pHolm'>[] = [];
  if (k >= 2 && tasks.length >= 1) {
    for (let i = 0; i < k; i++) {
      for (let j = i + 1; j < k; j++) {
        const a = matrix.map((row) => row[i]);
        const b = matrix.map((row) => row[j]);
        const w = wilcoxonSignedRank(a, b);
        raw.push({
          a: optimizers[i], b: optimizers[j], wins: a.filter((v, t) => v < b[t]).length, ties: a.filter((v, t) => v === b[t]).length,
          losses: a.filter((v, t) => v > b[t]).length, pValue: w.pValue, method: w.method, rankBiserial: w.rankBiserial,
        });
      }
    }
  }
  const adjusted = holmAdjust(raw.map((r) => r.pValue));
  const baseline: BaselineComparison[] = [];
  if (seedsByTask) {
    for (const [task, byOptimizer] of seedsByTask.finals) {
      const base = byOptimizer.get(seedsByTask.baseline);
      if (!base?.length) continue;
      for (const [optimizer, values] of byOptimizer) {
        if (optimizer === seedsByTask.baseline || values.length === 0) continue;
        const a12 = varghaDelaneyA12(values, base);
        baseline.push({ task, optimizer, baseline: seedsByTask.baseline, a12, magnitude: a12Magnitude(a12) });
      }
    }
  }
  return {
    tasks: tasks.length, optimizers, ...(friedman ? { friedman } : {}), ...(nemenyi ? { nemenyi } : {}),
    pairwise: raw.map((r, i) => ({ ...r, pHolm: adjusted[i] })), baseline, notes,
  };
}

/** Fewer tasks than this: the Friedman test rarely reaches significance whatever the optimizers do. */
const FEW_TASKS = 5;

/**
 * What the Friedman and Iman-Davenport numbers cannot say by themselves. When every task ranks
 * the optimizers the same way (no ties), chi-square is at its maximum n(k-1): Friedman's p is the
 * smallest this number of tasks allows, and Iman-Davenport's F divides by zero (infinite, p = 0).
 */
export function friedmanCaveats(matrix: readonly (readonly number[])[], optimizers: readonly string[], friedman: FriedmanResult): string[] {
  const notes: string[] = [];
  const order = identicalOrder(matrix);
  if (order) {
    notes.push(
      `Every task ranks the optimizers the same way (${order.map((j) => optimizers[j]).join(' < ')}): Iman-Davenport's F is not defined (infinite) and is not reported; ` +
        `Friedman's p = ${friedman.pValue.toPrecision(3)} is the smallest ${friedman.n} tasks can give.`,
    );
  }
  if (friedman.n < FEW_TASKS) notes.push(`Only ${friedman.n} tasks: the Friedman test has little power with fewer than ${FEW_TASKS}; read its p-value with care.`);
  return notes;
}

/** Column indices from best to worst if every row orders them the same way without ties; undefined otherwise. */
function identicalOrder(matrix: readonly (readonly number[])[]): number[] | undefined {
  const orderOf = (row: readonly number[]) => row.map((_, j) => j).sort((a, b) => row[a] - row[b]);
  const first = orderOf(matrix[0]);
  for (const row of matrix) {
    const order = orderOf(row);
    if (order.some((j, i) => j !== first[i])) return undefined;
    if (order.some((j, i) => i > 0 && row[j] === row[order[i - 1]])) return undefined;
  }
  return first;
}
