import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  analyzeExperiment, buildHtmlReport, exportParquet, reportTables, summaryCharts, taskCharts, toCsv, toLatex, toMarkdown, type AnalysisOptions,
} from '../../analysis/index.js';
import { exportTrials } from '../../runner/index.js';
import { buildReportStore, REPORT_EXPERIMENTS } from '../fixtures/reportExperiments.js';
import { exportText, REPO_ROOT, tempDir } from '../helpers.js';

/**
 * The report's byte-identity check: the report tables (Markdown, LaTeX, CSV), every chart
 * spec (with its data), the HTML page (its inlined vega scripts replaced by their hash) and
 * the CSV, JSON-lines and Parquet exports of four fixed experiments (single objective,
 * multi-fidelity, multi-objective, both; with crashed trials and runs that are not analysed)
 * must equal the committed golden file. A change to how the analysis reads the store must
 * not change any number; when a change is meant to, regenerate with HPOARENA_UPDATE_GOLDEN=1
 * and say why in the commit.
 */
const GOLDEN = join(REPO_ROOT, 'test/fixtures/golden/reports.json.gz');

const CASES: ReadonlyArray<{ experiment: string; options: AnalysisOptions }> = [
  { experiment: 'bb', options: {} },
  { experiment: 'bb', options: { normalization: 'regret', log: true, bootstrapResamples: 300, seed: 4 } },
  { experiment: 'bb', options: { normalization: 'baseline', baseline: 'A', gridPoints: 11 } },
  { experiment: 'bb', options: { tasks: ['Pymoo/SO/*'], baseline: 'B' } },
  { experiment: 'mf', options: {} },
  { experiment: 'mf', options: { normalization: 'baseline', baseline: 'random' } },
  { experiment: 'mo', options: {} },
  { experiment: 'mo', options: { normalization: 'regret', baseline: 'random' } },
  { experiment: 'momf', options: {} },
  // The simulated-time axis (cumulative virtual time; these runs have no parallel trials).
  { experiment: 'bb', options: { axis: 'time' } },
  { experiment: 'mf', options: { axis: 'time', normalization: 'regret' } },
  { experiment: 'mo', options: { axis: 'time' } },
  { experiment: 'momf', options: { axis: 'time', gridPoints: 11 } },
];

type Outputs = Record<string, string>;

async function reportOutputs(store: ReturnType<typeof buildReportStore>, experiment: string, options: AnalysisOptions): Promise<Outputs> {
  const analysis = await analyzeExperiment(store, experiment, options);
  const out: Outputs = {};
  const tables = reportTables(analysis);
  for (const table of tables) {
    out[`tables/${table.name}.md`] = toMarkdown(table);
    out[`tables/${table.name}.tex`] = toLatex(table);
    out[`tables/${table.name}.csv`] = toCsv(table);
  }
  const summary = summaryCharts(analysis);
  const perTask = new Map(analysis.tasks.map((t) => [t.id, taskCharts(analysis, t.id)]));
  for (const chart of summary) out[`charts/${chart.name}.json`] = JSON.stringify(chart.spec, null, 1);
  for (const [task, charts] of perTask) for (const chart of charts) out[`charts/${task}/${chart.name}.json`] = JSON.stringify(chart.spec, null, 1);
  const html = buildHtmlReport({ analysis, tables, summaryCharts: summary, taskCharts: perTask, generatedAt: '2026-01-01T00:00:00Z' });
  out['report.html'] = html.replace(/<script>([\s\S]*?)<\/script>/g, (_, body: string) => `<script>sha256:${createHash('sha256').update(body).digest('hex')}</script>`);
  out.notes = analysis.notes.join('\n');
  return out;
}

async function exportOutputs(store: ReturnType<typeof buildReportStore>, experiment: string, dir: string): Promise<Outputs> {
  const parquet = join(dir, `${experiment}.parquet`);
  await exportParquet(store, experiment, parquet);
  return {
    'export.csv': await exportText(exportTrials(store, experiment, 'csv')),
    'export.jsonl': await exportText(exportTrials(store, experiment, 'jsonl', true)),
    'export.parquet.sha256': createHash('sha256').update(readFileSync(parquet)).digest('hex'),
  };
}

test('reports and exports of the fixed experiments equal the golden file', async (t) => {
  const dir = tempDir(t);
  const store = buildReportStore(join(dir, 'reports.db'));
  t.after(() => store.close());
  const actual: Record<string, Outputs> = {};
  for (const experiment of REPORT_EXPERIMENTS) actual[`${experiment} export`] = await exportOutputs(store, experiment, dir);
  for (const { experiment, options } of CASES) actual[`${experiment} ${JSON.stringify(options)}`] = await reportOutputs(store, experiment, options);
  if (process.env.HPOARENA_UPDATE_GOLDEN === '1' && process.env.CI !== 'true') {
    writeFileSync(GOLDEN, gzipSync(JSON.stringify(actual, null, 1), { level: 9 }));
    t.diagnostic(`wrote ${GOLDEN}`);
    return;
  }
  assert.ok(existsSync(GOLDEN), `golden file ${GOLDEN} is missing (HPOARENA_UPDATE_GOLDEN=1 writes it)`);
  const expected = JSON.parse(gunzipSync(readFileSync(GOLDEN)).toString('utf8')) as Record<string, Outputs>;
  assert.deepEqual(Object.keys(actual), Object.keys(expected));
  for (const [key, files] of Object.entries(expected)) {
    assert.deepEqual(Object.keys(actual[key]), Object.keys(files), `${key}: the set of outputs changed`);
    for (const [name, text] of Object.entries(files)) {
      if (actual[key][name] !== text) assert.fail(firstDifference(`${key}: ${name}`, text, actual[key][name]));
    }
  }
});

function firstDifference(what: string, expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `${what} differs from the golden file at line ${i + 1}:\n  golden: ${a[i]?.slice(0, 400)}\n  actual: ${b[i]?.slice(0, 400)}`;
  }
  return `${what} differs from the golden file`;
}
