import pg from 'pg';
import { StoreError } from '../../core/index.js';
import { maskCredentials } from '../store/postgres/maskCredentials.js';

/** pg-boss's way of running SQL: handed to it so its statements share our pool or our transaction. */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
}

/**
 * The worker side's connection to PostgreSQL: one small pool shared by pg-boss and the worker
 * registry. The URL may leave the password out: node-postgres then reads PGPASSWORD or
 * ~/.pgpass, so a batch script never has to hold it.
 */
export class QueueDatabase implements SqlExecutor {
  private constructor(readonly url: string, private readonly pool: pg.Pool) {}

  static async connect(url: string, maxConnections = 4): Promise<QueueDatabase> {
    const pool = new pg.Pool({ connectionString: url, max: maxConnections, application_name: 'hpoarena-worker', connectionTimeoutMillis: 10_000 });
    // An idle connection dropped by a restarting server must not end the process: the next query reconnects.
    pool.on('error', () => {});
    const database = new QueueDatabase(url, pool);
    try {
      await pool.query('SELECT 1');
    } catch (error) {
      await pool.end();
      throw new StoreError(`Cannot reach the queue database ${maskCredentials(url)}: ${describePgError(error, url)}`);
    }
    return database;
  }

  async executeSql(text: string, values: unknown[] = []): Promise<{ rows: any[] }> {
    return this.pool.query(text, values);
  }

  /** Runs `body` in one transaction; its SqlExecutor is what pg-boss calls get as `db`. */
  async transaction<T>(body: (db: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await body({ executeSql: (text, values = []) => client.query(text, values) });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** A node-postgres error in a sentence, with the password never repeated. */
export function describePgError(error: unknown, url: string): string {
  const err = error as { code?: string; message?: string };
  const reason = err.code === 'ECONNREFUSED' ? 'connection refused (is PostgreSQL running and listening there?)'
    : err.code === '28P01' ? 'password authentication failed'
    : err.code === '3D000' ? 'the database does not exist'
    : err.message ?? String(error);
  return maskCredentials(reason, passwordOf(url));
}

function passwordOf(url: string): string | undefined {
  try {
    return decodeURIComponent(new URL(url).password) || undefined;
  } catch {
    return undefined;
  }
}

/** True for errors that mean the server went away or is restarting: worth retrying, not a bug. */
export function isConnectionError(error: unknown): boolean {
  const err = error as { code?: string; message?: string };
  if (err?.code && ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08006', '08003', '08001'].includes(err.code)) return true;
  return /Connection terminated|connection timeout|not queryable|Client has encountered a connection error/i.test(err?.message ?? '');
}
