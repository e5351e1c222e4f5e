/**
 * Piscina's worker file. CommonJS on purpose: piscina first require()s its worker file, and
 * Node 20's require() of an ES module graph crashed the process under load (v8 fatal
 * "IsGraphAsync must be used on an instantiated module"). This entry starts importing the ES
 * worker at once (while the worker starts) and hands every task to it.
 */
import type { DrainReply, DrainRequest } from './workerMessages.js';

const worker = import('./worker.js');

async function drainRuns(request: DrainRequest): Promise<DrainReply> {
  return (await worker).default(request);
}

export = drainRuns;
