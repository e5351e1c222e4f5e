export { cell, formatNumber, formatPValue, formatMeanSe, type Cell, type ReportTable } from './tableModel.js';
export { toMarkdown, escapeMarkdown } from './markdown.js';
export { toLatex, escapeLatex } from './latex.js';
export { toCsv } from './csv.js';
export { reportTables, finalPerformanceTable, meanRankTable, taskRankTable, missingDataTable } from './reportTables.js';
export { omnibusTestTable, pairwiseTestTable, baselineTable } from './testTables.js';
