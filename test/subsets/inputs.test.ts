import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DataMissingError, SpecError } from '../../core/index.js';
import { parsePointsCsv, readPointsCsv, rowsOf, toPointSet } from '../../subsets/index.js';
import { tempDir } from '../helpers.js';

function throwsSpec(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (e: unknown) => e instanceof SpecError && pattern.test(e.message), `expected a SpecError matching ${pattern}`);
}

describe('point input', () => {
  it('reads comma- or whitespace-separated rows, with or without a header, skipping blank lines', () => {
    assert.deepEqual(rowsOf(parsePointsCsv('0.1,0.2\n0.3,0.4\n')), [[0.1, 0.2], [0.3, 0.4]]);
    assert.deepEqual(rowsOf(parsePointsCsv('gp,random\n0.1, 0.2\n\n1,0\n')), [[0.1, 0.2], [1, 0]]);
    assert.deepEqual(rowsOf(parsePointsCsv('0.5 0.25 1e-1\r\n0 1 0.75')), [[0.5, 0.25, 0.1], [0, 1, 0.75]]);
  });

  it('rejects points outside [0,1], ragged rows, non-numeric cells and empty input, naming the value', () => {
    throwsSpec(() => parsePointsCsv('0.1,0.2\n0.3,1.5\n', "'pts.csv'"), /Line 2, column 2 of 'pts.csv' is 1.5.*\[0, 1\]/);
    throwsSpec(() => parsePointsCsv('a,b\n0.1,-0.2\n'), /Line 2, column 2 .* -0.2/);
    throwsSpec(() => parsePointsCsv('0.1,0.2\n0.3\n'), /Line 2 .* 1 values; line 1 has 2/);
    throwsSpec(() => parsePointsCsv('0.1,0.2\n0.3,abc\n'), /Line 2, column 2 .* 'abc', not a number/);
    throwsSpec(() => parsePointsCsv('0.1,0.2\n0.3,NaN\n'), /'NaN', not a number/);
    throwsSpec(() => parsePointsCsv('\n\n'), /no points/);
    throwsSpec(() => parsePointsCsv('x,y\n'), /header but no points/);
    throwsSpec(() => toPointSet([[0.1, 0.2], [0.3]]), /Row 2 .* 1 values; row 1 has 2/);
    throwsSpec(() => toPointSet([[0.1, 2]]), /Row 1, column 2 .* 2: points must lie in \[0, 1\]/);
    throwsSpec(() => toPointSet([[Number.NaN]]), /NaN, not a finite number/);
    throwsSpec(() => toPointSet([]), /no points/);
  });

  it('reads files, and names a missing one', (t) => {
    const dir = tempDir(t);
    const file = join(dir, 'points.csv');
    writeFileSync(file, 'a,b\n0.25,0.75\n');
    assert.deepEqual(rowsOf(readPointsCsv(file)), [[0.25, 0.75]]);
    assert.throws(() => readPointsCsv(join(dir, 'missing.csv')), (e: unknown) => e instanceof DataMissingError && /missing\.csv/.test(e.message));
  });
});
