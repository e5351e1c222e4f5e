import { nonDominated } from '../../core/index.js';

/**
 * Per-task objective scaling for hypervolume. From every successful objective vector of the
 * task's analysed runs: the ideal point (componentwise minimum over all points) and the nadir
 * point (componentwise maximum over the non-dominated points of their union). Objectives are
 * min-max normalized with them, (f - ideal) / (nadir - ideal) (a zero range counts as 1), and
 * the reference point is the normalized nadir plus 10% of the range: (1.1, ..., 1.1). Points
 * beyond it in any objective add no hypervolume. Normalized hypervolume = HV / 1.1^m, the share
 * of the box [ideal, reference] that is dominated, so 1 - normalized HV is a cost in [0, 1].
 */
export interface ObjectiveScale {
  readonly ideal: readonly number[];
  readonly nadir: readonly number[];
  readonly reference: readonly number[];
}

export const REFERENCE_MARGIN = 0.1;

export function objectiveScale(points: readonly (readonly number[])[]): ObjectiveScale {
  const m = points[0].length;
  const ideal = Array<number>(m).fill(Infinity);
  for (const p of points) for (let i = 0; i < m; i++) if (p[i] < ideal[i]) ideal[i] = p[i];
  const nadir = Array<number>(m).fill(-Infinity);
  for (const p of nonDominated(points)) for (let i = 0; i < m; i++) if (p[i] > nadir[i]) nadir[i] = p[i];
  return { ideal, nadir, reference: Array(m).fill(1 + REFERENCE_MARGIN) };
}

export function normalizePoint(point: readonly number[], scale: ObjectiveScale): number[] {
  return point.map((v, i) => {
    const range = scale.nadir[i] - scale.ideal[i];
    return (v - scale.ideal[i]) / (range > 0 ? range : 1);
  });
}

/** Largest possible hypervolume in normalized space: the box from the ideal point (0) to the reference. */
export function maxHypervolume(scale: ObjectiveScale): number {
  return scale.reference.reduce((p, r) => p * r, 1);
}
