import { executeRun, type RunOutcome } from './executeRun.js';
import { loadPlugins } from './plugins.js';
import { openStore, type Store } from './store/index.js';
import type { DrainReply, DrainRequest, InterruptRequest } from './workerMessages.js';

/** One store connection per worker thread and store, reused across runs. */
const stores = new Map<string, Promise<Store>>();

function storeFor(location: string): Promise<Store> {
  let store = stores.get(location);
  if (!store) {
    store = openStore(location, { waitForServer: true }); // the experiment's own process opened it: a restarting server is waited for
    stores.set(location, store);
    store.catch(() => stores.delete(location)); // a failed open is retried by the next request
  }
  return store;
}

/** Piscina entry point: takes runs from the shared counter and executes them one at a time. */
export default async function drainRuns(request: DrainRequest): Promise<DrainReply> {
  const next = new Int32Array(request.next);
  const current = new Int32Array(request.current);
  const outcomes: RunOutcome[] = [];
  const interruption = new AbortController();
  request.progress.on('message', (message: InterruptRequest) => {
    if (message.kind === 'interrupt') interruption.abort();
  });
  try {
    await loadPlugins(request.plugins);
    const store = await storeFor(request.storeLocation);
    for (;;) {
      const index = Atomics.add(next, 0, 1);
      if (index >= request.runIds.length) break;
      Atomics.store(current, 0, index);
      const outcome = await executeRun(store, request.runIds[index], { context: { dataDir: request.dataDir }, trialTimeout: request.trialTimeout, signal: interruption.signal });
      Atomics.store(current, 0, -1);
      outcomes.push(outcome);
      request.progress.postMessage(outcome);
    }
  } finally {
    request.progress.close();
  }
  return { kind: 'drained', outcomes };
}
