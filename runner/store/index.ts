export * from './types.js';
export { SqliteStore, type OpenOptions } from './sqliteStore.js';
export { SCHEMA_VERSION } from './schema.js';
import { SqliteStore, type OpenOptions } from './sqliteStore.js';

/** The default store location, relative to the working directory. */
export const DEFAULT_STORE_PATH = 'results/hpoarena.db';

export function openStore(path: string = DEFAULT_STORE_PATH, options: OpenOptions = {}): SqliteStore {
  return SqliteStore.open(path, options);
}
export { TrialJournal, recoverJournal, journaledTrials, discardJournal } from './trialJournal.js';
