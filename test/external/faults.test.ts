import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { resolveOptions, SearchSpace, type Options, type TaskView } from '../../core/index.js';
import { ExternalOptimizerError, externalFactory, type ExternalOptimizer } from '../../optimizers/external/index.js';
import { openSqliteStore, runExperiment } from '../../runner/index.js';
import { REPO_ROOT, tempDir } from '../helpers.js';
import { goneWithin, isAlive, liveChildren } from './processes.js';

const FAKE = join(REPO_ROOT, 'dist/test/external/fakes/fakeProgram.js');

const view: TaskView = {
  space: new SearchSpace({ hyperparameters: [{ name: 'x', type: 'float', lower: 0, upper: 1, log: false, default: 0.5 }] }),
  objectives: [{ name: 'f', direction: 'minimize' }],
  budget: { nTrials: 10 },
  type: 'blackbox',
};

/** `protocol` 'v1': the fake is a program written for hpoarena-ask-tell/1 only; 'v2': it picks /2. */
function fake(mode: string, pidFile: string, extra: Options = {}, protocol: 'v1' | 'v2' = 'v2'): ExternalOptimizer {
  const options = resolveOptions(externalFactory, { command: process.execPath, args: [FAKE, mode], env: { FAKE_PID_FILE: pidFile, FAKE_PROTOCOL: protocol }, ...extra });
  return externalFactory.create(view, 1, options) as ExternalOptimizer;
}

/** Runs asks and tells until the optimizer throws; returns the error. */
async function runUntilFailure(optimizer: ExternalOptimizer, asks = 5): Promise<Error> {
  try {
    for (let i = 0; i < asks; i++) {
      const info = await optimizer.ask();
      await optimizer.tell(info, { cost: 1, status: 'ok', wallTime: 0, virtualTime: 0 });
    }
  } catch (error) {
    return error as Error;
  } finally {
    await optimizer.close();
  }
  assert.fail('the external optimizer did not fail');
}

const FAULTS: Array<{ mode: string; options?: Options; message: RegExp; stderr?: RegExp; only?: 'v1' | 'v2' }> = [
  // Before 'ready' no version is chosen: one run covers both. 2 s lets a loaded machine start node and write the first stderr line.
  { mode: 'never-ready', only: 'v2', options: { startup_timeout: 2 }, message: /did not start: no 'ready' answer to 'init' within 2 s/ },
  { mode: 'slow-ask', options: { message_timeout: 0.3 }, message: /did not answer 'ask' within 0\.3 s/ },
  { mode: 'crash', message: /, during 'ask', exited unexpectedly with code 3/, stderr: /RuntimeError: fake crash on the third ask/ },
  { mode: 'garbage', message: /printed a line that is not a protocol message.*Iteration 2: best so far/ },
  { mode: 'out-of-range', message: /proposed an invalid configuration .*'x' = 1000000000 is outside its range/ },
  { mode: 'error', message: /reported an error: the model failed to fit/ },
  { mode: 'wrong-protocol', message: /speaks protocol 'something-else\/9'/ },
  { mode: 'wrong-id', message: /sent an answer with id 11, but 'ask' 4 is waiting/ },
  { mode: 'tell-error', only: 'v1', message: /during 'tell', reported an error: cannot learn from this trial/ },
  // Version 2: the error for the unanswered tell 5 arrives while ask 6 waits; it names the tell.
  { mode: 'tell-error', only: 'v2', message: /reported an error for 'tell' 5: cannot learn from this trial/ },
  { mode: 'ack-anyway', only: 'v2', message: /answered 'tell' 3 with 'ack', but under 'hpoarena-ask-tell\/2' \(the version it chose\) 'tell' is not answered/ },
];

