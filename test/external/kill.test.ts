import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { findPythonSync } from '../../optimizers/external/index.js';
import { REPO_ROOT } from '../helpers.js';
import { goneWithin, isAlive } from './processes.js';
import { need, skipUnless } from './requirements.js';

const HARNESS = join(REPO_ROOT, 'dist/test/external/fakes/harnessProcess.js');

/** Starts a harness process running `optimizer`, waits for its program's pid, kills the harness with SIGKILL (or lets it exit). */
async function killHarness(optimizer: string, options: object = {}, exitByItself = false): Promise<number> {
  const harness = spawn(process.execPath, [HARNESS, optimizer, JSON.stringify(options), ...(exitByItself ? ['exit'] : [])], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((r) => harness.once('exit', r));
  let stderr = '';
  harness.stderr.on('data', (d) => (stderr += d));
  const childPid = await new Promise<number>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`harness printed no CHILD line in 30 s; stderr: ${stderr}`)), 30_000);
    harness.stdout.on('data', (d) => {
      out += d;
      const match = /CHILD (\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    harness.once('exit', (code) => reject(new Error(`harness exited with ${code} before starting its program; stderr: ${stderr}`)));
  });
  assert.ok(isAlive(childPid));
  await new Promise((r) => setTimeout(r, 200)); // the harness is now waiting on the third ask
  if (!exitByItself) harness.kill('SIGKILL');
  await exited;
  return childPid;
}

test('kill -9 of a harness running the reference client leaves no program behind', async () => {
  const pid = await killHarness('external');
  assert.ok(await goneWithin(pid, 3000), `reference client ${pid} outlived its killed harness`);
});

test('a harness that exits normally kills its programs, even one that ignores EOF and SIGTERM', async () => {
  const pid = await killHarness('external', { command: process.execPath, args: [join(REPO_ROOT, 'dist/test/external/fakes/fakeProgram.js'), 'stubborn'] }, true);
  assert.ok(await goneWithin(pid, 1000), `stubborn program ${pid} outlived its harness`);
});

const python = findPythonSync([]);
test('kill -9 of a harness whose Python program is busy: the helper\'s parent watchdog ends it', { skip: skipUnless(python, 'python3') }, async () => {
  const pid = await killHarness('external', {
    command: need(python, 'python3'),
    args: [join(REPO_ROOT, 'test/external/fixtures/sleepy_optimizer.py')],
    env: { PYTHONPATH: join(REPO_ROOT, 'optimizers/external'), PYTHONDONTWRITEBYTECODE: '1' },
  });
  assert.ok(await goneWithin(pid, 4000), `busy Python program ${pid} outlived its killed harness`);
});

const optuna = findPythonSync(['optuna']);
test('kill -9 of a harness running external:optuna-tpe leaves no Python behind', { skip: skipUnless(optuna, 'python3 with optuna') }, async () => {
  need(optuna, 'python3 with optuna');
  const pid = await killHarness('external:optuna-tpe');
  assert.ok(await goneWithin(pid, 3000), `optuna adapter ${pid} outlived its killed harness`);
});
