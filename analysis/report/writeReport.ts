import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderPng, renderSvg, summaryCharts, taskCharts, type Chart } from '../charts/index.js';
import type { Analysis } from '../pipeline/index.js';
import { reportTables, toCsv, toLatex, toMarkdown } from '../tables/index.js';
import { buildHtmlReport } from './html.js';

export type FigureFormat = 'svg' | 'png';

export interface WriteReportOptions {
  /** Figure files to write (default both). */
  readonly formats?: readonly FigureFormat[];
  /** Also write every task's drill-down charts under figures/tasks/ (default: when there are at most 50 tasks). */
  readonly taskFigures?: boolean;
  readonly generatedAt?: string;
}

export interface WrittenReport {
  readonly dir: string;
  readonly html: string;
  readonly figures: string[];
  readonly tables: string[];
}

/** A file name from a task id: safe characters only, never a path. */
export function fileSlug(text: string, max = 80): string {
  const slug = text.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, max);
  return slug || 'task';
}

/** Stage 9 (write): report.html, figures/*.svg|png (tasks under figures/tasks/), tables/*.md|tex|csv. */
export async function writeReport(analysis: Analysis, outDir: string, options: WriteReportOptions = {}): Promise<WrittenReport> {
  const formats = options.formats ?? ['svg', 'png'];
  const tables = reportTables(analysis);
  const summary = summaryCharts(analysis);
  const perTask = new Map(analysis.tasks.map((t) => [t.id, taskCharts(analysis, t.id)]));
  const figuresDir = join(outDir, 'figures');
  const tablesDir = join(outDir, 'tables');
  mkdirSync(figuresDir, { recursive: true });
  mkdirSync(tablesDir, { recursive: true });
  const writtenTables: string[] = [];
  for (const table of tables) {
    for (const [ext, text] of [['md', toMarkdown(table)], ['tex', toLatex(table)], ['csv', toCsv(table)]] as const) {
      const file = join(tablesDir, `${table.name}.${ext}`);
      writeFileSync(file, text);
      writtenTables.push(file);
    }
  }
  const figures: string[] = [];
  const writeFigure = async (chart: Chart, stem: string) => {
    const svg = await renderSvg(chart.spec);
    if (formats.includes('svg')) figures.push(write(`${stem}.svg`, svg));
    if (formats.includes('png')) figures.push(write(`${stem}.png`, renderPng(svg)));
  };
  const write = (path: string, data: string | Buffer) => {
    writeFileSync(path, data);
    return path;
  };
  for (const chart of summary) await writeFigure(chart, join(figuresDir, chart.name));
  if (options.taskFigures ?? analysis.tasks.length <= 50) {
    mkdirSync(join(figuresDir, 'tasks'), { recursive: true });
    let i = 0;
    for (const [task, charts] of perTask) {
      const prefix = `${String(i++).padStart(3, '0')}_${fileSlug(task)}`;
      for (const chart of charts) await writeFigure(chart, join(figuresDir, 'tasks', `${prefix}_${chart.name.replace(/^task_/, '')}`));
    }
  }
  const html = join(outDir, 'report.html');
  writeFileSync(html, buildHtmlReport({ analysis, tables, summaryCharts: summary, taskCharts: perTask, generatedAt: options.generatedAt }));
  return { dir: outDir, html, figures, tables: writtenTables };
}
