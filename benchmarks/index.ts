export * from './collection.js';
export * from './registry.js';
export { vectorTask, boxSpace, coordinateName, type VectorProblem } from './vectorTask.js';
export { paretoFront, frontBounds, hasParetoFront } from './pymoo/paretoFronts.js';
