import type { Analysis } from '../pipeline/index.js';
import { normalizationLabel, rowsByTask } from '../pipeline/index.js';
import { formatMeanSe, formatNumber, type ReportTable } from '../tables/index.js';
import { escapeHtml } from './escape.js';

type Row = Record<string, any>;

/** A report table as HTML; every cell is escaped text. */
export function htmlTable(table: ReportTable, links = true): string {
  const head = table.header.map((h, i) => `<th class="${table.align[i] === 'r' ? 'num' : ''}">${escapeHtml(h)}</th>`).join('');
  const body = table.rows.map((row) => `<tr>${row.map((c, i) => {
    const text = escapeHtml(c.text);
    return `<td class="${table.align[i] === 'r' ? 'num' : ''}">${c.bold ? `<strong>${text}</strong>` : text}</td>`;
  }).join('')}</tr>`).join('\n');
  const files = links ? ` <span class="files">(${['csv', 'md', 'tex'].map((ext) => `<a href="tables/${escapeHtml(table.name)}.${ext}">${ext}</a>`).join(' · ')})</span>` : '';
  return `<div class="table-wrap"><table id="table-${escapeHtml(table.name)}">
<caption><strong>${escapeHtml(table.title)}</strong>${files}${table.caption ? `<br><span class="caption">${escapeHtml(table.caption)}</span>` : ''}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody></table></div>`;
}

/** Chart placeholder; the inline script renders spec `key` into it. */
export function chartFigure(key: string, title: string): string {
  return `<figure class="chart-figure"><div class="chart" data-chart="${escapeHtml(key)}" role="img" aria-label="${escapeHtml(title)}"></div></figure>`;
}

export function metaLine(analysis: Analysis): string {
  const o = analysis.options;
  const parts = [
    `${analysis.missingSummary.runs} runs (${analysis.missingSummary.included} analysed)`,
    `${analysis.optimizers.length} optimizers`, `${analysis.tasks.length} tasks (${analysis.completeTasks.length} complete)`,
    `normalization: ${normalizationLabel(o)}`, `x axis: ${o.axis === 'time' ? 'simulated time' : 'budget fraction'}`, `grid: ${o.gridPoints} points`,
    `${Math.round(o.level * 100)}% bootstrap intervals over tasks (${o.bootstrapResamples} resamples, seed ${o.seed})`,
  ];
  return parts.map(escapeHtml).join(' · ');
}

/** The missing-data summary and every note of the analysis. */
export function notesBlock(analysis: Analysis): string {
  const s = analysis.missingSummary;
  const missing = s.runs - s.included;
  const line = missing === 0
    ? 'Every run is done and has a successful trial: all are analysed.'
    : `${missing} of ${s.runs} runs are not analysed: ${s.failed} failed, ${s.running} running, ${s.pending} pending, ${s.noSuccess} done without a successful trial (see "Runs and missing data").`;
  const notes = analysis.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('\n');
  return `<div class="notes ${missing ? 'warn' : ''}"><p>${escapeHtml(line)}</p>${notes ? `<ul>\n${notes}\n</ul>` : ''}</div>`;
}

/** One task's drill-down: per-optimizer final numbers, then its charts. */
export function taskDetails(analysis: Analysis, task: string, chartKeys: ReadonlyArray<{ key: string; title: string }>, index: number): string {
  const final = rowsByTask(analysis.final).get(task) ?? [];
  const ranks = rowsByTask(analysis.ranks.perTask).get(task) ?? [];
  const missing = rowsByTask(analysis.missing).get(task) ?? [];
  const info = analysis.tasks.find((t) => t.id === task);
  const multi = (info?.nObjectives ?? 1) > 1;
  const complete = analysis.completeTasks.includes(task);
  const best = final.reduce<Row | undefined>((b, r) => (!b || r.raw_mean < b.raw_mean ? r : b), undefined);
  const rows = analysis.optimizers.map((optimizer) => {
    const f = final.find((r) => r.optimizer === optimizer);
    const m = missing.find((r) => r.optimizer === optimizer);
    const rank = ranks.find((r) => r.optimizer === optimizer)?.rank;
    const cells = [
      optimizer, m ? `${m.included} / ${m.runs}` : '0 / 0', f ? formatMeanSe(f.raw_mean, f.raw_se) : '–', f ? formatMeanSe(f.value_mean, f.value_se) : '–',
      rank !== undefined ? formatNumber(rank) : '–', ...(multi ? [f ? formatNumber(f.hypervolume_mean) : '–', f ? formatNumber(f.igd_plus_mean) : '–'] : []),
    ];
    return `<tr>${cells.map((c, i) => `<td class="${i ? 'num' : ''}">${f && f === best && i === 2 ? `<strong>${escapeHtml(c)}</strong>` : escapeHtml(c)}</td>`).join('')}</tr>`;
  }).join('\n');
  const header = ['optimizer', 'analysed / runs', multi ? 'hypervolume loss' : 'final cost', normalizationLabel(analysis.options), 'rank', ...(multi ? ['hypervolume', 'IGD+'] : [])];
  const summary = `${escapeHtml(task)}${complete ? '' : ' <span class="badge">incomplete</span>'}${multi ? ` <span class="badge mo">${info!.nObjectives} objectives</span>` : ''}`;
  return `<details class="task" id="task-${index}">
<summary>${summary}</summary>
<div class="table-wrap"><table><thead><tr>${header.map((h, i) => `<th class="${i ? 'num' : ''}">${escapeHtml(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody></table></div>
<div class="task-charts">${chartKeys.map((c) => chartFigure(c.key, c.title)).join('\n')}</div>
</details>`;
}

export const STYLE = `
body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; margin: 0 auto; max-width: 1200px; padding: 1rem 2rem 4rem; color: #222; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; word-break: break-all; }
h2 { border-bottom: 1px solid #ddd; padding-bottom: 0.2rem; margin-top: 2.2rem; }
.meta { color: #555; font-size: 0.9rem; }
.notes { background: #f4f8fb; border-left: 4px solid #4c78a8; padding: 0.4rem 1rem; margin: 1rem 0; font-size: 0.92rem; }
.notes.warn { background: #fdf6ec; border-left-color: #e08a1e; }
.table-wrap { overflow-x: auto; margin: 1rem 0; }
table { border-collapse: collapse; font-size: 0.88rem; }
caption { text-align: left; padding: 0.3rem 0; }
.caption { color: #555; font-size: 0.85rem; }
.files { font-size: 0.8rem; }
th, td { padding: 0.25rem 0.7rem; border-bottom: 1px solid #eee; text-align: left; white-space: nowrap; }
th { border-bottom: 2px solid #999; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.chart-figure { margin: 1rem 0; overflow-x: auto; }
.charts, .task-charts { display: flex; flex-wrap: wrap; gap: 1rem 2rem; }
details.task { border: 1px solid #ddd; border-radius: 4px; margin: 0.4rem 0; padding: 0.3rem 0.8rem; }
details.task > summary { cursor: pointer; font-family: "DejaVu Sans Mono", monospace; font-size: 0.9rem; word-break: break-all; }
.badge { font-family: sans-serif; font-size: 0.72rem; background: #e08a1e; color: #fff; border-radius: 3px; padding: 0 0.35rem; }
.badge.mo { background: #4c78a8; }
.chart[data-state="error"] { color: #b00; }
`;
