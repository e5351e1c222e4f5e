import type { TopLevelSpec } from 'vega-lite';

/** A chart of the report: a vega-lite spec plus where it goes. */
export interface Chart {
  /** File stem under figures/ (and a stable key in the HTML report). */
  readonly name: string;
  readonly title: string;
  /** Set for per-task drill-down charts. */
  readonly task?: string;
  readonly spec: TopLevelSpec;
}

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Shared look: DejaVu Sans first (what PNG rendering finds on Linux), a fixed optimizer colour order. */
export const CHART_CONFIG = {
  font: 'DejaVu Sans, Helvetica, Arial, sans-serif',
  view: { stroke: '#ddd' },
  axis: { labelFontSize: 11, titleFontSize: 12, gridColor: '#eee' },
  legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 260 },
  title: { fontSize: 14, anchor: 'start' as const },
};

/** Colour scale shared by every chart, so an optimizer keeps its colour everywhere. */
export function optimizerColor(optimizers: readonly string[]) {
  return { field: 'optimizer', type: 'nominal' as const, title: 'optimizer', scale: { domain: [...optimizers], scheme: optimizers.length <= 10 ? 'tableau10' : 'tableau20' } };
}
