import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import {
  analyzeExperiment, escapeHtml, fontFiles, jsonForScript, renderSvg, resvgOptions, summaryCharts, taskCharts, writeReport,
} from '../../analysis/index.js';
import { tempDir } from '../helpers.js';
import { chromiumMissing, withChromium } from './fixtures/chromium.js';
import { EVIL_OPTIMIZER, EVIL_TASK, evilExperiment, ZDT1 } from './fixtures/evilExperiment.js';

test('escaping helpers: HTML text and JSON inside a script element', () => {
  assert.equal(escapeHtml(EVIL_TASK), '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
  const json = jsonForScript({ name: `${EVIL_OPTIMIZER}</script><!--&\u2028` });
  assert.ok(!json.includes('<') && !json.includes('>') && !json.includes('&'));
  assert.deepEqual(JSON.parse(json), { name: `${EVIL_OPTIMIZER}</script><!--&\u2028` });
});

test('every chart spec compiles and renders to SVG; PNG text is drawn with a font', async (t) => {
  const store = evilExperiment(tempDir(t));
  t.after(() => store.close());
  const analysis = await analyzeExperiment(store, 'evil', { bootstrapResamples: 100 });
  const charts = [...summaryCharts(analysis), ...analysis.tasks.flatMap((task) => taskCharts(analysis, task.id))];
  assert.equal(charts.filter((c) => c.name === 'task_pareto').length, 1, 'one two-objective task');
  for (const chart of charts) {
    const svg = await renderSvg(chart.spec);
    assert.match(svg, /^<svg/);
    assert.ok(/<path|<line|<text/.test(svg), `${chart.name} draws something`);
    assert.ok(!svg.includes('<script') && !svg.includes('<img'), `${chart.name} escapes its text`);
  }
  if (fontFiles().length === 0) {
    t.diagnostic('no DejaVu font file found: PNG text check skipped');
    return;
  }
  const textOnly = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="30"><text x="5" y="20" font-family="DejaVu Sans" font-size="16">Rank 1.5</text></svg>';
  const pixels = new Resvg(textOnly, resvgOptions(1)).render().pixels;
  let dark = 0;
  for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 128) dark++;
  assert.ok(dark > 30, `text rendered as ${dark} dark pixels`);
});

