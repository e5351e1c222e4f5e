import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import pg from 'pg';
import { cli } from '../helpers.js';
import { freshDatabase, skipWithoutPostgres } from '../postgres.js';

const skip = await skipWithoutPostgres();

const RUN = ['run', '--optimizers', 'random', '--tasks', 'Pymoo/SO/unconstraint/sphere', '--seeds', '1,2', '--n-trials', '5', '--workers', '0', '--experiment', 'e'];

/** One line naming the problem, exit code 2, no stack, and never the password. */
function expectUserError(result: ReturnType<typeof cli>, pattern: RegExp, secret: string): void {
  assert.equal(result.status, 2, `exit code; stderr: ${result.stderr}`);
  assert.match(result.stderr, pattern);
  assert.equal(result.stderr.trim().split('\n').length, 1, `one line: ${result.stderr}`);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
  assert.ok(!result.stderr.includes(secret) && !result.stdout.includes(secret), 'password masked');
}

function withPassword(url: string, password: string): string {
  const parsed = new URL(url);
  parsed.password = password;
  return parsed.toString();
}

async function sql(url: string, text: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

test('PostgreSQL: unreachable server, wrong password, newer schema: one clear masked message, exit 2, nothing lost', { skip }, async (t) => {
  const url = await freshDatabase(t);
  const password = decodeURIComponent(new URL(url).password);
  const run = cli([...RUN, '--store', url]);
  assert.equal(run.status, 0, run.stderr);
  assert.ok(!run.stdout.includes(password) && run.stdout.includes(':***@'), `the store is named masked: ${run.stdout}`);
  const exported = cli(['export', 'e', '--store', url]);
  assert.equal(exported.status, 0, exported.stderr);

  const unreachable = `postgres://someone:unreachable-secret@127.0.0.1:${await closedPort()}/db`;
  for (const command of [RUN, ['status', 'e'], ['export', 'e'], ['report', 'e']]) {
    expectUserError(cli([...command, '--store', unreachable]), /Cannot reach the PostgreSQL server of store 'postgres:\/\/someone:\*\*\*@127\.0\.0\.1:\d+\/db': connection refused/, 'unreachable-secret');
  }
  expectUserError(cli(['status', 'e', '--store', withPassword(url, 'wrong-secret-123')]), /PostgreSQL refused the login to store '.*:\*\*\*@.*': password authentication failed/, 'wrong-secret-123');
  expectUserError(cli(['store', 'copy', 'e', '--from', url, '--to', withPassword(url, 'wrong-secret-123')]), /password authentication failed/, 'wrong-secret-123');

  await sql(url, 'UPDATE schema_version SET version = 99');
  for (const command of [RUN, ['status', 'e'], ['export', 'e']]) {
    expectUserError(cli([...command, '--store', url]), /was written by a newer hpoarena \(schema 99; this version reads up to 2\)\. Upgrade hpoarena; the store was not modified\./, password);
  }
  assert.equal((await sql(url, 'SELECT version FROM schema_version')).rows[0].version, 99, 'the schema was not touched');
  await sql(url, 'UPDATE schema_version SET version = 2');
  assert.equal(cli(['export', 'e', '--store', url]).stdout, exported.stdout, 'every stored trial is still there');
});

test('status on PostgreSQL: runs by status and the workers holding running runs', { skip }, async (t) => {
  const url = await freshDatabase(t);
  assert.equal(cli([...RUN, '--store', url]).status, 0);
  await sql(url, "UPDATE runs SET status = 'running', worker = 'node7:4242', heartbeat_at = now(), lease_until = now() + interval '1 minute' WHERE seed = 1");
  const status = cli(['status', 'e', '--store', url]);
  assert.equal(status.status, 0, status.stderr);
  assert.match(status.stdout, /random\s+0\s+1\s+0\s+1\s+0/);
  assert.match(status.stdout, /node7:4242\s+1\s+\d+ s ago\s+alive/);
  const json = JSON.parse(cli(['status', 'e', '--store', url, '--json']).stdout);
  assert.deepEqual(json.workers.map((w: { worker: string; runs: number; expired: boolean }) => [w.worker, w.runs, w.expired]), [['node7:4242', 1, false]]);
});
