import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isPostgresUrl, maskCredentials } from '../../runner/store/postgres/maskCredentials.js';

test('maskCredentials hides passwords in URLs, keyword strings and quoted driver messages', () => {
  assert.equal(maskCredentials('postgres://alice:s3cr%40t@db.example:5432/bench'), 'postgres://alice:***@db.example:5432/bench');
  assert.equal(maskCredentials('cannot reach postgresql://bob:pw@10.0.0.1/x, retrying'), 'cannot reach postgresql://bob:***@10.0.0.1/x, retrying');
  assert.equal(maskCredentials('host=db user=carol password=hunter2 dbname=x'), 'host=db user=carol password=*** dbname=x');
  assert.equal(maskCredentials("password = 'two words'"), 'password = ***');
  assert.equal(maskCredentials('auth failed for secret-value', 'secret-value'), 'auth failed for ***');
  assert.equal(maskCredentials('postgres://dave@host/db'), 'postgres://dave@host/db', 'no password, nothing to mask');
  assert.equal(maskCredentials('results/hpoarena.db'), 'results/hpoarena.db');
});

test('isPostgresUrl tells PostgreSQL URLs from SQLite paths', () => {
  assert.ok(isPostgresUrl('postgres://h/db'));
  assert.ok(isPostgresUrl('postgresql://u:p@h:5432/db'));
  assert.ok(!isPostgresUrl('results/postgres.db'));
  assert.ok(!isPostgresUrl('./postgres://odd'));
});
