/** Pareto dominance for minimized cost vectors. */
export function dominates(a: readonly number[], b: readonly number[]): boolean {
  let strictlyBetter = false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] > b[i]) return false;
    if (a[i] < b[i]) strictlyBetter = true;
  }
  return strictlyBetter;
}

/** Indices of the non-dominated vectors (duplicates of a non-dominated vector are all kept). */
export function nonDominatedIndices(points: readonly (readonly number[])[]): number[] {
  const keep: number[] = [];
  for (let i = 0; i < points.length; i++) {
    let dominated = false;
    for (let j = 0; j < points.length && !dominated; j++) {
      if (j !== i && dominates(points[j], points[i])) dominated = true;
    }
    if (!dominated) keep.push(i);
  }
  return keep;
}
