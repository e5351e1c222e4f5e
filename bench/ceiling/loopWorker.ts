import { parentPort, workerData } from 'node:worker_threads';
import { viewOf } from '../../core/index.js';
import { createTask } from '../../benchmarks/index.js';
import { createOptimizer } from '../../optimizers/registry.js';
import { runLoop } from '../../runner/runLoop.js';

/**
 * A plain worker thread for pool.speedup_2_threads_ceiling: on 'go', runs the given seeds of
 * random search on a task through the runner's loop with nothing stored (no SQLite, journal or
 * pool), then replies with nothing but completion. What two such threads gain over one bounds
 * what any pool can gain on this machine for the same loop.
 */
const { task: taskId, seeds, nTrials } = workerData as { task: string; seeds: number[]; nTrials: number };
const task = await createTask(taskId);
parentPort!.on('message', async () => {
  for (const seed of seeds) {
    const optimizer = createOptimizer('random', viewOf(task), seed);
    await runLoop({ runId: seed, task, optimizer, seed, nTrials, recorded: [], persist: () => {}, discardFrom: () => {} });
  }
  parentPort!.postMessage('done');
});
parentPort!.postMessage('ready');
