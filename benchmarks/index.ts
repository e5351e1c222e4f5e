export * from './collection.js';
export * from './registry.js';
export { vectorTask, boxSpace, coordinateName, type VectorProblem } from './vectorTask.js';
