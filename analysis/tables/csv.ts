import { csvLine } from '../../core/index.js';
import type { ReportTable } from './tableModel.js';

/** RFC 4180 CSV (CRLF line endings) of a table's tidy data, written by core's one CSV writer. */
export function toCsv(table: ReportTable): string {
  return [table.data.columns, ...table.data.rows].map((cells) => csvLine(cells, '\r\n')).join('');
}
