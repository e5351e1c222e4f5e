import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshDatabase, queryRows, skipWithoutPostgres, skipWithoutPostgresBinaries, throwawayServer } from '../postgres.js';


test('freshDatabase gives each test its own empty database', { skip: await skipWithoutPostgres() }, async (t) => {
  const a = await freshDatabase(t);
  const b = await freshDatabase(t);
  assert.notEqual(a, b);
  await queryRows(a, 'CREATE TABLE only_in_a (x int)');
  const tables = (url: string) => queryRows(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
  assert.deepEqual(await tables(a), [{ table_name: 'only_in_a' }]);
  assert.deepEqual(await tables(b), []);
});

test('a throwaway server can be stopped and started again, keeping its data', { skip: skipWithoutPostgresBinaries() }, async (t) => {
  const server = await throwawayServer(t);
  await queryRows(server.url, 'CREATE TABLE kept (x int); INSERT INTO kept VALUES (7)');
  server.stop();
  await assert.rejects(queryRows(server.url, 'SELECT 1'), /ECONNREFUSED/);
  server.start();
  assert.deepEqual(await queryRows(server.url, 'SELECT x FROM kept'), [{ x: 7 }]);
});
