import { SpecError } from '../core/index.js';

/**
 * n points in [0,1]^d, stored column by column: `cols[j][i]` is coordinate j of point i.
 * Columns keep the sweeps of the discrepancy algorithms on contiguous memory.
 */
export interface PointSet {
  readonly n: number;
  readonly d: number;
  readonly cols: readonly Float64Array[];
}

/**
 * Checks rows (one point each) and stores them as a PointSet. Throws SpecError naming the row and
 * column of the first bad value: ragged rows, non-finite values, values outside [0, 1].
 * `source` names where the rows came from (a file, 'points', ...) in messages.
 */
export function toPointSet(rows: readonly (readonly number[])[], source = 'points'): PointSet {
  if (rows.length === 0) throw new SpecError(`${source} holds no points: give at least one row.`);
  const d = rows[0].length;
  if (d === 0) throw new SpecError(`Row 1 of ${source} has no coordinates: give at least one column.`);
  const cols = Array.from({ length: d }, () => new Float64Array(rows.length));
  rows.forEach((row, i) => {
    if (row.length !== d) throw new SpecError(`Row ${i + 1} of ${source} has ${row.length} values; row 1 has ${d}. Every point needs the same number of coordinates.`);
    row.forEach((value, j) => {
      checkCoordinate(value, `Row ${i + 1}, column ${j + 1} of ${source}`);
      cols[j][i] = value;
    });
  });
  return { n: rows.length, d, cols };
}

export function checkCoordinate(value: number, where: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new SpecError(`${where} is ${String(value)}, not a finite number.`);
  if (value < 0 || value > 1) throw new SpecError(`${where} is ${value}: points must lie in [0, 1] (min-max rescale them first).`);
}

/** The points as plain rows. */
export function rowsOf(points: PointSet): number[][] {
  return Array.from({ length: points.n }, (_, i) => points.cols.map((col) => col[i]));
}

/** The points with the given indices, in that order. */
export function pickPoints(points: PointSet, ids: readonly number[]): PointSet {
  const cols = points.cols.map((col) => Float64Array.from(ids, (i) => col[i]));
  return { n: ids.length, d: points.d, cols };
}
