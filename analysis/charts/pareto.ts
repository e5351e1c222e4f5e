import type { ParetoSummary } from '../pipeline/index.js';
import { CHART_CONFIG, optimizerColor, SCHEMA, type Chart } from './chartModel.js';

/**
 * A two-objective task's fronts: each optimizer's non-dominated union over its runs (points
 * joined in objective-1 order) and, in grey, the true front where the task has one.
 */
export function paretoChart(summary: ParetoSummary, optimizers: readonly string[]): Chart | undefined {
  if (summary.nObjectives !== 2) return undefined;
  const points = summary.fronts.flatMap((f) => f.points.map((p, order) => ({ optimizer: f.optimizer, f1: p[0], f2: p[1], order })));
  const truth = (summary.trueFront ?? []).map((p) => ({ f1: p[0], f2: p[1] })).sort((a, b) => a.f1 - b.f1);
  const x = { field: 'f1', type: 'quantitative' as const, title: 'objective 1', scale: { zero: false } };
  const y = { field: 'f2', type: 'quantitative' as const, title: 'objective 2', scale: { zero: false } };
  return {
    name: 'task_pareto', title: 'Pareto fronts', task: summary.task,
    spec: {
      $schema: SCHEMA, config: CHART_CONFIG, width: 420, height: 300,
      title: { text: summary.task, subtitle: `non-dominated points per optimizer (all seeds)${truth.length ? '; grey: true front' : ''}` },
      layer: [
        ...(truth.length ? [{ data: { values: truth }, mark: { type: 'line' as const, color: '#999', strokeDash: [4, 3] }, encoding: { x, y, order: { field: 'f1', type: 'quantitative' as const } } }] : []),
        { data: { values: points }, mark: { type: 'line', point: true, interpolate: 'step-after' }, encoding: { x, y, color: optimizerColor(optimizers), order: { field: 'order', type: 'quantitative' } } },
      ],
    },
  };
}
