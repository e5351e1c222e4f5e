import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeExperiment, frontQuality, holmAdjust, taskObjectiveScale, wilcoxonSignedRank } from '../../analysis/index.js';
import { hasParetoFront, paretoFront } from '../../benchmarks/pymoo/index.js';
import { openSqliteStore, runExperiment } from '../../runner/index.js';
import { median } from '../figure.js';

/** Issue 6's multi-objective problems (pymoo collection, CARP-S budgets: 240 trials for ZDT1-3, 147 for ZDT4/6 and DTLZ2-7, 126 for DTLZ1). */
export const MO_PROBLEMS = [
  ...['zdt1', 'zdt2', 'zdt3', 'zdt4', 'zdt6'].map((p) => `Pymoo/MO/unconstraint/${p}`),
  ...[1, 2, 3, 4, 5, 6, 7].map((i) => `Pymoo/ManyO/unconstraint/dtlz${i}`),
];

/** The multi-objective optimizers issue 6 compares against random search. */
export const MO_OPTIMIZERS = ['nsga2', 'motpe', 'parego'] as const;

/** One optimizer on one problem against random search, seed s paired with seed s. */
export interface MoComparison {
  readonly optimizer: string;
  readonly task: string;
  /** Median normalized hypervolume of the final fronts over seeds: the optimizer's and random's. */
  readonly median: number;
  readonly randomMedian: number;
  /** Seeds where the optimizer's hypervolume is higher / lower than random's with the same seed. */
  readonly wins: number;
  readonly losses: number;
  /** One-sided Wilcoxon signed-rank (optimizer greater), raw and Holm-adjusted over every comparison of the study. */
  readonly pValue: number;
  readonly pHolm: number;
  /** Higher median and pHolm < 0.05. */
  readonly significant: boolean;
  /**
   * Second opinion, not part of the verdict: IGD+ of the final fronts to the problem's true front
   * (analysis' igdPlus; lower is better, no reference point to saturate): medians, seeds where the
   * optimizer's is lower / higher, one-sided Wilcoxon p (optimizer lower), not adjusted.
   */
  readonly igdPlus?: { median: number; randomMedian: number; wins: number; losses: number; pValue: number };
}

/** One optimizer against random over every (problem, seed) pair of the study. */
export interface MoPooled {
  readonly optimizer: string;
  readonly pairs: number;
  readonly wins: number;
  readonly losses: number;
  /** Median over the pairs of (optimizer's hypervolume - random's). */
  readonly medianDifference: number;
  readonly pValue: number;
  /** Holm over the optimizers. */
  readonly pHolm: number;
  readonly significant: boolean;
}

export interface MoQualityStudy {
  readonly seeds: number;
  readonly tasks: ReadonlyArray<{ task: string; nTrials: number }>;
  readonly optimizers: readonly string[];
  readonly comparisons: readonly MoComparison[];
  readonly pooled: readonly MoPooled[];
  /** Runs without an analysed final front (failed, or no successful trial): scored hypervolume 0. */
  readonly unanalysedRuns: number;
  /**
   * Significant comparisons had every run been scored on one scale per problem over all methods'
   * fronts (the analysis' report): a method far ahead of the rest (parego on ZDT1-3) then moves
   * the nadir so close to the front that the others' fronts all lie beyond the reference point.
   */
  readonly jointScaleSignificant: number;
}

export const ALPHA = 0.05;

/** The final non-dominated set of one run; undefined where the run has none (failed, or no successful trial). */
export interface RunFront {
  readonly optimizer: string;
  readonly task: string;
  readonly seed: number;
  readonly front: readonly (readonly number[])[] | undefined;
}

/**
 * Runs random search and `optimizers` on `tasks` (default: issue 6's twelve problems) with
 * seeds 1..`seeds` at the tasks' CARP-S budgets (or `nTrials`; note that the runner gives
 * optimizers the task's own budget in their view), takes each run's final front from the
 * analysis and scores them with scoreAgainstRandom.
 */
