import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  analyzeExperiment, escapeLatex, escapeMarkdown, formatNumber, reportTables, toCsv, toLatex, toMarkdown, type ReportTable,
} from '../../analysis/index.js';
import { csvCell } from '../../core/index.js';
import { tempDir } from '../helpers.js';
import { EVIL_OPTIMIZER, EVIL_TASK } from './fixtures/evilExperiment.js';
import { handStore } from './fixtures/handStore.js';


const small: ReportTable = {
  name: 'demo', title: 'Demo_table', caption: '50% & more', header: ['name', 'value'], align: ['l', 'r'],
  rows: [[{ text: 'a|b_c*' }, { text: '1.5 ± 0.1', bold: true }], [{ text: EVIL_OPTIMIZER }, { text: '–' }]],
  data: { columns: ['name', 'value'], rows: [['a|b_c*', 1.5], ['=HYPERLINK("x")', null], ['line\nbreak, "quoted"', 1 / 3]] },
};

test('Markdown escapes table syntax and HTML in data', () => {
  const md = toMarkdown(small);
  assert.ok(md.includes('| a\\|b\\_c\\* | **1.5 ± 0.1** |'));
  assert.ok(md.includes('&lt;script&gt;alert\\(1\\)&lt;/script&gt;'));
  assert.ok(!md.includes('<script>'));
  assert.ok(md.includes('| :--- | ---: |'));
  assert.equal(escapeMarkdown('x\ny'), 'x y');
});

test('LaTeX: booktabs with every special character escaped', () => {
  const tex = toLatex(small);
  for (const part of ['\\toprule', '\\midrule', '\\bottomrule', '\\begin{tabular}{lr}', '\\textbf{1.5 $\\pm$ 0.1}', 'a\\textbar{}b\\_c*']) {
    assert.ok(tex.includes(part), `missing ${part}`);
  }
  assert.ok(tex.includes('\\caption{Demo\\_table. 50\\% \\& more}'));
  assert.equal(escapeLatex('\\{}$&#^_%~<>'), '\\textbackslash{}\\{\\}\\$\\&\\#\\textasciicircum{}\\_\\%\\textasciitilde{}\\textless{}\\textgreater{}');
  assert.ok(tex.includes('\\textless{}script\\textgreater{}alert(1)\\textless{}/script\\textgreater{}'));
});

test('CSV: RFC 4180 quoting, full precision, formula guard', () => {
  const csv = toCsv(small);
  assert.equal(csv, `name,value\r\na|b_c*,1.5\r\n'=HYPERLINK(""x""),\r\n"line\nbreak, ""quoted""",${1 / 3}\r\n`.replace(`'=HYPERLINK(""x""),`, `"'=HYPERLINK(""x"")",`));
  assert.equal(csvCell(-1.5), '-1.5');
  assert.equal(csvCell('-1.5'), "'-1.5");
  assert.equal(csvCell(Infinity), 'inf');
  assert.equal(csvCell({ a: 1 }), '"{""a"":1}"');
});

test('number formatting', () => {
  assert.equal(formatNumber(1234.5678), '1235');
  assert.equal(formatNumber(0.000012), '1.20e-5');
  assert.equal(formatNumber(0.5 / 9.5), '0.05263');
  assert.equal(formatNumber(null), '–');
});

test('report tables from an analysis: final performance, ranks, tests, missing data', async (t) => {
  const store = handStore(tempDir(t), 'tables', [
    { optimizer: EVIL_OPTIMIZER, task: EVIL_TASK, seed: 1, costs: [3, 2, 1] },
    { optimizer: EVIL_OPTIMIZER, task: EVIL_TASK, seed: 2, costs: [3, 2, 2] },
    { optimizer: 'B', task: EVIL_TASK, seed: 1, costs: [3, 3, 3] },
    { optimizer: 'B', task: EVIL_TASK, seed: 2, costs: [4, 3, 3] },
    { optimizer: EVIL_OPTIMIZER, task: 't2', seed: 1, costs: [5, 5, 5] },
    { optimizer: 'B', task: 't2', seed: 1, costs: [4, 1, 1] },
    { optimizer: 'B', task: 't2', seed: 2, costs: [9], nTrials: 3, status: 'failed' },
  ]);
  t.after(() => store.close());
  const analysis = await analyzeExperiment(store, 'tables', { gridPoints: 5, bootstrapResamples: 100 });
  const tables = reportTables(analysis);
  assert.deepEqual(tables.map((x) => x.name), ['ranks', 'final_performance', 'ranks_per_task', 'tests_friedman', 'tests_pairwise', 'missing_data']);
  const final = tables.find((x) => x.name === 'final_performance')!;
  assert.deepEqual(final.header, ['task', EVIL_OPTIMIZER, 'B']);
  const evilRow = final.rows.find((r) => r[0].text === EVIL_TASK)!;
  assert.deepEqual(evilRow.map((c) => [c.text, c.bold ?? false]), [[EVIL_TASK, false], ['1.5 ± 0.5', true], ['3 ± 0', false]]);
  assert.ok(final.data.rows.some((r) => r[0] === 't2' && r[1] === 'B' && r[2] === 1 && r[3] === 1));
  const missing = tables.find((x) => x.name === 'missing_data')!;
  assert.deepEqual(missing.rows[0].map((c) => c.text), ['B', 't2', '2', '1', '1', '0', '0', '0']);
  for (const table of tables) {
    for (const text of [toMarkdown(table), toLatex(table)]) {
      assert.ok(!text.includes('<script>') && !text.includes('<img'), `${table.name} leaks markup`);
    }
  }
  const pairwise = tables.find((x) => x.name === 'tests_pairwise')!;
  assert.deepEqual(pairwise.rows[0].slice(2, 3).map((c) => c.text), ['1/0/1']); // wins the evil task, loses t2
});
