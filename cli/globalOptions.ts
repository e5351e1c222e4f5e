import type { Argv } from 'yargs';
import { DEFAULT_STORE_PATH } from '../runner/index.js';

/** --store, for every command that reads or writes an experiment. */
export function withStore<T>(yargs: Argv<T>) {
  return yargs.option('store', { type: 'string', default: DEFAULT_STORE_PATH, describe: 'SQLite store file, or a postgres://user@host/db URL (password from the URL, PGPASSWORD or ~/.pgpass)' });
}

/** --data-dir, for commands that build tasks (surrogate data lives there). */
export function withDataDir<T>(yargs: Argv<T>) {
  return yargs.option('data-dir', { type: 'string', describe: 'Task data directory (default: $HPOARENA_DATA_DIR, else ~/.cache/hpoarena)' });
}

export function resolveDataDir(flag: string | undefined): string | undefined {
  return flag ?? process.env.HPOARENA_DATA_DIR ?? undefined;
}
