import type * as aq from 'arquero';

type Row = Record<string, any>;

const cache = new WeakMap<aq.ColumnTable, Map<string, Row[]>>();

/** A table's rows grouped by their `task` column, computed once per table (drill-down sections need them per task). */
export function rowsByTask(table: aq.ColumnTable): Map<string, Row[]> {
  let grouped = cache.get(table);
  if (!grouped) {
    grouped = new Map();
    for (const row of table.objects() as Row[]) {
      let rows = grouped.get(row.task);
      if (!rows) grouped.set(row.task, (rows = []));
      rows.push(row);
    }
    cache.set(table, grouped);
  }
  return grouped;
}
