import type { Analysis } from '../pipeline/index.js';
import { normalizationLabel, rowsByTask } from '../pipeline/index.js';
import { formatNumber } from '../tables/index.js';
import { CHART_CONFIG, optimizerColor, SCHEMA, type Chart } from './chartModel.js';
import { costAxis } from './costAxis.js';

type Row = Record<string, any>;

/** Final mean normalized cost per task (rows) and optimizer (columns). */
export function heatmapChart(analysis: Analysis): Chart {
  const values = (analysis.final.objects() as Row[]).filter((r) => Number.isFinite(r.value_mean))
    .map((r) => ({ task: r.task, optimizer: r.optimizer, value: r.value_mean, text: formatNumber(r.value_mean), n: r.n }));
  const tasks = analysis.tasks.map((t) => t.id);
  const withText = tasks.length <= 60 && analysis.optimizers.length <= 16;
  const finite = values.map((v) => v.value as number);
  const middle = finite.length ? (Math.min(...finite) + Math.max(...finite)) / 2 : 0;
  const y = { field: 'task', type: 'nominal' as const, sort: tasks, title: null, axis: { labelLimit: 320 } };
  const x = { field: 'optimizer', type: 'nominal' as const, sort: [...analysis.optimizers], title: null, axis: { labelAngle: -30, labelLimit: 200 } };
  return {
    name: 'heatmap', title: 'Final performance per task',
    spec: {
      $schema: SCHEMA, config: CHART_CONFIG,
      width: Math.max(160, 70 * analysis.optimizers.length), height: Math.max(60, 18 * tasks.length),
      title: { text: 'Final performance per task', subtitle: `mean ${normalizationLabel(analysis.options)} over seeds` },
      data: { values },
      layer: [
        { mark: 'rect', encoding: { x, y, color: { field: 'value', type: 'quantitative', title: 'normalized', scale: { scheme: 'viridis', reverse: true } }, tooltip: [{ field: 'task' }, { field: 'optimizer' }, { field: 'value', type: 'quantitative', format: '.4g' }, { field: 'n' }] } },
        ...(withText ? [{ mark: { type: 'text' as const, fontSize: 10 }, encoding: { x, y, text: { field: 'text' }, color: { condition: { test: `datum.value > ${Number.isFinite(middle) ? middle : 0}`, value: '#fff' }, value: '#000' } } }] : []),
      ],
    },
  };
}

/** Distribution of every analysed run's final normalized cost, per optimizer. */
export function finalBoxplotChart(analysis: Analysis): Chart {
  const values = (analysis.runs.objects() as Row[]).filter((r) => r.inclusion === 'included' && Number.isFinite(r.final_value))
    .map((r) => ({ optimizer: r.optimizer, value: r.final_value }));
  return {
    name: 'final_boxplot', title: 'Final performance distribution',
    spec: {
      $schema: SCHEMA, config: CHART_CONFIG, width: Math.max(200, 80 * analysis.optimizers.length), height: 300,
      title: { text: 'Final performance distribution', subtitle: 'every analysed run (all tasks and seeds)' },
      data: { values },
      mark: { type: 'boxplot', extent: 1.5 },
      encoding: {
        x: { field: 'optimizer', type: 'nominal', sort: [...analysis.optimizers], title: null, axis: { labelAngle: -30, labelLimit: 200 } },
        y: { field: 'value', type: 'quantitative', title: normalizationLabel(analysis.options) },
        color: { ...optimizerColor(analysis.optimizers), legend: null },
      },
    },
  };
}

/** One task's final raw costs over seeds, per optimizer. */
export function taskBoxplotChart(analysis: Analysis, task: string): Chart {
  const values = (rowsByTask(analysis.runs).get(task) ?? []).filter((r) => r.inclusion === 'included')
    .map((r) => ({ optimizer: r.optimizer, value: r.final_raw, seed: r.seed }));
  const multi = (analysis.tasks.find((t) => t.id === task)?.nObjectives ?? 1) > 1;
  const axis = costAxis(values.map((v) => v.value as number));
  return {
    name: 'task_final', title: 'Final cost over seeds', task,
    spec: {
      $schema: SCHEMA, config: CHART_CONFIG, width: Math.max(160, 70 * analysis.optimizers.length), height: 220,
      title: { text: task, subtitle: `final ${multi ? 'hypervolume loss' : 'cost'} per seed` },
      data: { values },
      mark: { type: 'boxplot', extent: 'min-max' },
      encoding: {
        x: { field: 'optimizer', type: 'nominal', sort: [...analysis.optimizers], title: null, axis: { labelAngle: -30, labelLimit: 200 } },
        y: { field: 'value', type: 'quantitative', title: `${multi ? 'hypervolume loss' : 'final cost'}${axis.titleSuffix}`, scale: axis.scale },
        color: { ...optimizerColor(analysis.optimizers), legend: null },
      },
    },
  };
}
