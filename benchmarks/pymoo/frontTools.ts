/**
 * Building blocks for Pareto-front reference sets: pymoo's Das-Dennis reference directions,
 * its "closest point to each reference direction" thinning, arc-length thinning, grids, and
 * the 1-D searches that locate the pieces of disconnected fronts.
 */
export type Point = number[];

/** n evenly spaced values from a to b inclusive (numpy.linspace). */
export function linspace(a: number, b: number, n: number): number[] {
  if (n <= 1) return [a];
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? b : a + ((b - a) * i) / (n - 1)));
}

function binomial(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return Math.round(result);
}

/** Number of Das-Dennis directions with `partitions` partitions in `dim` dimensions. */
function dasDennisCount(partitions: number, dim: number): number {
  return binomial(dim + partitions - 1, partitions);
}

/** pymoo's get_partition_closest_to_points: the most partitions giving at most nPoints directions (at least 1). */
export function partitionsFor(nPoints: number, dim: number): number {
  let partitions = 1;
  while (dasDennisCount(partitions + 1, dim) <= nPoints) partitions++;
  return partitions;
}

/** Das-Dennis uniform reference directions on the unit simplex, in pymoo's (lexicographic) order. */
export function dasDennis(partitions: number, dim: number): Point[] {
  const out: Point[] = [];
  const current = new Array<number>(dim).fill(0);
  const recurse = (depth: number, left: number): void => {
    if (depth === dim - 1) {
      current[depth] = left / partitions;
      out.push(current.slice());
      return;
    }
    for (let i = 0; i <= left; i++) {
      current[depth] = i / partitions;
      recurse(depth + 1, left - i);
    }
  };
  recurse(0, partitions);
  return out;
}

/** Componentwise minimum and maximum of a point set. */
export function boundsOf(points: readonly Point[]): { ideal: Point; nadir: Point } {
  const m = points[0].length;
  const ideal = new Array<number>(m).fill(Infinity);
  const nadir = new Array<number>(m).fill(-Infinity);
  for (const p of points) {
    for (let j = 0; j < m; j++) {
      if (p[j] < ideal[j]) ideal[j] = p[j];
      if (p[j] > nadir[j]) nadir[j] = p[j];
    }
  }
  return { ideal, nadir };
}

/**
 * pymoo's reference-direction thinning (WFG._calc_pareto_front): normalize the candidates by
 * their ideal and nadir point, and keep for every direction the candidate with the smallest
 * perpendicular distance to it. Duplicates (one candidate closest to several directions) are kept once.
 */
export function closestToDirections(candidates: readonly Point[], directions: readonly Point[]): Point[] {
  const { ideal, nadir } = boundsOf(candidates);
  const m = ideal.length;
  const range = ideal.map((lo, j) => (nadir[j] - lo > 0 ? nadir[j] - lo : 1));
  const normalized = candidates.map((p) => p.map((v, j) => (v - ideal[j]) / range[j]));
  const chosen = new Set<number>();
  for (const w of directions) {
    const norm = Math.hypot(...w);
    let best = -1;
    let bestDistance = Infinity;
    for (let i = 0; i < normalized.length; i++) {
      const q = normalized[i];
      let dot = 0, squared = 0;
      for (let j = 0; j < m; j++) {
        dot += q[j] * w[j];
        squared += q[j] * q[j];
      }
      const projection = dot / norm;
      const distance = squared - projection * projection;
      if (distance < bestDistance) {
        bestDistance = distance;
        best = i;
      }
    }
    chosen.add(best);
  }
  return [...chosen].sort((a, b) => a - b).map((i) => candidates[i].slice());
}

/**
 * Thins a two-objective front (sorted by the first objective) to about n points spread evenly by
 * arc length in normalized objective space; jumps between disconnected pieces (steps over 20
 * times the median step) do not count as length. The two end points are always kept.
 */
