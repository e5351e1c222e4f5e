import type { Analysis } from '../pipeline/index.js';
import { normalizationLabel, rowsByTask } from '../pipeline/index.js';
import { CHART_CONFIG, optimizerColor, SCHEMA, type Chart } from './chartModel.js';
import { clip, costAxis } from './costAxis.js';
import { anytimeAxisTitle, taskAxis } from './xAxis.js';

type Row = Record<string, any>;

/** The colour of a band layer, with a legend drawn as solid lines (not pale band swatches). */
function lineLegend(optimizers: readonly string[]) {
  return { ...optimizerColor(optimizers), legend: { symbolType: 'stroke', symbolStrokeWidth: 3, symbolOpacity: 1 } };
}

/** Mean normalized incumbent over complete tasks against the budget fraction (or simulated time), with the bootstrap band. */
export function anytimeChart(analysis: Analysis): Chart {
  const values = (analysis.anytime.objects() as Row[]).filter((r) => Number.isFinite(r.mean));
  const level = Math.round(analysis.options.level * 100);
  return {
    name: 'anytime', title: 'Anytime performance',
    spec: {
      $schema: SCHEMA, config: CHART_CONFIG, width: 520, height: 320,
      title: { text: 'Anytime performance', subtitle: `mean over ${analysis.completeTasks.length} task(s), ${level}% bootstrap band over tasks` },
      data: { values },
      encoding: {
        x: { field: 'fraction', type: 'quantitative', title: anytimeAxisTitle(analysis), scale: { domain: [0, 1] } },
      },
      layer: [
        { mark: { type: 'area', opacity: 0.18 }, encoding: { y: { field: 'low', type: 'quantitative', title: normalizationLabel(analysis.options) }, y2: { field: 'high' }, color: lineLegend(analysis.ranked) } },
        { mark: { type: 'line', point: { size: 18 } }, encoding: { y: { field: 'mean', type: 'quantitative' }, color: optimizerColor(analysis.ranked) } },
      ],
    },
  };
}

/** Mean rank over complete tasks against the budget fraction (or simulated time), with the bootstrap band. */
export function rankOverTimeChart(analysis: Analysis): Chart {
  const values = (analysis.ranks.overTime.objects() as Row[]).filter((r) => Number.isFinite(r.mean));
  const k = analysis.ranked.length;
  return {
    name: 'rank_over_time', title: 'Mean rank over time',
    spec: {
      $schema: SCHEMA, config: CHART_CONFIG, width: 520, height: 320,
      title: { text: 'Mean rank over time', subtitle: 'rank of the mean normalized incumbent per task (1 = best)' },
      data: { values },
      encoding: {
        x: { field: 'fraction', type: 'quantitative', title: anytimeAxisTitle(analysis), scale: { domain: [0, 1] } },
      },
      layer: [
        { mark: { type: 'area', opacity: 0.18 }, encoding: { y: { field: 'low', type: 'quantitative', title: 'mean rank', scale: { domain: [1, Math.max(k, 2)] } }, y2: { field: 'high' }, color: lineLegend(analysis.ranked) } },
        { mark: { type: 'line', point: { size: 18 } }, encoding: { y: { field: 'mean', type: 'quantitative' }, color: optimizerColor(analysis.ranked) } },
      ],
    },
  };
}

/** One task's raw incumbent (mean over seeds ± standard error) against the budget fraction (or simulated seconds). */
export function taskCurveChart(analysis: Analysis, task: string): Chart {
  const rows = rowsByTask(analysis.taskCurves).get(task) ?? [];
  // No incumbent mean is below the best final cost of any run, nor above the worst mean: the band stays inside.
  const finals = (rowsByTask(analysis.runs).get(task) ?? []).map((r) => r.final_raw as number).filter(Number.isFinite);
  const means = rows.map((r) => r.raw_mean as number).filter(Number.isFinite);
  const floor = Math.min(...finals, ...means);
  const ceiling = Math.max(...means);
  const x = taskAxis(analysis, task);
  const values = rows.map((r) => ({
    optimizer: r.optimizer, fraction: r.fraction, ...(x.horizon !== undefined ? { time: r.fraction * x.horizon } : {}), mean: r.raw_mean,
    low: clip(r.raw_mean - r.raw_se, floor, ceiling), high: clip(r.raw_mean + r.raw_se, floor, ceiling), n: r.n,
  }));
  const axis = costAxis([...means, ...finals], finals);
  const multi = (analysis.tasks.find((t) => t.id === task)?.nObjectives ?? 1) > 1;
  return {
    name: 'task_curve', title: 'Incumbent over time', task,
    spec: {
      $schema: SCHEMA, config: CHART_CONFIG, width: 420, height: 260,
      title: { text: task, subtitle: `mean ± standard error over seeds${multi ? ' (hypervolume loss)' : ''}` },
      data: { values },
      encoding: { x: { field: x.field, type: 'quantitative', title: x.title, scale: { domain: x.domain } } },
      layer: [
        { mark: { type: 'area', opacity: 0.18 }, encoding: { y: { field: 'low', type: 'quantitative', title: `${multi ? 'hypervolume loss' : 'incumbent cost'}${axis.titleSuffix}`, scale: axis.scale, ...(axis.axis ? { axis: axis.axis } : {}) }, y2: { field: 'high' }, color: lineLegend(analysis.optimizers) } },
        { mark: 'line', encoding: { y: { field: 'mean', type: 'quantitative', scale: axis.scale }, color: optimizerColor(analysis.optimizers) } },
      ],
    },
  };
}
