export { escapeHtml, jsonForScript, scriptSource } from './escape.js';
export { vegaScripts, scriptHash } from './assets.js';
export { buildHtmlReport, type HtmlReportInput } from './html.js';
export { writeReport, fileSlug, type WriteReportOptions, type WrittenReport, type FigureFormat } from './writeReport.js';
