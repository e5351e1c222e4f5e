import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SCHEMA_VERSION } from '../../runner/index.js';
import { cli, CLI, REPO_ROOT, tempDir } from '../helpers.js';

const RUN = ['run', '--optimizers', 'random', '--tasks', 'Pymoo/SO/unconstraint/sphere', '--n-trials', '3', '--workers', '0'];

/** Permissions do not bind root: as root, the CLI runs as user 'nobody' so that read-only files are read-only. */
const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

function cliAs(args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: REPO_ROOT, timeout: 120_000, ...asUser });
}

function expectUserError(result: ReturnType<typeof cliAs>, pattern: RegExp): void {
  assert.equal(result.status, 2, `exit code; stderr: ${result.stderr}`);
  assert.match(result.stderr, pattern);
  assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace for a user error');
}

/** A finished experiment 'e' in dir/name, its WAL checkpointed away (as a clean close leaves it). */
function storeIn(dir: string, name = 's.db'): string {
  const store = join(dir, name);
  const run = cli([...RUN, '--experiment', 'e', '--store', store]);
  assert.equal(run.status, 0, run.stderr);
  return store;
}

test('many processes opening one new store at once all succeed and create the schema once', async (t) => {
  const store = join(tempDir(t), 'new.db');
  const storeModule = new URL('../../runner/store/index.js', import.meta.url).href;
  const at = Date.now() + 1500; // every process opens at the same moment, after its start-up
  const script = `import { openSqliteStore } from '${storeModule}';
    while (Date.now() < ${at}) {}
    const store = openSqliteStore(process.argv[1]);
    store.ensureExperiment('e' + process.pid, {});
    store.close();`;
  const processes = Array.from({ length: 8 }, () => new Promise<{ code: number | null; stderr: string }>((done) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, store], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => done({ code, stderr }));
  }));
  for (const { code, stderr } of await Promise.all(processes)) assert.equal(code, 0, stderr);
  const db = new Database(store, { readonly: true });
  t.after(() => db.close());
  assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
  assert.equal((db.prepare('SELECT count(*) AS n FROM experiments').get() as { n: number }).n, 8);
});

test('a directory given as the store: every command says it is a directory', (t) => {
  const dir = tempDir(t);
  expectUserError(cliAs([...RUN, '--store', dir]), /Store '.*' is a directory; --store takes a file path/);
  expectUserError(cliAs(['status', 'e', '--store', dir]), /is a directory/);
  expectUserError(cliAs(['export', 'e', '--store', dir]), /is a directory/);
});

test('a read-only store file: run refuses with one message, reading commands read it', (t) => {
  const dir = tempDir(t);
  chmodSync(dir, 0o777);
  const store = storeIn(dir);
  chmodSync(store, 0o444);
  expectUserError(cliAs([...RUN, '--experiment', 'more', '--store', store]), /Store '.*s\.db' is read-only .*`run` needs to write it/);
  const status = cliAs(['status', 'e', '--store', store, '--json']);
  assert.equal(status.status, 0, status.stderr);
  assert.equal(JSON.parse(status.stdout).trials, 3);
});

test('a store in a read-only directory: status, export and report read it', (t) => {
  const root = tempDir(t);
  const dir = join(root, 'shared');
  const out = join(root, 'report');
  mkdirSync(dir);
  mkdirSync(out);
  chmodSync(root, 0o755);
  chmodSync(out, 0o777);
  const store = storeIn(dir);
  chmodSync(dir, 0o555);
  try {
    readFromReadOnlyDirectory(store, out);
  } finally {
    chmodSync(dir, 0o755);
  }
});

function readFromReadOnlyDirectory(store: string, out: string): void {
  const status = cliAs(['status', 'e', '--store', store, '--json']);
  assert.equal(status.status, 0, status.stderr);
  assert.equal(JSON.parse(status.stdout).trials, 3);
  const csv = cliAs(['export', 'e', '--store', store, '--format', 'csv']);
  assert.equal(csv.status, 0, csv.stderr);
  assert.equal(csv.stdout.trim().split('\n').length, 1 + 3);
  const report = cliAs(['report', 'e', '--store', store, '--out', out, '--no-png']);
  assert.equal(report.status, 0, report.stderr);
  expectUserError(cliAs([...RUN, '--experiment', 'more', '--store', store]), /is read-only/);
}
