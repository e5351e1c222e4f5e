export { enqueueExperiment, type EnqueueOptions, type EnqueueOutcome } from './enqueueExperiment.js';
export { runQueueWorker, type QueueWorkerOptions, type WorkerSummary } from './queueWorker.js';
export { slurmScript, withoutPassword, type SlurmScriptOptions, type SlurmScript } from './slurmScript.js';
export { queueStatus, type QueueStatus } from './queueStatus.js';
export { QueueDatabase } from './queueDatabase.js';
export { listWorkers, type WorkerRow } from './workerRegistry.js';
export { RUN_QUEUE } from './runQueue.js';
