import type { Analysis } from '../pipeline/index.js';
import { anytimeChart, rankOverTimeChart, taskCurveChart } from './anytime.js';
import type { Chart } from './chartModel.js';
import { criticalDifferenceChart } from './criticalDifference.js';
import { paretoChart } from './pareto.js';
import { finalBoxplotChart, heatmapChart, taskBoxplotChart } from './performance.js';

/** The experiment-level charts, in reading order. */
export function summaryCharts(analysis: Analysis): Chart[] {
  return [anytimeChart(analysis), rankOverTimeChart(analysis), criticalDifferenceChart(analysis), heatmapChart(analysis), finalBoxplotChart(analysis)];
}

/** Drill-down charts of one task: incumbent curve, final cost per seed, Pareto fronts (two objectives). */
export function taskCharts(analysis: Analysis, task: string): Chart[] {
  const pareto = analysis.pareto.find((p) => p.task === task);
  const charts = [taskCurveChart(analysis, task), taskBoxplotChart(analysis, task)];
  const front = pareto && paretoChart(pareto, analysis.optimizers);
  return front ? [...charts, front] : charts;
}
