import { executeRun, type RunOutcome } from './executeRun.js';
import { loadPlugins } from './plugins.js';
import { openStore, type SqliteStore } from './store/index.js';
import type { DrainReply, DrainRequest, InterruptRequest } from './workerMessages.js';

/** One store connection per worker thread and store file, reused across runs. */
const stores = new Map<string, SqliteStore>();

function storeFor(path: string): SqliteStore {
  let store = stores.get(path);
  if (!store) {
    store = openStore(path);
    stores.set(path, store);
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
    const store = storeFor(request.storePath);
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
