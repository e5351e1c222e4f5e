export * from './store/index.js';
export * from './experimentSpec.js';
export * from './experiment.js';
export * from './executeRun.js';
export { executeRuns, defaultWorkerCount, type PoolOptions } from './pool.js';
export { runLoop, trialSeed } from './runLoop.js';
export { selectTasks, globToRegExp } from './taskSelection.js';
export { exportTrials, EXPORT_COLUMNS, type ExportFormat } from './exportTrials.js';
export { readSpecFile, parseSpec, type SpecFile } from './specFile.js';
