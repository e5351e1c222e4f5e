import type { Chart } from '../charts/index.js';
import type { Analysis } from '../pipeline/index.js';
import type { ReportTable } from '../tables/index.js';
import { scriptHash, vegaScripts } from './assets.js';
import { escapeHtml, jsonForScript } from './escape.js';
import { chartFigure, htmlTable, metaLine, notesBlock, STYLE, taskDetails } from './htmlParts.js';

export interface HtmlReportInput {
  readonly analysis: Analysis;
  readonly tables: readonly ReportTable[];
  readonly summaryCharts: readonly Chart[];
  /** Drill-down charts per task id. */
  readonly taskCharts: ReadonlyMap<string, readonly Chart[]>;
  readonly generatedAt?: string;
}

/**
 * Renders charts when the page loads (summary) or when a task's <details> opens (drill-down).
 * Each container gets data-state="rendered" or "error"; window.hpoarenaReport.renderAll()
 * renders every chart (tests, printing).
 */
const BOOTSTRAP = `(function () {
  "use strict";
  var specs = JSON.parse(document.getElementById("hpoarena-specs").textContent);
  var pending = [];
  function render(el) {
    if (el.getAttribute("data-state")) return;
    el.setAttribute("data-state", "pending");
    var spec = specs[el.getAttribute("data-chart")];
    var done = vegaEmbed(el, spec, { renderer: "svg", actions: false }).then(function () {
      el.setAttribute("data-state", "rendered");
    }, function (error) {
      el.setAttribute("data-state", "error");
      el.textContent = "This chart could not be drawn: " + (error && error.message);
      console.error(error);
    });
    pending.push(done);
    return done;
  }
  document.querySelectorAll(".chart").forEach(function (el) { if (!el.closest("details")) render(el); });
  document.querySelectorAll("details").forEach(function (d) {
    d.addEventListener("toggle", function () { if (d.open) d.querySelectorAll(".chart").forEach(render); });
  });
  window.hpoarenaReport = {
    renderAll: function () {
      document.querySelectorAll(".chart").forEach(render);
      return Promise.all(pending).then(function () { return document.querySelectorAll(".chart").length; });
    }
  };
})();`;

/**
 * One self-contained, offline HTML file: vega, vega-lite and vega-embed inlined, specs as one
 * JSON block. Every name and value from the store is escaped text; the JSON is escaped for an
 * inline script; a Content-Security-Policy allows only the inline scripts it lists by hash
 * (no inline event handlers, no network).
 */
export function buildHtmlReport(input: HtmlReportInput): string {
  const { analysis } = input;
  const specs: Record<string, unknown> = {};
  let counter = 0;
  const keyFor = (chart: Chart) => {
    const key = `c${counter++}`;
    specs[key] = chart.spec;
    return { key, title: chart.title };
  };
  const summaryFigures = input.summaryCharts.map((c) => chartFigure(keyFor(c).key, c.title)).join('\n');
  const taskSections = analysis.tasks.map((task, i) => taskDetails(analysis, task.id, (input.taskCharts.get(task.id) ?? []).map(keyFor), i)).join('\n');
  const [ranks, ...others] = input.tables;
  const scripts = [...vegaScripts().map((s) => s.source), BOOTSTRAP];
  const csp = [
    "default-src 'none'", `script-src ${scripts.map(scriptHash).join(' ')} 'unsafe-eval'`, "style-src 'unsafe-inline'",
    'img-src data: blob:', 'font-src data:', "base-uri 'none'", "form-action 'none'",
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>hpoarena report: ${escapeHtml(analysis.experiment)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>hpoarena report: ${escapeHtml(analysis.experiment)}</h1>
<p class="meta">${escapeHtml(input.generatedAt ?? new Date().toISOString())} · ${metaLine(analysis)}</p>
</header>
<section id="summary">
<h2>Summary</h2>
${notesBlock(analysis)}
${ranks ? htmlTable(ranks) : ''}
</section>
<section id="charts">
<h2>Charts</h2>
<div class="charts">
${summaryFigures}
</div>
</section>
<section id="tables">
<h2>Tables</h2>
${others.map((t) => htmlTable(t)).join('\n')}
</section>
<section id="tasks">
<h2>Tasks</h2>
<p class="meta">Open a task for its numbers and charts (drawn when opened).</p>
${taskSections}
</section>
<script id="hpoarena-specs" type="application/json">${jsonForScript(specs)}</script>
${scripts.map((s) => `<script>${s}</script>`).join('\n')}
</body>
</html>
`;
}
