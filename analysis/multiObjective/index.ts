export { hypervolume, hypervolumeInclusionExclusion } from './hypervolume.js';
export { igdPlus } from './igdPlus.js';
export { nonDominated, insertNonDominated } from './nondominated.js';
export { objectiveScale, normalizePoint, maxHypervolume, REFERENCE_MARGIN, type ObjectiveScale } from './reference.js';
export { hypervolumeLoss, taskObjectiveScale, mergeFronts, frontQuality } from './moTask.js';