export async function moVsRandom(options: {
  seeds: number;
  tasks?: readonly string[];
  optimizers?: readonly string[];
  nTrials?: number;
  workers?: number;
  /** Keep the runs in this SQLite store (resumed if it exists) instead of a temporary one. */
  storePath?: string;
}): Promise<MoQualityStudy> {
  const tasks = options.tasks ?? MO_PROBLEMS;
  const optimizers = options.optimizers ?? MO_OPTIMIZERS;
  const dir = options.storePath ? undefined : mkdtempSync(join(tmpdir(), 'hpoarena-mo-quality-'));
  const store = openSqliteStore(options.storePath ?? join(dir!, 'quality.db'));
  try {
    const entries = ['random', ...optimizers].map((name) => ({ name, label: name, options: {} }));
    const seeds = Array.from({ length: options.seeds }, (_, i) => i + 1);
    await runExperiment(store, { experiment: 'mo-quality', optimizers: entries, tasks: [...tasks], seeds, nTrials: options.nTrials }, { workers: options.workers ?? 2 });
    const analysis = await analyzeExperiment(store, 'mo-quality', { normalization: 'minmax', bootstrapResamples: 10 });
    const budgets = new Map(analysis.outcomes.map((o) => [o.run.task, o.run.n_trials]));
    const runs = analysis.outcomes.map((o) => ({
      optimizer: o.run.optimizer, task: o.run.task, seed: o.run.seed, front: o.inclusion === 'included' ? o.front : undefined,
    }));
    return scoreAgainstRandom(runs, { seeds: options.seeds, tasks: tasks.map((task) => ({ task, nTrials: budgets.get(task) ?? NaN })), optimizers });
  } finally {
    store.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Scores final fronts by the analysis' normalized hypervolume (analysis/multiObjective: ideal
 * and nadir of the union of the compared runs' final fronts, reference 1.1 in normalized units;
 * a run without a front scores 0). The union is taken per (optimizer, task) over that
 * optimizer's and random's runs, as if the analysis were run on the two alone: with one scale
 * over all methods, a method far ahead (parego on ZDT1-3) pulls the nadir so close to the front
 * that every other front lies beyond the reference and scores 0 (`jointScaleSignificant` counts
 * that variant). Each (optimizer, task) is tested against random search by a one-sided Wilcoxon
 * signed-rank test over the seed pairs (seed s with seed s), Holm-adjusted over all comparisons;
 * each optimizer also over all its (task, seed) pairs pooled, Holm over the optimizers. IGD+ to
 * the task's true front (where pymoo has one) is a second opinion outside the verdict.
 */
export function scoreAgainstRandom(
  runs: readonly RunFront[],
  design: { seeds: number; tasks: ReadonlyArray<{ task: string; nTrials: number }>; optimizers: readonly string[] },
): MoQualityStudy {
  const { optimizers } = design;
  const tasks = design.tasks.map((t) => t.task);
  const seeds = Array.from({ length: design.seeds }, (_, i) => i + 1);
  const fronts = new Map(runs.map((r) => [`${r.optimizer}\u0000${r.task}\u0000${r.seed}`, r.front]));
  const frontsOf = (optimizer: string, task: string) => seeds.map((s) => fronts.get(`${optimizer}\u0000${task}\u0000${s}`));
  const unanalysedRuns = ['random', ...optimizers].reduce((n, o) => n + tasks.reduce((m, t) => m + frontsOf(o, t).filter((f) => !f).length, 0), 0);
  const trueFronts = new Map(tasks.map((task) => [task, hasParetoFront(task) ? paretoFront(task) : undefined]));
  /** Hypervolumes (and IGD+) of the given methods' runs on one scale: the union of their final fronts. */
  const scoreOn = (methods: readonly string[], task: string) => {
    const all = methods.map((m) => frontsOf(m, task));
    const present = all.flat().filter((f) => f !== undefined);
    const scale = present.length ? taskObjectiveScale(present) : undefined;
    return all.map((fs) => fs.map((f) => (f && scale ? frontQuality(f, scale, trueFronts.get(task)) : { hypervolume: 0, igdPlus: null })));
  };
  const compare = (ours: number[], random: number[]) => ({ ...tally(ours, random), pValue: wilcoxonSignedRank(ours, random, { alternative: 'greater' }).pValue });
  const scored = optimizers.flatMap((optimizer) =>
    tasks.map((task) => {
      const [ours, random] = scoreOn([optimizer, 'random'], task);
      return { optimizer, task, ours: ours.map((q) => q.hypervolume), random: random.map((q) => q.hypervolume), igd: [ours.map((q) => q.igdPlus), random.map((q) => q.igdPlus)] };
    }),
  );
  const igdComparison = ([ours, random]: (number | null)[][]) => {
    if (![...ours, ...random].every((v) => v !== null)) return {};
    const [o, r] = [ours as number[], random as number[]];
    const { wins, losses } = tally(r, o); // lower is better
    const pValue = wilcoxonSignedRank(o, r, { alternative: 'less' }).pValue;
    return { igdPlus: { median: median(o), randomMedian: median(r), wins, losses, pValue } };
  };
  const raw = scored.map(({ optimizer, task, ours, random, igd }) => ({
    optimizer, task, median: median(ours), randomMedian: median(random), ...compare(ours, random), ...igdComparison(igd),
  }));
  const adjusted = holmAdjust(raw.map((c) => c.pValue));
  const comparisons = raw.map((c, i) => ({ ...c, pHolm: adjusted[i], significant: c.median > c.randomMedian && adjusted[i] < ALPHA }));
  const pooledRaw = optimizers.map((optimizer) => {
    const mine = scored.filter((x) => x.optimizer === optimizer);
    const ours = mine.flatMap((x) => x.ours);
    const random = mine.flatMap((x) => x.random);
    return { optimizer, pairs: ours.length, medianDifference: median(ours.map((v, i) => v - random[i])), ...compare(ours, random) };
  });
  const pooledHolm = holmAdjust(pooledRaw.map((p) => p.pValue));
  const pooled = pooledRaw.map((p, i) => ({ ...p, pHolm: pooledHolm[i], significant: p.medianDifference > 0 && pooledHolm[i] < ALPHA }));
  const joint = tasks.map((task) => scoreOn(['random', ...optimizers], task).map((q) => q.map((x) => x.hypervolume)));
  const jointTests = optimizers.flatMap((_, o) =>
    joint.map(([random, ...others]) => ({ better: median(others[o]) > median(random), pValue: compare(others[o], random).pValue })),
  );
  const jointAdjusted = holmAdjust(jointTests.map((j) => j.pValue));
  const jointScaleSignificant = jointTests.filter((j, i) => j.better && jointAdjusted[i] < ALPHA).length;
  return { seeds: design.seeds, tasks: design.tasks, optimizers: [...optimizers], comparisons, pooled, unanalysedRuns, jointScaleSignificant };
}

function tally(ours: readonly number[], random: readonly number[]): { wins: number; losses: number } {
  let wins = 0;
  let losses = 0;
  ours.forEach((v, i) => {
    if (v > random[i]) wins++;
    else if (v < random[i]) losses++;
  });
  return { wins, losses };
}

/** The last path segment of a task id: 'Pymoo/MO/unconstraint/zdt1' -> 'zdt1'. */
export function shortName(task: string): string {
  return task.slice(task.lastIndexOf('/') + 1);
}

/**
 * One line per problem: budget, then per optimizer its median hypervolume against random's (on
 * the pair's scale), paired wins-losses, raw and Holm-adjusted p ('*' where significant) and the
 * IGD+ second opinion (medians, wins-losses); then one pooled line.
 */
export function describeMoStudy(study: MoQualityStudy): string[] {
  const lines = study.tasks.map(({ task, nTrials }) => {
    const parts = study.comparisons.filter((c) => c.task === task).map((c) => {
      const igd = c.igdPlus ? ` (IGD+ ${c.igdPlus.median.toPrecision(3)} vs ${c.igdPlus.randomMedian.toPrecision(3)}, ${c.igdPlus.wins}-${c.igdPlus.losses})` : '';
      return `${c.optimizer} ${c.median.toFixed(3)} vs ${c.randomMedian.toFixed(3)} ${c.wins}-${c.losses} p=${c.pValue.toExponential(1)} pHolm=${c.pHolm.toExponential(1)}${c.significant ? ' *' : ''}${igd}`;
    });
    return `${shortName(task).padEnd(5)} n=${nTrials} | ${parts.join(' | ')}`;
  });
  const pooled = study.pooled.map((p) => `${p.optimizer} ${p.wins}-${p.losses} of ${p.pairs}, median diff ${p.medianDifference.toFixed(3)}, pHolm=${p.pHolm.toExponential(1)}${p.significant ? ' *' : ''}`);
  lines.push(`pooled over problems x seeds: ${pooled.join(' | ')}`);
  if (study.unanalysedRuns) lines.push(`${study.unanalysedRuns} run(s) without an analysed front, scored 0`);
  return lines;
}
