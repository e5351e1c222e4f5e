export * from './collection.js';
export * from './registry.js';
export { carpsCoverage, CARPS_COLLECTIONS, CARPS_TASK_IDS, type CarpsCollection, type CarpsCoverage, type CarpsCoverageRow } from './carpsCoverage.js';
export { vectorTask, boxSpace, coordinateName, type VectorProblem } from './vectorTask.js';
export { paretoFront, frontBounds, hasParetoFront } from './pymoo/paretoFronts.js';
