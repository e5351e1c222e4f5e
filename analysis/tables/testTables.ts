import type { Analysis } from '../pipeline/index.js';
import { cell, formatNumber, formatPValue, type ReportTable } from './tableModel.js';

/** Friedman, Iman-Davenport and Nemenyi results. */
export function omnibusTestTable(analysis: Analysis): ReportTable {
  const { friedman, nemenyi } = analysis.tests;
  const entries: Array<[string, string, unknown]> = [];
  if (friedman) {
    entries.push(['tasks (blocks)', String(friedman.n), friedman.n], ['optimizers', String(friedman.k), friedman.k]);
    entries.push(['Friedman chi-square', formatNumber(friedman.chiSquare), friedman.chiSquare], ['Friedman df', String(friedman.df), friedman.df]);
    entries.push(['Friedman p', formatPValue(friedman.pValue), friedman.pValue]);
    if (Number.isFinite(friedman.imanDavenportF)) {
      entries.push(['Iman-Davenport F', formatNumber(friedman.imanDavenportF), friedman.imanDavenportF]);
      entries.push(['Iman-Davenport df', friedman.imanDavenportDf.join(', '), friedman.imanDavenportDf.join(';')]);
      entries.push(['Iman-Davenport p', formatPValue(friedman.imanDavenportPValue), friedman.imanDavenportPValue]);
    } else {
      entries.push(['Iman-Davenport F', 'not defined (identical ranking on every task)', null]);
    }
  }
  if (nemenyi) {
    entries.push([`Nemenyi critical difference (alpha ${nemenyi.alpha})`, formatNumber(nemenyi.criticalDifference), nemenyi.criticalDifference]);
  }
  for (const note of analysis.tests.notes) entries.push(['note', note, note]);
  return {
    name: 'tests_friedman',
    title: 'Omnibus tests',
    caption: 'Friedman test on the task x optimizer matrix of final mean normalized values (tie-corrected), Iman-Davenport F, Nemenyi critical difference (Demšar 2006).',
    header: ['statistic', 'value'],
    align: ['l', 'r'],
    rows: entries.map(([name, text]) => [cell(name), cell(text)]),
    data: { columns: ['statistic', 'value'], rows: entries.map(([name, , value]) => [name, value]) },
  };
}

/** Pairwise Wilcoxon signed-rank tests over tasks, Holm-adjusted, with rank-biserial effect sizes. */
export function pairwiseTestTable(analysis: Analysis): ReportTable {
  const pairs = analysis.tests.pairwise;
  return {
    name: 'tests_pairwise',
    title: 'Pairwise comparisons',
    caption: 'Wilcoxon signed-rank test over tasks (paired by task, two-sided, zeros dropped), p adjusted with Holm; rank-biserial r < 0 means the first optimizer has the lower (better) values; wins/ties/losses count tasks.',
    header: ['optimizer A', 'optimizer B', 'wins/ties/losses', 'p', 'p (Holm)', 'rank-biserial'],
    align: ['l', 'l', 'r', 'r', 'r', 'r'],
    rows: pairs.map((p) => [cell(p.a), cell(p.b), cell(`${p.wins}/${p.ties}/${p.losses}`), cell(formatPValue(p.pValue)), cell(formatPValue(p.pHolm), p.pHolm < 0.05), cell(formatNumber(p.rankBiserial))]),
    data: {
      columns: ['optimizer_a', 'optimizer_b', 'wins', 'ties', 'losses', 'p_value', 'p_holm', 'method', 'rank_biserial'],
      rows: pairs.map((p) => [p.a, p.b, p.wins, p.ties, p.losses, p.pValue, p.pHolm, p.method, p.rankBiserial]),
    },
  };
}

/** A12 of every optimizer against the baseline per task (only with a baseline). */
export function baselineTable(analysis: Analysis): ReportTable | undefined {
  const rows = analysis.tests.baseline;
  if (!analysis.options.baseline || rows.length === 0) return undefined;
  return {
    name: 'baseline_a12',
    title: `Against ${analysis.options.baseline}`,
    caption: `Vargha-Delaney A12 of final costs over seeds against ${analysis.options.baseline}: below 0.5 means lower (better) costs.`,
    header: ['task', 'optimizer', 'A12', 'magnitude'],
    align: ['l', 'l', 'r', 'l'],
    rows: rows.map((r) => [cell(r.task), cell(r.optimizer), cell(formatNumber(r.a12), r.a12 < 0.5 && r.magnitude !== 'negligible'), cell(r.magnitude)]),
    data: { columns: ['task', 'optimizer', 'baseline', 'a12', 'magnitude'], rows: rows.map((r) => [r.task, r.optimizer, r.baseline, r.a12, r.magnitude]) },
  };
}
