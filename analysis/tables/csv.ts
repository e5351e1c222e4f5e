import type { ReportTable } from './tableModel.js';

/**
 * RFC 4180 CSV of a table's tidy data: numbers in full precision, objects as JSON, empty
 * for null. Text that a spreadsheet would run as a formula (= + - @ tab CR first) gets a
 * leading apostrophe.
 */
export function toCsv(table: ReportTable): string {
  const lines = [table.data.columns.map(csvCell), ...table.data.rows.map((row) => row.map(csvCell))];
  return `${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : Number.isNaN(value) ? '' : value > 0 ? 'inf' : '-inf';
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
