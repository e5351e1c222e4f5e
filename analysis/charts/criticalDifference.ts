import type { Analysis } from '../pipeline/index.js';
import { formatNumber } from '../tables/index.js';
import { CHART_CONFIG, SCHEMA, type Chart } from './chartModel.js';

/**
 * Demšar's critical difference diagram as a layered vega-lite chart: the rank axis on top
 * (best on the right), each optimizer hanging from its mean rank to a label on its side,
 * thick bars joining groups not significantly different (Nemenyi), and the CD itself.
 * Without a Nemenyi result (fewer than 2 tasks or more than 20 optimizers) it shows the ranks only.
 */
export function criticalDifferenceChart(analysis: Analysis): Chart {
  const names = analysis.ranked;
  const k = names.length;
  const meanRanks = (analysis.ranks.mean.objects() as Array<{ optimizer: string; rank: number }>);
  const rankOf = new Map(meanRanks.map((r) => [r.optimizer, r.rank]));
  const sorted = [...names].filter((n) => Number.isFinite(rankOf.get(n))).sort((a, b) => rankOf.get(a)! - rankOf.get(b)!);
  const nemenyi = analysis.tests.nemenyi;
  const cliques = nemenyi?.cliques.map((group) => group.map((i) => rankOf.get(names[i])!)) ?? [];
  const pad = Math.max(1, (k - 1) / 2);
  const cliqueY = (j: number) => 0.35 + 0.2 * j;
  const firstRow = cliqueY(cliques.length) + 0.25;
  const rowGap = 0.45;
  const rightCount = Math.ceil(sorted.length / 2);
  const labels = sorted.map((optimizer, i) => {
    const right = i < rightCount; // the better half hangs to the right
    const row = right ? i : sorted.length - 1 - i;
    const rank = rankOf.get(optimizer)!;
    return { optimizer, rank, label: `${optimizer} (${formatNumber(rank)})`, y: firstRow + row * rowGap, end: right ? 1 - 0.1 * pad : k + 0.1 * pad, side: right ? 'right' : 'left' };
  });
  const maxY = Math.max(firstRow, ...labels.map((l) => l.y)) + 0.3;
  const xScale = { domain: [1 - pad, k + pad], reverse: true, nice: false, zero: false };
  const yScale = { domain: [-1, maxY], reverse: true, nice: false, zero: false };
  const x = (field: string) => ({ field, type: 'quantitative' as const, scale: xScale });
  const axis = { orient: 'top' as const, values: Array.from({ length: k }, (_, i) => i + 1), title: 'mean rank', domain: false, grid: false, format: 'd', tickSize: 0, labelPadding: 10 };
  const y = (field: string) => ({ field, type: 'quantitative' as const, scale: yScale, axis: null });
  const cd = nemenyi?.criticalDifference;
  const ticks = Array.from({ length: k }, (_, i) => ({ rank: i + 1 }));
  return {
    name: 'critical_difference', title: 'Critical difference diagram',
    spec: {
      $schema: SCHEMA, config: { ...CHART_CONFIG, view: { stroke: null } }, width: 640, height: Math.round(70 + (maxY + 1) * 46),
      title: {
        text: 'Critical difference diagram',
        subtitle: nemenyi ? `Nemenyi test, alpha ${nemenyi.alpha}, ${analysis.completeTasks.length} tasks: CD = ${formatNumber(nemenyi.criticalDifference)}` : 'mean ranks (no Nemenyi test: see the notes)',
      },
      layer: [
        { data: { values: [{ a: 1, b: Math.max(k, 1), y: 0 }] }, mark: { type: 'rule', color: '#000' }, encoding: { x: { ...x('a'), axis }, x2: { field: 'b' }, y: y('y') } },
        {
          data: { values: ticks }, mark: { type: 'tick', orient: 'vertical', color: '#000', size: 8 },
          encoding: { x: x('rank'), y: { datum: 0, type: 'quantitative', scale: yScale, axis: null } },
        },
        { data: { values: labels }, mark: { type: 'rule', color: '#444' }, encoding: { x: x('rank'), y: y('y'), y2: { datum: 0 } } },
        { data: { values: labels }, mark: { type: 'rule', color: '#444' }, encoding: { x: x('rank'), x2: { field: 'end' }, y: y('y') } },
        { data: { values: labels.filter((l) => l.side === 'right') }, mark: { type: 'text', align: 'left', dx: 4, fontSize: 12, limit: 240 }, encoding: { x: x('end'), y: y('y'), text: { field: 'label' } } },
        { data: { values: labels.filter((l) => l.side === 'left') }, mark: { type: 'text', align: 'right', dx: -4, fontSize: 12, limit: 240 }, encoding: { x: x('end'), y: y('y'), text: { field: 'label' } } },
        ...(cliques.length ? [{
          data: { values: cliques.map((ranks, j) => ({ from: Math.min(...ranks) - 0.03, to: Math.max(...ranks) + 0.03, y: cliqueY(j) })) },
          mark: { type: 'rule' as const, strokeWidth: 4, color: '#000' }, encoding: { x: x('from'), x2: { field: 'to' }, y: y('y') },
        }] : []),
        ...(cd !== undefined ? [
          { data: { values: [{ a: 1, b: 1 + cd, y: -0.55 }] }, mark: { type: 'rule' as const, strokeWidth: 2, color: '#000' }, encoding: { x: x('a'), x2: { field: 'b' }, y: y('y') } },
          { data: { values: [{ a: 1 + cd / 2, y: -0.8, text: `CD = ${formatNumber(cd)}` }] }, mark: { type: 'text' as const, fontSize: 11 }, encoding: { x: x('a'), y: y('y'), text: { field: 'text' } } },
        ] : []),
      ],
    },
  };
}
