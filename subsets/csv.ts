import { readFileSync } from 'node:fs';
import { DataMissingError, SpecError } from '../core/index.js';
import { checkCoordinate, toPointSet, type PointSet } from './pointSet.js';

/** Reads a points file: see parsePointsCsv. */
export function readPointsCsv(path: string): PointSet {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DataMissingError(`Cannot read points file '${path}': ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  return parsePointsCsv(text, `'${path}'`);
}

/**
 * Points from CSV text: one point a row, numeric columns separated by commas (or by
 * whitespace/semicolons when there are no commas), blank lines ignored, an optional header
 * (a first row with a non-numeric cell). Every value must lie in [0, 1].
 */
export function parsePointsCsv(text: string, source = 'points'): PointSet {
  const lines = text.split(/\r?\n/).map((line, i) => ({ line: line.trim(), number: i + 1 })).filter((l) => l.line !== '');
  if (lines.length === 0) throw new SpecError(`${source} holds no points: give one point a row, coordinates separated by commas.`);
  const separator = lines[0].line.includes(',') ? /\s*,\s*/ : /[\s;]+/;
  const cells = lines.map((l) => l.line.split(separator));
  const hasHeader = cells[0].some((cell) => !isNumber(cell));
  const body = hasHeader ? lines.slice(1) : lines;
  const bodyCells = hasHeader ? cells.slice(1) : cells;
  if (body.length === 0) throw new SpecError(`${source} has a header but no points.`);
  const width = bodyCells[0].length;
  const rows = bodyCells.map((row, r) => {
    const line = body[r].number;
    if (row.length !== width) throw new SpecError(`Line ${line} of ${source} has ${row.length} values; line ${body[0].number} has ${width}. Every point needs the same number of coordinates.`);
    return row.map((cell, c) => {
      if (!isNumber(cell)) throw new SpecError(`Line ${line}, column ${c + 1} of ${source} is '${cell}', not a number.`);
      const value = Number(cell);
      checkCoordinate(value, `Line ${line}, column ${c + 1} of ${source}`);
      return value;
    });
  });
  return toPointSet(rows, source);
}

function isNumber(cell: string): boolean {
  return cell.trim() !== '' && Number.isFinite(Number(cell));
}
