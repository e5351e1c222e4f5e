import { SpecError } from '../core/index.js';
import type { ValuedBox } from './box.js';
import type { PointSet } from './pointSet.js';

/** Grid sizes above this are refused: the oracle is for tests and tiny sets. */
const MAX_GRID = 5_000_000;

/**
 * Exact star discrepancy by enumerating every box whose corner lies on the grid of point
 * coordinates (plus 1) in each dimension, open [0,q) and closed [0,q]: O(n^(d+1) d).
 * The test oracle for the fast algorithm; only for small point sets.
 */
export function bruteForceDiscrepancy(points: PointSet): ValuedBox {
  const { n, d, cols } = points;
  const grids = cols.map((col) => [...new Set([...col, 1])].sort((a, b) => a - b));
  const size = grids.reduce((s, g) => s * g.length, 1);
  if (size > MAX_GRID) throw new SpecError(`The brute-force oracle would visit ${size} grid corners (limit ${MAX_GRID}); use the exact DEM algorithm instead.`);
  const index = new Array<number>(d).fill(0);
  const corner = new Array<number>(d);
  let best: ValuedBox = { corner: new Array<number>(d).fill(1), kind: 'closed', value: 0 };
  for (let visited = 0; visited < size; visited++) {
    let volume = 1;
    for (let j = 0; j < d; j++) {
      corner[j] = grids[j][index[j]];
      volume *= corner[j];
    }
    let open = 0;
    let closed = 0;
    for (let i = 0; i < n; i++) {
      let inOpen = true;
      let inClosed = true;
      for (let j = 0; j < d && inClosed; j++) {
        const x = cols[j][i];
        if (x >= corner[j]) inOpen = false;
        if (x > corner[j]) inClosed = false;
      }
      if (inOpen) open++;
      if (inClosed) closed++;
    }
    if (volume - open / n > best.value) best = { corner: [...corner], kind: 'open', value: volume - open / n };
    if (closed / n - volume > best.value) best = { corner: [...corner], kind: 'closed', value: closed / n - volume };
    for (let j = 0; j < d; j++) {
      if (++index[j] < grids[j].length) break;
      index[j] = 0;
    }
  }
  return best;
}
