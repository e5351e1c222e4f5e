import { StoreError } from '../../../core/index.js';
import { maskCredentials } from './maskCredentials.js';

/**
 * PostgreSQL failures a user can cause or meet (server down, wrong password, missing database)
 * as one StoreError naming the store by its masked label; and the retry that carries a worker
 * over a server restart. Every message goes through maskCredentials.
 */

interface PgLikeError {
  readonly code?: string;
  readonly message?: string;
}

/** SQLSTATE classes and socket codes that mean "the connection is gone, the server may come back". */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', '57P01', '57P02', '57P03', '53300']);

export function isConnectionError(error: unknown): boolean {
  const { code, message } = (error ?? {}) as PgLikeError;
  if (code && (CONNECTION_CODES.has(code) || code.startsWith('08'))) return true;
  return typeof message === 'string' && /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(message);
}

/** The one message for a failure to connect or to run a statement on the store at `label`. */
export function storeErrorOf(error: unknown, label: string, password?: string): StoreError {
  if (error instanceof StoreError) return new StoreError(maskCredentials(error.message, password));
  const { code, message = String(error) } = (error ?? {}) as PgLikeError;
  const text = (() => {
    switch (code) {
      case 'ECONNREFUSED':
        return `Cannot reach the PostgreSQL server of store '${label}': connection refused. Is the server running and listening on that host and port? Nothing was changed.`;
      case 'ENOTFOUND':
      case 'EAI_AGAIN':
        return `Cannot reach the PostgreSQL server of store '${label}': unknown host. Check the host in the URL (or PGHOST). Nothing was changed.`;
      case '28P01':
        return `PostgreSQL refused the login to store '${label}': ${message}. Check the password (in the URL, PGPASSWORD or ~/.pgpass). Nothing was changed.`;
      case '28000':
        return `PostgreSQL refused the login to store '${label}': ${message}. Check the user name and the server's pg_hba.conf. Nothing was changed.`;
      case '3D000':
        return `Store '${label}': ${message}. Create the database first (e.g. \`createdb NAME\`) or fix its name in the URL. Nothing was changed.`;
      default:
        if (/password must be a string|SASL/i.test(message)) {
          return `Store '${label}' needs a password: put it in the URL after the user name (user:password@host), in PGPASSWORD or in ~/.pgpass. Nothing was changed.`;
        }
        if (isConnectionError(error)) return `Lost or could not open the connection to PostgreSQL store '${label}': ${message}. Stored trials are kept; run again to resume.`;
        return `PostgreSQL store '${label}': ${message}${code ? ` (${code})` : ''}`;
    }
  })();
  return new StoreError(maskCredentials(text, password));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `operation`, retrying while the connection is gone (server restarting, network blip)
 * for up to `deadlineMs`, with backoff from 100 ms to 2 s. Every operation retried this way is
 * idempotent (batches skip stored indices, status updates are plain sets), so a commit whose
 * reply was lost is harmless to repeat. Other errors are not retried.
 */
export async function retryConnection<T>(operation: () => Promise<T>, deadlineMs: number): Promise<T> {
  const start = Date.now();
  let delay = 100;
  for (;;) {
    try {
      return await operation();
    } catch (error) {
      if (!isConnectionError(error) || Date.now() - start + delay > deadlineMs) throw error;
      await sleep(delay);
      delay = Math.min(delay * 2, 2000);
    }
  }
}
