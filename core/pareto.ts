/** Pareto dominance and the one non-dominated filter, for minimized cost vectors. */

/** a dominates b: no worse in any objective, strictly better in one (equal points do not dominate each other). */
export function dominates(a: readonly number[], b: readonly number[]): boolean {
  let strictlyBetter = false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] > b[i]) return false;
    if (a[i] < b[i]) strictlyBetter = true;
  }
  return strictlyBetter;
}

function dominatesOrEquals(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] > b[i]) return false;
  return true;
}

/**
 * The non-dominated points of `points`, one copy of each (duplicates dropped), in ascending
 * order of the first objective. O(n log n) for two objectives, O(n^2) otherwise.
 */
export function nonDominated(points: readonly (readonly number[])[]): number[][] {
  if (points.length === 0) return [];
  const sorted = [...points].sort(lexicographic);
  if (sorted[0].length === 2) {
    const front: number[][] = [];
    let best = Infinity;
    for (const p of sorted) {
      if (p[1] < best) {
        front.push([...p]);
        best = p[1];
      }
    }
    return front;
  }
  // Sorted lexicographically, a point can only be dominated by (or equal to) one before it.
  const front: number[][] = [];
  for (const p of sorted) {
    if (!front.some((q) => dominatesOrEquals(q, p))) front.push([...p]);
  }
  return front;
}

/** Adds `point` to a non-dominated set in place; false (unchanged) if it is dominated or already there. */
export function insertNonDominated(front: number[][], point: readonly number[]): boolean {
  for (const q of front) if (dominatesOrEquals(q, point)) return false;
  let write = 0;
  for (let read = 0; read < front.length; read++) {
    if (!dominatesOrEquals(point, front[read])) front[write++] = front[read];
  }
  front.length = write;
  front.push([...point]);
  return true;
}

function lexicographic(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
