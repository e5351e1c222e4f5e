import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, FAULTY_PLUGIN, REPO_ROOT, cli, tempDir } from '../helpers.js';
import { goneWithin, isAlive } from '../external/processes.js';

/**
 * Ctrl-C / SIGTERM of `hpoarena run` as a real process tree: the CLI, its worker threads and
 * external optimizer programs (fakeProgram 'slow-ask' never answers its second ask: a hung
 * client). Wanted: one summary line, runs stored 'interrupted' and resumable, no program left
 * running, the terminal restored.
 */
const FAKE = join(REPO_ROOT, 'dist/test/external/fakes/fakeProgram.js');

function writeSpec(dir: string): { spec: string; pids: string; store: string } {
  const pids = join(dir, 'pids');
  const store = join(dir, 's.db');
  const spec = join(dir, 'spec.yaml');
  writeFileSync(spec, [
    'experiment: sig',
    'optimizers:',
    '  - random',
    '  - name: external',
    '    label: hung',
    '    options:',
    `      command: ${JSON.stringify(process.execPath)}`,
    `      args: [${JSON.stringify(FAKE)}, slow-ask]`,
    `      env: {FAKE_PID_FILE: ${JSON.stringify(pids)}}`,
    'tasks: [Pymoo/SO/unconstraint/sphere, Pymoo/SO/unconstraint/ackley]',
    'n_trials: 5',
    `store: ${JSON.stringify(store)}`,
    '',
  ].join('\n'));
  return { spec, pids, store };
}

function programPids(file: string): number[] {
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map(Number) : [];
}

async function waitFor(what: string, condition: () => boolean, ms = 90_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface Finished { code: number | null; output: string; secondsAfterSignal: number }

/** Starts the process, waits until `programs` hung programs run (and have sent their second ask), sends `signal` to `target()`. */
async function interruptWhenHung(child: ChildProcess, target: () => number, pids: string, programs: number, signal: NodeJS.Signals): Promise<Finished> {
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const closed = new Promise<number | null>((resolve) => child.once('close', resolve));
  let exited = false;
  void closed.then(() => (exited = true));
  await waitFor(`${programs} optimizer programs`, () => exited || programPids(pids).length >= programs);
  assert.ok(!exited, `the run ended before its programs hung: ${output}`);
  await new Promise((r) => setTimeout(r, 700)); // each program got its first trial's tell and now hangs on the second ask
  const signalledAt = Date.now();
  process.kill(target(), signal);
  const code = await closed;
  return { code, output, secondsAfterSignal: (Date.now() - signalledAt) / 1000 };
}

function status(store: string) {
  const result = cli(['status', 'sig', '--store', store, '--json']);
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as { trials: number; optimizers: Record<string, Record<string, number>> };
}

test('SIGINT during run (worker threads): one summary line, runs interrupted and resumable, no program left', async (t) => {
  const { spec, pids, store } = writeSpec(tempDir(t));
  const start = () => spawn(process.execPath, [CLI, 'run', spec, '--workers', '2'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const first = start();
  const stopped = await interruptWhenHung(first, () => first.pid!, pids, 2, 'SIGINT');
  assert.equal(stopped.code, 130, stopped.output);
  assert.ok(stopped.secondsAfterSignal < 10, `stopping took ${stopped.secondsAfterSignal} s`);
  const lines = stopped.output.trim().split('\n');
  assert.equal(lines.length, 1, `one line: ${stopped.output}`);
  assert.match(lines[0], /^SIGINT: stopped experiment 'sig': 2 runs finished, 2 interrupted, 0 not started; .*Resume with: hpoarena run \S+spec\.yaml --workers 2$/);
  for (const pid of programPids(pids)) assert.ok(await goneWithin(pid, 3000), `optimizer program ${pid} outlived the interrupted run`);
  const after = status(store);
  assert.deepEqual(after.optimizers.hung, { pending: 0, running: 0, interrupted: 2, done: 0, failed: 0 });
  assert.equal(after.optimizers.random.done, 2);
  assert.equal(after.trials, 2 * 5 + 2 * 1, 'every trial before the hang is stored');

  // Running it again resumes the interrupted runs (their programs start again; the stored trial replays, not re-evaluated).
  const again = start();
  const stoppedAgain = await interruptWhenHung(again, () => again.pid!, pids, 4, 'SIGTERM');
  assert.equal(stoppedAgain.code, 143, stoppedAgain.output);
  assert.match(stoppedAgain.output, /^SIGTERM: stopped experiment 'sig': 0 runs finished, 2 interrupted, 0 not started/);
  for (const pid of programPids(pids)) assert.ok(await goneWithin(pid, 3000), `optimizer program ${pid} outlived the interrupted run`);
  assert.equal(status(store).trials, 12);
});

const hasScript = existsSync('/usr/bin/script');
test('SIGTERM during run on a terminal (in-process): the progress bar\'s cursor and line-wrap codes are undone', { skip: hasScript ? false : 'needs util-linux `script` for a pseudo-terminal' }, async (t) => {
  const { spec, pids } = writeSpec(tempDir(t));
  const command = `exec ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} run ${JSON.stringify(spec)} --workers 0`;
  const terminal = spawn('script', ['-qfec', command, '/dev/null'], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  const cliPid = () => {
    const out = readFileSync(`/proc/${terminal.pid}/task/${terminal.pid}/children`, 'utf8').trim();
    return Number(out.split(/\s+/)[0]);
  };
  const stopped = await interruptWhenHung(terminal, cliPid, pids, 1, 'SIGTERM');
  assert.equal(stopped.code, 143, stopped.output);
  const out = stopped.output;
  const hidden = out.lastIndexOf('\x1b[?25l');
  assert.ok(hidden >= 0, `the progress bar was shown: ${JSON.stringify(out)}`);
  assert.ok(out.lastIndexOf('\x1b[?25h') > hidden, 'the cursor is shown again');
  const wrapOff = out.lastIndexOf('\x1b[?7l');
  if (wrapOff >= 0) assert.ok(out.lastIndexOf('\x1b[?7h') > wrapOff, 'line wrap is on again');
  assert.match(out, /SIGTERM: stopped experiment 'sig': 2 runs finished, 1 interrupted, 1 not started/);
  for (const pid of programPids(pids)) assert.ok(!isAlive(pid) || (await goneWithin(pid, 3000)), `optimizer program ${pid} outlived the run`);
});

test('a second SIGINT exits at once, even while a worker is busy in a long evaluation', async (t) => {
  const marker = join(tempDir(t), 'busy');
  const store = join(tempDir(t), 's.db');
  const child = spawn(process.execPath, [CLI, 'run', '--optimizers', 'random', '--tasks', 'test/busy-task', '--workers', '1', '--store', store, '--plugin', FAULTY_PLUGIN], {
    cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, BUSY_MARKER: marker },
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const closed = new Promise<number | null>((resolve) => child.once('close', resolve));
  await waitFor('the busy evaluation', () => existsSync(marker));
  child.kill('SIGINT');
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(child.exitCode, null, 'the first signal waits for the worker to stop its run');
  const second = Date.now();
  child.kill('SIGINT');
  const code = await closed;
  assert.equal(code, 130, output);
  assert.ok(Date.now() - second < 5000, `the second signal took ${Date.now() - second} ms`);
  assert.match(output, /second SIGINT: exiting now/);
});