for (const fault of FAULTS) {
  for (const protocol of ['v1', 'v2'] as const) {
    if (fault.only && fault.only !== protocol) continue;
  test(`fault '${fault.mode}' (${protocol} program): an ExternalOptimizerError with the stderr tail, and the program is reaped`, async (t) => {
    const pidFile = join(tempDir(t), 'pid');
    const error = await runUntilFailure(fake(fault.mode, pidFile, fault.options, protocol));
    assert.ok(error instanceof ExternalOptimizerError, `${error}`);
    assert.match(error.message, fault.message);
    assert.match(error.message, /Last lines of its stderr:\n {2}\| fake program starting in mode/);
    if (fault.stderr) assert.match(error.message, fault.stderr);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    assert.ok(!isAlive(pid), `program ${pid} is still alive after the failure`);
  });
  }
}

test('a command that does not exist fails with a clear message', async () => {
  const optimizer = externalFactory.create(view, 1, resolveOptions(externalFactory, { command: 'no-such-optimizer-program-hpoarena' }));
  const error = await runUntilFailure(optimizer as ExternalOptimizer);
  assert.ok(error instanceof ExternalOptimizerError);
  assert.match(error.message, /'no-such-optimizer-program-hpoarena', during 'init', could not be started: spawn no-such-optimizer-program-hpoarena ENOENT/);
});

test('a working directory that does not exist is named in the error', async () => {
  const optimizer = externalFactory.create(view, 1, resolveOptions(externalFactory, { command: process.execPath, cwd: '/no/such/dir-hpoarena' }));
  await assert.rejects(optimizer.ask() as Promise<unknown>, /Option 'cwd' of optimizer 'external': directory '\/no\/such\/dir-hpoarena' does not exist/);
  await optimizer.close?.();
});

test('every call after a failure rethrows the same error', async (t) => {
  const optimizer = fake('error', join(tempDir(t), 'pid'));
  const error = await runUntilFailure(optimizer);
  await assert.rejects(optimizer.ask(), (e) => e === error);
});

test('close() ends a program that ignores close, EOF and SIGTERM (SIGKILL after the grace period)', async (t) => {
  const pidFile = join(tempDir(t), 'pid');
  const optimizer = fake('stubborn', pidFile);
  const info = await optimizer.ask();
  await optimizer.tell(info, { cost: 0, status: 'ok', wallTime: 0, virtualTime: 0 });
  const pid = Number(readFileSync(pidFile, 'utf8'));
  const start = Date.now();
  await optimizer.close();
  assert.ok(!isAlive(pid), 'stubborn program survived close()');
  assert.ok(Date.now() - start < 6000);
});

test('a failing external program fails its run with the stderr tail stored; the other runs finish', async (t) => {
  const dir = tempDir(t);
  const store = openSqliteStore(join(dir, 'faults.db'));
  t.after(() => store.close());
  const crashing = { command: process.execPath, args: [FAKE, 'crash'], env: { FAKE_PID_FILE: join(dir, 'pid') } };
  await runExperiment(
    store,
    {
      experiment: 'external-faults',
      optimizers: [
        { name: 'external', label: 'crashing', options: crashing },
        { name: 'external', label: 'reference', options: {} },
      ],
      tasks: ['Pymoo/SO/unconstraint/sphere'],
      seeds: [1],
      nTrials: 10,
    },
    { workers: 0 },
  );
  const runs = store.listRuns('external-faults');
  const failed = runs.find((r) => r.optimizerLabel === 'crashing')!;
  assert.equal(failed.status, 'failed');
  assert.match(failed.error ?? '', /ExternalOptimizerError: External optimizer '.*fakeProgram\.js crash' \(pid \d+\), during 'ask', exited unexpectedly with code 3/);
  assert.match(failed.error ?? '', /RuntimeError: fake crash on the third ask/);
  assert.equal(store.trials(failed.id).length, 2, 'the two trials before the crash are kept');
  assert.equal(runs.find((r) => r.optimizerLabel === 'reference')!.status, 'done');
  assert.ok(await goneWithin(Number(readFileSync(join(dir, 'pid'), 'utf8')), 1000));
  assert.deepEqual(liveChildren(), []);
});
