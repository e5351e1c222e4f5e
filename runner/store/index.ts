export * from './types.js';
export { eachTrial, type Store, type TrialWriter, type ClaimOptions, type RunLease, type Awaitable } from './store.js';
export { SqliteStore, type OpenOptions } from './sqliteStore.js';
export { SCHEMA_VERSION } from './schema.js';
export { maskCredentials, isPostgresUrl } from './postgres/maskCredentials.js';
import { SqliteStore, type OpenOptions } from './sqliteStore.js';
import type { Store } from './store.js';
import { isPostgresUrl } from './postgres/maskCredentials.js';

/** The default store location, relative to the working directory. */
export const DEFAULT_STORE_PATH = 'results/hpoarena.db';

/**
 * Opens the store at `location`: PostgreSQL for a `postgres://` or `postgresql://` URL, else
 * the SQLite file at that path. The PostgreSQL driver is loaded only when one is used.
 */
export async function openStore(location: string = DEFAULT_STORE_PATH, options: OpenOptions & { readonly waitForServer?: boolean } = {}): Promise<Store> {
  if (isPostgresUrl(location)) {
    const { PostgresStore } = await import('./postgres/postgresStore.js');
    return PostgresStore.open(location, options);
  }
  return SqliteStore.open(location, options);
}

/** The SQLite store at `path`, opened synchronously (tests, benches and tools that work on a file). */
export function openSqliteStore(path: string = DEFAULT_STORE_PATH, options: OpenOptions = {}): SqliteStore {
  return SqliteStore.open(path, options);
}
export { TrialJournal, recoverJournal, journaledTrials, discardJournal } from './trialJournal.js';
export { copyExperiment, type CopySummary } from './copyExperiment.js';