export function thinByArcLength(front: readonly Point[], n: number): Point[] {
  if (front.length <= n) return front.map((p) => p.slice());
  const { ideal, nadir } = boundsOf(front);
  const scale = [nadir[0] - ideal[0] || 1, nadir[1] - ideal[1] || 1];
  const steps = front.slice(1).map((p, i) => Math.hypot((p[0] - front[i][0]) / scale[0], (p[1] - front[i][1]) / scale[1]));
  const median = [...steps].sort((a, b) => a - b)[Math.floor(steps.length / 2)];
  const cumulative = [0];
  for (const step of steps) cumulative.push(cumulative[cumulative.length - 1] + (step > 20 * median ? 0 : step));
  const total = cumulative[cumulative.length - 1];
  const chosen = new Set<number>([0, front.length - 1]);
  let cursor = 0;
  for (const target of linspace(0, total, n)) {
    while (cursor < cumulative.length - 1 && cumulative[cursor + 1] <= target) cursor++;
    const next = Math.min(cursor + 1, cumulative.length - 1);
    chosen.add(target - cumulative[cursor] <= cumulative[next] - target ? cursor : next);
  }
  return [...chosen].sort((a, b) => a - b).map((i) => front[i].slice());
}

/** All points of the grid product of the given coordinate values (first coordinate varies slowest). */
export function gridProduct(axes: readonly (readonly number[])[]): Point[] {
  let out: Point[] = [[]];
  for (const axis of axes) {
    const next: Point[] = [];
    for (const prefix of out) for (const v of axis) next.push([...prefix, v]);
    out = next;
  }
  return out;
}

/**
 * The parts of [a, b] where f is a strict running minimum (f(u) < f(v) for every v < u): the
 * coordinate values of a front whose other objectives grow with u. Located on a grid of n points,
 * then refined: interval ends by golden-section search for the local minimum, interval starts by
 * bisection for the point where f drops below the previous interval's minimum.
 */
export function runningMinIntervals(f: (u: number) => number, a: number, b: number, n = 10_001): [number, number][] {
  const grid = linspace(a, b, n);
  const runs: [number, number][] = [];
  let best = Infinity;
  for (let i = 0; i < n; i++) {
    const v = f(grid[i]);
    if (v < best) {
      best = v;
      const last = runs[runs.length - 1];
      if (last && last[1] === i - 1) last[1] = i;
      else runs.push([i, i]);
    }
  }
  const h = (b - a) / (n - 1);
  const out: [number, number][] = [];
  for (const [start, end] of runs) {
    const endValue = end === n - 1 ? b : goldenMin(f, Math.max(a, grid[end] - h), Math.min(b, grid[end] + h));
    let startValue = grid[start];
    if (out.length > 0) {
      const level = f(out[out.length - 1][1]);
      let lo = grid[start - 1], hi = grid[start];
      while (hi - lo > 1e-14) {
        const mid = (lo + hi) / 2;
        if (f(mid) < level) hi = mid;
        else lo = mid;
      }
      startValue = hi;
    }
    out.push([startValue, endValue]);
  }
  return out;
}

/** Golden-section search for a minimum of f on [a, b]. */
export function goldenMin(f: (u: number) => number, a: number, b: number): number {
  const ratio = (Math.sqrt(5) - 1) / 2;
  while (b - a > 1e-14) {
    const c = b - ratio * (b - a), d = a + ratio * (b - a);
    if (f(c) < f(d)) b = d;
    else a = c;
  }
  return (a + b) / 2;
}

/** About n values spread over the intervals in proportion to their lengths (each gets at least 2). */
export function sampleIntervals(intervals: readonly (readonly [number, number])[], n: number): number[] {
  const total = intervals.reduce((s, [lo, hi]) => s + (hi - lo), 0);
  return intervals.flatMap(([lo, hi]) => linspace(lo, hi, Math.max(2, Math.round((n * (hi - lo)) / total))));
}

/** A value computed on first use and kept. */
export function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}
