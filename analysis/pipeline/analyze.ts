import { SpecError, UnknownNameError } from '../../core/index.js';
import type { Store } from '../../runner/index.js';
import { acrossTasks, curveTable, finalTable, taskCurveTable } from './aggregate.js';
import type { Analysis } from './analysisTypes.js';
import { runCurves } from './curves.js';
import { budgetGrid } from './grid.js';
import { loadExperiment, type LoadedExperiment } from './load.js';
import { missingSummary, missingTable } from './missing.js';
import { normalizeValue, taskScale, type TaskScale } from './normalize.js';
import { finalRankTable, rankCube } from './ranks.js';
import { runTable } from './runTable.js';
import { statisticalTests } from './statisticalTests.js';
import { completeness, finalsBySeed, paretoSummaries, taskMeans } from './summaries.js';
import { collectTaskInfo } from './taskInfo.js';
import { timeAxis } from './timeAxis.js';
import { resolveOptions, type AnalysisOptions, type ResolvedOptions } from './types.js';

/** load (stream, one digest per run) -> anytime values -> normalize -> aggregate -> ranks -> tests. */
export async function analyzeExperiment(store: Store, experiment: string, options: AnalysisOptions = {}): Promise<Analysis> {
  const resolved = resolveOptions(options);
  const grid = budgetGrid(resolved.gridPoints);
  const loaded = await loadExperiment(store, experiment, { tasks: resolved.tasks, grid, withTime: resolved.axis === 'time' });
  return analyzeLoaded(loaded, resolved);
}

export async function analyzeLoaded(all: LoadedExperiment, options: ResolvedOptions): Promise<Analysis> {
  const grid = budgetGrid(options.gridPoints);
  const time = options.axis === 'time' ? timeAxis(all) : undefined;
  const loaded = time ? time.loaded : all;
  const optimizers = [...new Set(loaded.runs.map((d) => d.run.optimizer))].sort();
  checkBaseline(options, optimizers);
  const needOptimum = options.normalization !== 'minmax';
  const { tasks, notes } = await collectTaskInfo(loaded, needOptimum, options.taskContext);
  if (time?.note) notes.unshift(time.note);
  const stage = runCurves(loaded, tasks, grid, time ? { axis: 'time', horizons: time.horizons } : { axis: 'budget' });
  const included = stage.outcomes.filter((o) => o.inclusion === 'included');
  const ranked = optimizers.filter((name) => included.some((o) => o.run.optimizer === name));
  for (const name of optimizers.filter((n) => !ranked.includes(n))) notes.push(`Optimizer '${name}' has no analysed run (see missing data): left out of ranks and tests.`);

  const scales = new Map<string, TaskScale>();
  for (const task of tasks) {
    const observed = stage.observed.get(task.id);
    if (!observed) continue;
    const baselineRuns = included.filter((o) => o.run.task === task.id && o.run.optimizer === options.baseline);
    const baselineFinal = baselineRuns.length ? baselineRuns.reduce((s, o) => s + o.finalRaw!, 0) / baselineRuns.length : undefined;
    const optimum = task.nObjectives > 1 ? stage.frontLoss.get(task.id) : task.optimum;
    const scale = taskScale({ task: task.id, observedMin: observed.min, observedMax: observed.max, optimum, baselineFinal }, options);
    scales.set(task.id, scale);
    if (scale.note) notes.push(`Task '${task.id}': ${scale.note}.`);
  }
  const normalizedGrid = new Map<number, (number | null)[]>();
  const finalValues = new Map<number, number>();
  for (const o of included) {
    const scale = scales.get(o.run.task)!;
    normalizedGrid.set(o.run.run_id, o.grid.map((v) => (v === null ? null : normalizeValue(v, scale, options))));
    finalValues.set(o.run.run_id, normalizeValue(o.finalRaw!, scale, options));
  }

  const curves = curveTable(stage.outcomes, normalizedGrid, grid);
  const taskCurves = taskCurveTable(curves);
  const { complete, incomplete } = completeness(tasks, ranked, included);
  const means = taskMeans(taskCurves, complete, ranked, grid.length);
  const bootstrap = { resamples: options.bootstrapResamples, seed: options.seed, level: options.level };
  const anytime = acrossTasks(means, ranked, grid, bootstrap);
  const cube = rankCube(means, ranked, grid.length);
  const overTime = acrossTasks(cube, ranked, grid, { ...bootstrap, seed: options.seed + 1 });
  const meanRanks = overTime.filter(`d => d.step === ${grid.length - 1}`).select('optimizer', 'mean', 'low', 'high', 'tasks').rename({ mean: 'rank' }).orderby('rank');
  const finalMeans = new Map([...means].map(([task, m]) => [task, m.map((row) => row.at(-1)!)]));
  const tests = statisticalTests(finalMeans, ranked, options.alpha, options.baseline ? { baseline: options.baseline, finals: finalsBySeed(included) } : undefined);
  if (incomplete.length) notes.push(`${incomplete.length} task(s) lack analysed runs of some optimizer and are left out of ranks, tests and mean curves: ${incomplete.slice(0, 5).map((t) => t.task).join(', ')}${incomplete.length > 5 ? ', ...' : ''}.`);

  return {
    experiment: all.experiment, options, grid, optimizers, ranked, tasks, completeTasks: [...means.keys()], incompleteTasks: incomplete,
    ...(time ? { horizons: time.horizons } : {}), outcomes: stage.outcomes, runs: runTable(stage.outcomes, finalValues), curves, taskCurves, anytime,
    final: finalTable(stage.outcomes, finalValues),
    ranks: { perTask: finalRankTable(cube, means, ranked), overTime, mean: meanRanks },
    tests, missing: missingTable(stage.outcomes), missingSummary: missingSummary(stage.outcomes), scales: [...scales.values()],
    pareto: paretoSummaries(tasks, included, stage.objectiveScales), notes: [...notes, ...tests.notes],
  };
}

function checkBaseline(options: ResolvedOptions, optimizers: readonly string[]): void {
  if (options.normalization === 'baseline' && !options.baseline) {
    throw new SpecError(`Normalization 'baseline' needs --baseline NAME, one of: ${optimizers.join(', ')}.`);
  }
  if (options.baseline !== undefined && !optimizers.includes(options.baseline)) {
    throw new UnknownNameError('baseline optimizer', options.baseline, optimizers);
  }
}
