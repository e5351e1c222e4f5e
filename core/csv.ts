/**
 * The one CSV writer (RFC 4180 quoting), shared by trial exports and report tables.
 *
 * - null, undefined and NaN are empty cells (missing);
 * - infinite numbers are `inf` / `-inf` (what Python's float() and pandas read back);
 * - other numbers are written in full precision (shortest round-trip form);
 * - objects and arrays are JSON;
 * - a text cell that a spreadsheet would run as a formula (first character = + - @, tab or
 *   CR) gets a leading apostrophe (OWASP's CSV-injection guard). Only strings are guarded:
 *   numbers such as -1.5 and JSON cells (which start with { or [) are written unchanged.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : Number.isNaN(value) ? '' : value > 0 ? 'inf' : '-inf';
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record with its line ending: `\n` for streamed exports, `\r\n` where RFC 4180 files are written. */
export function csvLine(values: readonly unknown[], eol: '\n' | '\r\n' = '\n'): string {
  return `${values.map(csvCell).join(',')}${eol}`;
}
