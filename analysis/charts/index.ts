export { SCHEMA, CHART_CONFIG, optimizerColor, type Chart } from './chartModel.js';
export { anytimeChart, rankOverTimeChart, taskCurveChart } from './anytime.js';
export { criticalDifferenceChart } from './criticalDifference.js';
export { heatmapChart, finalBoxplotChart, taskBoxplotChart } from './performance.js';
export { paretoChart } from './pareto.js';
export { summaryCharts, taskCharts } from './reportCharts.js';
export { renderSvg, renderPng, resvgOptions, fontFiles } from './render.js';
