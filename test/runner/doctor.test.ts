/** `hpoarena doctor`'s checks: what makes the default run impossible, and what only limits it. */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkChromium, checkNode, checkPostgres, checkStore, checkYahpo } from '../../runner/doctor/checks.js';
import { cli, tempDir } from '../helpers.js';

test('Node older than 20 fails a required check; 20 and newer pass', () => {
  assert.deepEqual([checkNode('18.19.0').ok, checkNode('18.19.0').required], [false, true]);
  assert.match(checkNode('18.19.0').detail, /needs Node 20/);
  assert.equal(checkNode('20.20.2').ok, true);
  assert.equal(checkNode('22.1.0').ok, true);
});

test('the store check: a writable folder passes, a read-only one fails and names --store', (t) => {
  const dir = tempDir(t);
  assert.equal(checkStore(join(dir, 'new', 'x.db')).ok, true);
  const locked = join(dir, 'locked');
  mkdirSync(locked);
  chmodSync(locked, 0o500);
  const result = checkStore(join(locked, 'x.db'));
  // root may write anywhere; the message matters only where the folder is really read-only
  if (!result.ok) assert.match(result.detail, /not writable.*--store/);
  assert.equal(result.required, true);
});

test('YAHPO data and Chromium are optional checks that say how to get them', (t) => {
  const yahpo = checkYahpo(tempDir(t));
  assert.deepEqual([yahpo.ok, yahpo.required], [false, false]);
  assert.match(yahpo.detail, /^0\/\d+ scenarios .*hpoarena data fetch yahpo/);
  const chromium = checkChromium('/nonexistent/chromium');
  assert.equal(chromium.required, false);
});

test('a PostgreSQL URL: malformed, wrong scheme, unreachable, reachable', async (t) => {
  assert.match((await checkPostgres('not a url')).detail, /is not a URL/);
  assert.match((await checkPostgres('mysql://h/db')).detail, /not postgres/);
  const server = createServer((socket) => socket.end());
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  t.after(() => server.close());
  const port = (server.address() as { port: number }).port;
  assert.equal((await checkPostgres(`postgresql://u:p@127.0.0.1:${port}/db`)).ok, true);
  server.close();
  await new Promise((done) => setTimeout(done, 50));
  const closed = await checkPostgres(`postgres://127.0.0.1:${port}/db`);
  assert.deepEqual([closed.ok, closed.required], [false, false]);
});

test('--backend: an unknown name or a backend that is not installed stops with one line, exit 2', () => {
  const unknown = cli(['tasks', '--collection', 'tfjs', '--backend', 'gpu']);
  assert.equal(unknown.status, 2);
  assert.equal(unknown.stderr.trim(), "hpoarena: Unknown tfjs backend 'gpu'. Did you mean 'node-gpu'? Valid: auto, node-gpu, node, wasm, cpu");
  const wasm = cli(['tasks', '--collection', 'tfjs', '--backend', 'wasm']);
  assert.equal(wasm.status, 0);
});

test('hpoarena doctor --json: one entry per check, exit 0 when the default run works', () => {
  const result = cli(['doctor', '--json', '--postgres', 'postgresql://127.0.0.1:1/db']);
  assert.equal(result.status, 0, result.stderr);
  const checks = JSON.parse(result.stdout) as Array<{ name: string; ok: boolean; required: boolean }>;
  assert.deepEqual(checks.map((c) => c.name), ['node', 'sqlite store', 'tfjs node-gpu', 'tfjs node', 'tfjs wasm', 'tfjs cpu', 'tfjs default', 'gpu', 'yahpo data', 'python + optuna', 'chromium', 'postgresql']);
  assert.ok(checks.filter((c) => c.required).every((c) => c.ok));
  assert.equal(checks.find((c) => c.name === 'tfjs cpu')?.ok, true);
  assert.equal(checks.find((c) => c.name === 'postgresql')?.ok, false);
});
