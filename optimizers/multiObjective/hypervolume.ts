/**
 * Exact hypervolume of minimized points below a reference point, for the optimizers' own use
 * (MOTPE's subset selection). 2 objectives: a sweep; 3: slabs along the third objective, each a
 * 2-D sweep; more: WFG's exclusive-volume recursion (While, Bradstreet & Barone 2012).
 * Points not strictly below the reference in every objective add nothing.
 */
export function hypervolume(points: readonly (readonly number[])[], reference: readonly number[]): number {
  const inside = points.filter((p) => p.every((v, i) => v < reference[i]));
  if (inside.length === 0) return 0;
  const m = reference.length;
  if (m === 1) return reference[0] - Math.min(...inside.map((p) => p[0]));
  if (m === 2) return sweep2d(inside, reference);
  if (m === 3) return slabs3d(inside, reference);
  return wfg(nonDominatedCopy(inside), reference);
}

/** 2-D: sort by the first objective, add the rectangle each new lower second objective opens. */
function sweep2d(points: readonly (readonly number[])[], reference: readonly number[]): number {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let volume = 0;
  let ceiling = reference[1];
  for (const p of sorted) {
    if (p[1] < ceiling) {
      volume += (reference[0] - p[0]) * (ceiling - p[1]);
      ceiling = p[1];
    }
  }
  return volume;
}

/** 3-D: points by ascending third objective; between consecutive levels the 2-D area of those below. */
function slabs3d(points: readonly (readonly number[])[], reference: readonly number[]): number {
  const sorted = [...points].sort((a, b) => a[2] - b[2]);
  const below: (readonly number[])[] = [];
  let volume = 0;
  for (let i = 0; i < sorted.length; i++) {
    below.push(sorted[i]);
    const top = i + 1 < sorted.length ? sorted[i + 1][2] : reference[2];
    if (top > sorted[i][2]) volume += sweep2d(below, reference) * (top - sorted[i][2]);
  }
  return volume;
}

function box(p: readonly number[], reference: readonly number[]): number {
  let v = 1;
  for (let i = 0; i < p.length; i++) v *= reference[i] - p[i];
  return v;
}

function nonDominatedCopy(points: readonly (readonly number[])[]): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < points.length; i++) {
    const p = points[i];
    let dominated = false;
    for (let j = 0; j < points.length && !dominated; j++) {
      if (j === i) continue;
      const q = points[j];
      let allLe = true;
      let anyLt = false;
      for (let o = 0; o < p.length; o++) {
        if (q[o] > p[o]) allLe = false;
        else if (q[o] < p[o]) anyLt = true;
      }
      // Of equal points only the first survives.
      dominated = allLe && (anyLt || j < i);
    }
    if (!dominated) out.push([...p]);
  }
  return out;
}

function wfg(front: readonly number[][], reference: readonly number[]): number {
  if (front.length === 0) return 0;
  if (front.length === 1) return box(front[0], reference);
  const sorted = [...front].sort((a, b) => b[b.length - 1] - a[a.length - 1]);
  let volume = 0;
  for (let k = 0; k < sorted.length; k++) {
    const p = sorted[k];
    const limited = sorted.slice(k + 1).map((q) => q.map((v, i) => Math.max(v, p[i])));
    volume += box(p, reference) - wfg(nonDominatedCopy(limited), reference);
  }
  return volume;
}

/**
 * Greedy hypervolume subset selection (Optuna's _solve_hssp): `k` of `points`, each step the one
 * adding the most hypervolume to those chosen. Contributions only shrink as the subset grows
 * (submodularity), so stale values are upper bounds and most are never recomputed (lazy greedy).
 * Ties go to the lower index. Returns indices in selection order.
 */
export function greedyHypervolumeSubset(points: readonly (readonly number[])[], k: number, reference: readonly number[]): number[] {
  const n = points.length;
  if (k >= n) return points.map((_, i) => i);
  const bound = points.map((p) => (p.every((v, i) => v < reference[i]) ? box(p, reference) : 0));
  const chosen: number[] = [];
  const taken = new Uint8Array(n);
  let selected: (readonly number[])[] = [];
  let volume = 0;
  const fresh = new Uint8Array(n);
  while (chosen.length < k) {
    fresh.fill(0);
    for (;;) {
      let top = -1;
      for (let i = 0; i < n; i++) if (!taken[i] && (top < 0 || bound[i] > bound[top])) top = i;
      if (fresh[top] || chosen.length === 0) {
        taken[top] = 1;
        chosen.push(top);
        selected = [...selected, points[top]];
        volume = chosen.length === 1 ? bound[top] : volume + bound[top];
        break;
      }
      bound[top] = Math.max(0, hypervolume([...selected, points[top]], reference) - volume);
      fresh[top] = 1;
    }
  }
  return chosen;
}