test('writeReport: HTML, figures and tables; names from the store stay data', async (t) => {
  const dir = tempDir(t);
  const store = evilExperiment(dir);
  t.after(() => store.close());
  const analysis = await analyzeExperiment(store, 'evil', { bootstrapResamples: 100, baseline: 'random' });
  const out = join(dir, 'report');
  const written = await writeReport(analysis, out, { generatedAt: 'test' });
  const html = readFileSync(written.html, 'utf8');
  // Only our five script elements: the spec JSON, vega, vega-lite, vega-embed and the loader.
  assert.equal(html.match(/<script\b/gi)!.length, 5);
  assert.ok(!html.includes(EVIL_OPTIMIZER), 'no raw script tag from the store anywhere');
  const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, ''); // the inlined libraries mention <img> themselves
  assert.ok(!markup.includes('<img') && !markup.includes('onerror=alert(1)>'), 'no raw markup from the store');
  assert.ok(markup.includes(escapeHtml(EVIL_OPTIMIZER)) && markup.includes(escapeHtml(EVIL_TASK)));
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;sha256-/);
  const figures = readdirSync(join(out, 'figures'));
  for (const name of ['anytime', 'rank_over_time', 'critical_difference', 'heatmap', 'final_boxplot']) {
    assert.ok(figures.includes(`${name}.svg`) && figures.includes(`${name}.png`), `figures/${name}.svg|png`);
    assert.deepEqual([...readFileSync(join(out, 'figures', `${name}.png`)).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  }
  const taskFigures = readdirSync(join(out, 'figures', 'tasks'));
  assert.equal(taskFigures.filter((f) => f.endsWith('.svg')).length, 4 * 2 + 1);
  assert.ok(taskFigures.every((f) => /^[A-Za-z0-9._-]+$/.test(f)), 'task figure names are safe file names');
  for (const name of ['ranks', 'final_performance', 'ranks_per_task', 'tests_friedman', 'tests_pairwise', 'baseline_a12', 'missing_data']) {
    for (const ext of ['md', 'tex', 'csv']) assert.ok(existsSync(join(out, 'tables', `${name}.${ext}`)), `tables/${name}.${ext}`);
  }
  assert.match(readFileSync(join(out, 'tables', 'missing_data.csv'), 'utf8'), /random,"""><img src=x onerror=alert\(1\)>",4,3,1,0,0,0/);
  assert.ok(html.includes(ZDT1));
});

test('the report opens in headless Chromium: no console errors, every chart an SVG, no script from data', async (t) => {
  const missing = chromiumMissing();
  if (missing) {
    if (process.env.CI === 'true') assert.fail(`Browser test required under CI: ${missing}`);
    t.skip(`Browser test skipped: ${missing}`);
    return;
  }
  const dir = tempDir(t);
  const store = evilExperiment(dir);
  t.after(() => store.close());
  const analysis = await analyzeExperiment(store, 'evil', { bootstrapResamples: 100 });
  const written = await writeReport(analysis, join(dir, 'report'), { formats: ['svg'], taskFigures: false });
  await withChromium(async (page) => {
    const problems: string[] = [];
    const dialogs: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) problems.push(`network: ${r.url()}`); });
    await page.goto(pathToFileURL(written.html).href);
    const count = await page.evaluate(() => (window as unknown as { hpoarenaReport: { renderAll(): Promise<number> } }).hpoarenaReport.renderAll());
    assert.equal(count, 5 + 4 * 2 + 1);
    const charts = await page.evaluate(() => [...document.querySelectorAll('.chart')].map((el) => ({
      state: el.getAttribute('data-state'),
      marks: el.querySelector('svg')?.querySelectorAll('path, line, text, rect').length ?? 0,
    })));
    charts.forEach((c, i) => {
      assert.equal(c.state, 'rendered', `chart ${i}`);
      assert.ok(c.marks > 5, `chart ${i} has ${c.marks} marks`);
    });
    const page_ = await page.evaluate(() => ({ images: document.querySelectorAll('img').length, text: document.body.textContent ?? '' }));
    assert.equal(page_.images, 0, 'the task name did not become an <img>');
    assert.ok(page_.text.includes(EVIL_OPTIMIZER) && page_.text.includes(EVIL_TASK), 'names are shown as text');
    assert.deepEqual(dialogs, []);
    assert.deepEqual(problems, []);
  });
});

test('a report with nothing to rank still writes, and says why', async (t) => {
  const dir = tempDir(t);
  const { handStore } = await import('./fixtures/handStore.js');
  const store = handStore(dir, 'empty', [
    { optimizer: 'A', task: 'Pymoo/SO/unconstraint/sphere', seed: 1, costs: [1], nTrials: 3, status: 'failed' },
    { optimizer: 'B', task: 'Pymoo/SO/unconstraint/sphere', seed: 1, costs: [null, null, null] },
    { optimizer: 'A', task: 'Pymoo/SO/unconstraint/ackley', seed: 1, costs: [], nTrials: 3, status: 'running' },
  ]);
  t.after(() => store.close());
  const analysis = await analyzeExperiment(store, 'empty', { bootstrapResamples: 10 });
  assert.deepEqual(analysis.ranked, []);
  assert.equal(analysis.completeTasks.length, 0);
  assert.ok(analysis.notes.some((n) => n.includes("Optimizer 'A' has no analysed run")));
  const written = await writeReport(analysis, join(dir, 'report'), { formats: ['svg'] });
  const html = readFileSync(written.html, 'utf8');
  assert.match(html, /3 of 3 runs are not analysed: 1 failed, 1 running, 0 pending, 1 done without a successful trial/);
});
