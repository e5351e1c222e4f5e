import { SpecError } from '../core/index.js';
import { isPostgresUrl, maskCredentials } from '../runner/store/postgres/maskCredentials.js';

/**
 * The PostgreSQL database that holds the queue: --queue if given, else the store's. With a
 * SQLite store and --queue, workers must share the store file (one machine).
 */
export function queueLocation(store: string, queue: string | undefined, command: string): string {
  const location = queue ?? store;
  if (!isPostgresUrl(location)) {
    throw new SpecError(`${command} needs a PostgreSQL database for its queue, got '${maskCredentials(location)}': use --store postgres://USER@HOST:PORT/DATABASE (or --queue postgres://... beside a SQLite store on this machine).`);
  }
  return location;
}
