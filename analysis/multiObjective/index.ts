export { igdPlus } from './igdPlus.js';
export { objectiveScale, normalizePoint, maxHypervolume, REFERENCE_MARGIN, type ObjectiveScale } from './reference.js';
export { hypervolumeLoss, taskObjectiveScale, mergeFronts, frontQuality } from './moTask.js';
