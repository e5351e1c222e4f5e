import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers.js';

const npm = spawnSync('npm', ['--version'], { encoding: 'utf8' });
const npmMissing = npm.status === 0 ? false : 'npm is not on PATH';

test('npm commands in the project print no warnings (no unknown keys in .npmrc)', { skip: process.env.CI === 'true' ? false : npmMissing }, () => {
  const result = spawnSync('npm', ['pkg', 'get', 'name'], { cwd: REPO_ROOT, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout.trim(), '"hpoarena"');
  assert.doesNotMatch(result.stderr, /npm warn/i);
});

test("onnxruntime-node's install script (a CUDA download on Linux x64) is denied in allowScripts, better-sqlite3's allowed", () => {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { allowScripts?: Record<string, boolean> };
  assert.equal(pkg.allowScripts?.['onnxruntime-node'], false);
  assert.equal(pkg.allowScripts?.['better-sqlite3'], true);
});
