import type { Analysis } from '../pipeline/index.js';
import { normalizationLabel, rowsByTask } from '../pipeline/index.js';
import { cell, formatMeanSe, formatNumber, type Cell, type ReportTable } from './tableModel.js';
import { baselineTable, omnibusTestTable, pairwiseTestTable } from './testTables.js';

type Row = Record<string, any>;

function rowsOf(table: { objects(): object[] }): Row[] {
  return table.objects() as Row[];
}

/** Final performance: mean ± standard error of the final raw cost per task (rows) and optimizer (columns); best mean in bold. */
export function finalPerformanceTable(analysis: Analysis): ReportTable {
  const final = rowsOf(analysis.final);
  const multi = new Set(analysis.tasks.filter((t) => t.nObjectives > 1).map((t) => t.id));
  const byTask = rowsByTask(analysis.final);
  const rows: Cell[][] = analysis.tasks.map((task) => {
    const cells = analysis.optimizers.map((o) => byTask.get(task.id)?.find((r) => r.optimizer === o));
    const best = Math.min(...cells.map((c) => c?.raw_mean ?? Infinity));
    return [cell(task.id), ...cells.map((c) => (c ? cell(formatMeanSe(c.raw_mean, c.raw_se), c.raw_mean === best) : cell('–')))];
  });
  return {
    name: 'final_performance',
    title: 'Final performance',
    caption: `Mean ± standard error over seeds of the final incumbent cost${multi.size ? ' (multi-objective tasks: hypervolume loss, 1 - normalized hypervolume)' : ''}; lowest mean in bold.`,
    header: ['task', ...analysis.optimizers],
    align: ['l', ...analysis.optimizers.map(() => 'r' as const)],
    rows,
    data: {
      columns: ['task', 'optimizer', 'n', 'cost_mean', 'cost_se', 'normalized_mean', 'normalized_se', 'hypervolume_mean', 'igd_plus_mean'],
      rows: final.map((r) => [r.task, r.optimizer, r.n, r.raw_mean, r.raw_se, r.value_mean, r.value_se, r.hypervolume_mean ?? null, r.igd_plus_mean ?? null]),
    },
  };
}

/** Mean final rank over complete tasks with its bootstrap interval. */
export function meanRankTable(analysis: Analysis): ReportTable {
  const ranks = rowsOf(analysis.ranks.mean);
  const level = Math.round(analysis.options.level * 100);
  const best = Math.min(...ranks.map((r) => r.rank));
  return {
    name: 'ranks',
    title: 'Mean rank',
    caption: `Mean rank over ${analysis.completeTasks.length} task(s) of the mean ${normalizationLabel(analysis.options)} at the end of the budget (1 = best, ties averaged); ${level}% percentile bootstrap interval over tasks (${analysis.options.bootstrapResamples} resamples, seed ${analysis.options.seed}).`,
    header: ['optimizer', 'mean rank', `${level}% interval`, 'tasks'],
    align: ['l', 'r', 'r', 'r'],
    rows: ranks.map((r) => [cell(r.optimizer), cell(formatNumber(r.rank), r.rank === best), cell(`[${formatNumber(r.low)}, ${formatNumber(r.high)}]`), cell(String(r.tasks))]),
    data: { columns: ['optimizer', 'mean_rank', 'low', 'high', 'tasks'], rows: ranks.map((r) => [r.optimizer, r.rank, r.low, r.high, r.tasks]) },
  };
}

/** Final rank per task (rows) and optimizer (columns). */
export function taskRankTable(analysis: Analysis): ReportTable {
  const ranks = rowsOf(analysis.ranks.perTask);
  const byTask = rowsByTask(analysis.ranks.perTask);
  return {
    name: 'ranks_per_task',
    title: 'Rank per task',
    caption: `Rank of the mean ${normalizationLabel(analysis.options)} over seeds at the end of the budget (1 = best).`,
    header: ['task', ...analysis.ranked],
    align: ['l', ...analysis.ranked.map(() => 'r' as const)],
    rows: analysis.completeTasks.map((task) => [cell(task), ...analysis.ranked.map((o) => {
      const r = byTask.get(task)?.find((x) => x.optimizer === o);
      return cell(r ? formatNumber(r.rank) : '–', r?.rank === 1);
    })]),
    data: { columns: ['task', 'optimizer', 'rank', 'normalized_mean'], rows: ranks.map((r) => [r.task, r.optimizer, r.rank, r.value]) },
  };
}

/** Runs per optimizer and task and why some are not analysed. */
export function missingDataTable(analysis: Analysis): ReportTable {
  const missing = rowsOf(analysis.missing);
  const shown = missing.filter((r) => r.included < r.runs);
  const s = analysis.missingSummary;
  const total = [cell('all', true), cell(''), ...[s.runs, s.included, s.failed, s.running, s.pending, s.noSuccess].map((v) => cell(String(v), true))];
  return {
    name: 'missing_data',
    title: 'Runs and missing data',
    caption: shown.length ? 'Optimizer and task pairs with runs that are not analysed (failed, still running, pending, or done without a successful trial).' : 'Every run is done and analysed.',
    header: ['optimizer', 'task', 'runs', 'analysed', 'failed', 'running', 'pending', 'no successful trial'],
    align: ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r'],
    rows: [...shown.map((r) => [cell(r.optimizer), cell(r.task), ...[r.runs, r.included, r.failed, r.running, r.pending, r.no_success].map((v) => cell(String(v)))]), total],
    data: {
      columns: ['optimizer', 'task', 'runs', 'analysed', 'failed', 'running', 'pending', 'no_success'],
      rows: missing.map((r) => [r.optimizer, r.task, r.runs, r.included, r.failed, r.running, r.pending, r.no_success]),
    },
  };
}

/** Every table of a report, in reading order. */
export function reportTables(analysis: Analysis): ReportTable[] {
  return [
    meanRankTable(analysis), finalPerformanceTable(analysis), taskRankTable(analysis), omnibusTestTable(analysis),
    pairwiseTestTable(analysis), baselineTable(analysis), missingDataTable(analysis),
  ].filter((t): t is ReportTable => t !== undefined);
}
