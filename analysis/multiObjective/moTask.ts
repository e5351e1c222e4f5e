import { igdPlus } from './igdPlus.js';
import { hypervolume, nonDominated } from '../../core/index.js';
import { maxHypervolume, normalizePoint, objectiveScale, type ObjectiveScale } from './reference.js';

/** Hypervolume loss of a front: 1 - HV(normalized front) / HV(box [ideal, reference]), in [0, 1]. */
export function hypervolumeLoss(front: readonly (readonly number[])[] | null, scale: ObjectiveScale): number {
  if (!front || front.length === 0) return 1;
  return 1 - hypervolume(front.map((p) => normalizePoint(p, scale)), scale.reference) / maxHypervolume(scale);
}

/**
 * The scale of a task from the final fronts of its analysed runs. Every successful point is on
 * its run's final front or dominated by it, so the union of those fronts has the same
 * non-dominated set, ideal point (each objective's minimum is reached on it) and nadir as all points.
 */
export function taskObjectiveScale(finalFronts: readonly (readonly (readonly number[])[])[]): ObjectiveScale {
  return objectiveScale(mergeFronts(finalFronts));
}

/** Non-dominated union of several fronts. */
export function mergeFronts(fronts: readonly (readonly (readonly number[])[])[]): number[][] {
  return nonDominated(fronts.flat());
}

/** Final quality of one run's front: normalized hypervolume and, where the task has a true front, IGD+. */
export function frontQuality(front: readonly (readonly number[])[], scale: ObjectiveScale, trueFront?: readonly (readonly number[])[]) {
  const loss = hypervolumeLoss(front, scale);
  return { hypervolume: 1 - loss, hypervolumeLoss: loss, igdPlus: trueFront ? igdPlus(front, trueFront) : null };
}
