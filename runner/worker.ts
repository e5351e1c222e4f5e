import { executeRun } from './executeRun.js';
import { loadPlugins } from './plugins.js';
import { openStore, type SqliteStore } from './store/index.js';
import type { RunReply, RunRequest } from './workerMessages.js';

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

/** Piscina entry point: executes one run; executeRun turns every failure into a 'failed' outcome. */
export default async function runWorker(request: RunRequest): Promise<RunReply> {
  await loadPlugins(request.plugins);
  const outcome = await executeRun(storeFor(request.storePath), request.runId, {
    context: { dataDir: request.dataDir },
    trialTimeout: request.trialTimeout,
  });
  return { kind: 'outcome', outcome };
}
