/**
 * The one way tests reach PostgreSQL, in the spirit of dataDir.ts. The server is named by
 * $HPOARENA_TEST_PG_URL (`postgres://user:pass@127.0.0.1:5432/db`, a role allowed to CREATE
 * DATABASE; .ci/run starts one and sets it). Without it, or when it cannot be reached, a test
 * that needs it is skipped with a message saying so; under CI=true it runs and fails instead.
 *
 * - `freshDatabase(t)`: a new, empty database for one test (dropped after it), so test files
 *   running in parallel never share tables.
 * - `throwawayServer(t)`: a private server (initdb in a temp folder, a free loopback port) that a
 *   test may stop and start again (PostgreSQL restarted mid-experiment); removed after the test.
 */
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { maskCredentials } from '../runner/store/postgres/maskCredentials.js';
import { freePort } from './freePort.js';

export const TEST_PG_URL = process.env.HPOARENA_TEST_PG_URL ?? '';

const HOW = 'set HPOARENA_TEST_PG_URL=postgres://USER:PASSWORD@127.0.0.1:5432/DB (a role with CREATEDB; .ci/run shows how to start one)';

interface TestContext {
  after(fn: () => void | Promise<void>): void;
}

let reachable: Promise<string | undefined> | undefined;

/** Why the server cannot be used, or undefined when it can (checked once per process). */
function unreachableReason(): Promise<string | undefined> {
  reachable ??= (async () => {
    if (!TEST_PG_URL) return `needs a PostgreSQL server: ${HOW}`;
    const client = new pg.Client({ connectionString: TEST_PG_URL, connectionTimeoutMillis: 5000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return undefined;
    } catch (error) {
      return `needs a PostgreSQL server, but ${maskCredentials(TEST_PG_URL)} is not usable (${maskCredentials((error as Error).message)}): ${HOW}`;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return reachable;
}

/**
 * node:test's `skip` option for a test that needs PostgreSQL: a message when no server is
 * usable, false when one is, or under CI=true (the test then fails through `freshDatabase`).
 */
export async function skipWithoutPostgres(): Promise<string | false> {
  const reason = await unreachableReason();
  if (!reason || process.env.CI === 'true') return false;
  return reason;
}

let databases = 0;

/**
 * A URL for a new empty database on the test server, dropped when the test ends (WITH FORCE:
 * connections a test left open are ended, since node:test runs this `after` before the test's own).
 */
export async function freshDatabase(t: TestContext): Promise<string> {
  const reason = await unreachableReason();
  if (reason) throw new Error(`PostgreSQL missing: ${reason}${process.env.CI === 'true' ? '; CI=true requires it' : ''}.`);
  const name = `hpoarena_t_${process.pid}_${Date.now().toString(36)}_${databases++}`;
  await admin(TEST_PG_URL, `CREATE DATABASE ${name}`);
  t.after(() => admin(TEST_PG_URL, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  return withDatabase(TEST_PG_URL, name);
}

/** `url` pointing at another database of the same server. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A private PostgreSQL server a test can stop and start; `url` has a password (scram-sha-256). */
export interface ThrowawayServer {
  readonly url: string;
  readonly port: number;
  stop(): void;
  start(): void;
}

/** The folder of initdb/pg_ctl: $PG_BIN, pg_config's, or the newest /usr/lib/postgresql/N/bin. */
export function postgresBinDir(): string | undefined {
  if (process.env.PG_BIN && existsSync(join(process.env.PG_BIN, 'initdb'))) return process.env.PG_BIN;
  const fromConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (fromConfig.status === 0 && existsSync(join(fromConfig.stdout.trim(), 'initdb'))) return fromConfig.stdout.trim();
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : undefined;
}

/** node:test's `skip` option for a test that starts its own server: a message when initdb is missing (never under CI=true). */
export function skipWithoutPostgresBinaries(): string | false {
  if (postgresBinDir() || process.env.CI === 'true') return false;
  return 'needs PostgreSQL server binaries (initdb, pg_ctl): install Debian\'s postgresql or set PG_BIN';
}

/**
 * Starts a private server: initdb in a temp folder, loopback only, on a free port. PostgreSQL
 * refuses to run as root, so as root the server runs as user 'postgres'.
 */
export async function throwawayServer(t: TestContext): Promise<ThrowawayServer> {
  const bin = postgresBinDir();
  if (!bin) throw new Error(`PostgreSQL server binaries missing: install Debian's postgresql or set PG_BIN${process.env.CI === 'true' ? '; CI=true requires them' : ''}.`);
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? userUid('postgres') : undefined;
  const dir = mkdtempSync(join(tmpdir(), 'hpoarena-pg-'));
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  const password = 'throwaway-secret';
  const pwfile = join(dir, 'pwfile');
  writeFileSync(pwfile, `${password}\n`);
  if (owner) chownSync(pwfile, owner.uid, owner.gid);
  const user = 'hpoarena';
  const exec = (tool: string, args: string[]) => {
    const command = asRoot ? ['runuser', '-u', 'postgres', '--', join(bin, tool), ...args] : [join(bin, tool), ...args];
    const result = spawnSync(command[0], command.slice(1), { encoding: 'utf8', timeout: 120_000 });
    if (result.status !== 0) throw new Error(`${tool} failed (${result.status}): ${result.stderr || result.stdout}`);
  };
  exec('initdb', ['-D', data, '-U', user, '--pwfile', pwfile, '-A', 'scram-sha-256', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off`;
  const server: ThrowawayServer = {
    url: `postgres://${user}:${password}@127.0.0.1:${port}/postgres`,
    port,
    start: () => exec('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-o', options, '-w', '-t', '60', 'start']),
    stop: () => exec('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']),
  };
  server.start();
  t.after(() => {
    try {
      server.stop();
    } catch {
      // already stopped by the test
    }
    rmSync(dir, { recursive: true, force: true });
  });
  return server;
}

function userUid(name: string): { uid: number; gid: number } {
  const result = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const group = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`PostgreSQL refuses to run as root and there is no user '${name}' (current user: ${userInfo().username}).`);
  return { uid: Number(result.stdout.trim()), gid: Number(group.stdout.trim()) };
}


/** Runs one statement on a fresh connection and returns its rows. */
export async function queryRows(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}
