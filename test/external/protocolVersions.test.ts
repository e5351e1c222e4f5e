import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { resolveOptions, SearchSpace, type Options, type TaskView } from '../../core/index.js';
import { clipEdgeValues, nearBound, snapToBounds } from '../../optimizers/external/edgeValues.js';
import { externalFactory, findPythonSync, type ExternalOptimizer } from '../../optimizers/external/index.js';
import { openSqliteStore, runExperiment } from '../../runner/index.js';
import { REPO_ROOT, tempDir } from '../helpers.js';
import { liveChildren } from './processes.js';
import { need, skipUnless } from './requirements.js';

const FAKE = join(REPO_ROOT, 'dist/test/external/fakes/fakeProgram.js');
const python = findPythonSync([]);

const view: TaskView = {
  space: new SearchSpace({ hyperparameters: [{ name: 'x', type: 'float', lower: 0, upper: 1, log: false, default: 0.5 }] }),
  objectives: [{ name: 'f', direction: 'minimize' }],
  budget: { nTrials: 10 },
  type: 'blackbox',
};

function external(options: Options): ExternalOptimizer {
  return externalFactory.create(view, 1, resolveOptions(externalFactory, options)) as ExternalOptimizer;
}

/** Asks and tells `n` trials; returns the configs. */
async function trials(optimizer: ExternalOptimizer, n: number): Promise<Array<Record<string, unknown>>> {
  const configs = [];
  for (let i = 0; i < n; i++) {
    const info = await optimizer.ask();
    configs.push(info.config);
    await optimizer.tell(info, { cost: i, status: 'ok', wallTime: 0, virtualTime: 0 });
  }
  return configs;
}

test('a program written for hpoarena-ask-tell/1 still runs: it gets /1, and every tell waits for its ack', async () => {
  const old = external({ command: process.execPath, args: [FAKE, 'ok'], env: { FAKE_PROTOCOL: 'v1' } });
  assert.equal(await old.protocol(), 'hpoarena-ask-tell/1');
  const oldConfigs = await trials(old, 8);
  await old.close();
  const current = external({ command: process.execPath, args: [FAKE, 'ok'], env: { FAKE_PROTOCOL: 'v2' } });
  assert.equal(await current.protocol(), 'hpoarena-ask-tell/2');
  assert.deepEqual(await trials(current, 8), oldConfigs, 'the version changes the messages, not the trials');
  await current.close();
  assert.deepEqual(liveChildren(), []);
});

test('one round trip a trial under /2: each tell reaches the program with the next ask, in one read; /1 needs two', async (t) => {
  const reads = async (protocol: 'v1' | 'v2') => {
    const file = join(tempDir(t), `reads-${protocol}`);
    const optimizer = external({ command: process.execPath, args: [FAKE, 'ok'], env: { FAKE_PROTOCOL: protocol, FAKE_READS_FILE: file } });
    await trials(optimizer, 6);
    await optimizer.close();
    return Number(readFileSync(file, 'utf8'));
  };
  // v2: init, the first ask, five 'tell + ask', the last 'tell + close'. v1: init, 6 asks, 6 tells, close.
  assert.equal(await reads('v2'), 1 + 1 + 5 + 1);
  assert.equal(await reads('v1'), 1 + 6 + 6 + 1);
});

test('the reference client chooses hpoarena-ask-tell/2', async () => {
  const optimizer = external({});
  assert.equal(await optimizer.protocol(), 'hpoarena-ask-tell/2');
  await trials(optimizer, 3);
  await optimizer.close();
});

test('both versions run a whole experiment to the same stored trials', async (t) => {
  const store = openSqliteStore(join(tempDir(t), 'versions.db'));
  t.after(() => store.close());
  const program = (protocol: string) => ({ command: process.execPath, args: [FAKE, 'ok'], env: { FAKE_PROTOCOL: protocol } });
  await runExperiment(
    store,
    {
      experiment: 'versions',
      optimizers: [
        { name: 'external', label: 'v1', options: program('v1') },
        { name: 'external', label: 'v2', options: program('v2') },
      ],
      tasks: ['Pymoo/SO/unconstraint/sphere'],
      seeds: [1],
      nTrials: 12,
    },
    { workers: 0 },
  );
  const runs = store.listRuns('versions');
  for (const run of runs) assert.equal(run.status, 'done', run.error ?? '');
  const [a, b] = runs.map((r) => store.trials(r.id).map((tr) => [tr.config, tr.cost]));
  assert.equal(a.length, 12);
  assert.deepEqual(a, b);
});

test('a float a few ulps above its bound is clipped onto it; one further out fails the run', async (t) => {
  const optimizer = external({ command: process.execPath, args: [FAKE, 'ulps-above'], env: { FAKE_PID_FILE: join(tempDir(t), 'pid') } });
  const configs = await trials(optimizer, 3);
  assert.equal(configs[1].x, 1, 'proposed 1 + 4e-16, stored as the bound 1');
  await optimizer.close();
  const far = external({ command: process.execPath, args: [FAKE, 'out-of-range'] });
  await assert.rejects(trials(far, 3), /proposed an invalid configuration/);
  await far.close();
});

test('the edge tolerance: a few ulps (the log-space case of issue 20) clip; 1e-9 relative does not', () => {
  assert.equal(snapToBounds(0.10000000000000006, 1e-4, 0.10000000000000002), 0.10000000000000002);
  assert.equal(snapToBounds(-5.000000000000002, -5, 5), -5);
  assert.equal(snapToBounds(0.1 * (1 + 1e-9), 1e-4, 0.1), 0.1 * (1 + 1e-9), 'too far out: left for validation to reject');
  assert.equal(nearBound(0.5, 0, 1), false, 'inside values are untouched');
  const space = new SearchSpace({
    hyperparameters: [
      { name: 'lr', type: 'float', lower: 1e-4, upper: 0.10000000000000002, log: true, default: 0.01 },
      { name: 'n', type: 'int', lower: 1, upper: 8, log: false, default: 2 },
    ],
  });
  const proposal = { lr: 0.10000000000000006, n: 8 };
  assert.deepEqual(clipEdgeValues(space, proposal), { lr: 0.10000000000000002, n: 8 });
  const inside = { lr: 0.05, n: 3 };
  assert.equal(clipEdgeValues(space, inside), inside, 'nothing to clip: the same object');
  assert.deepEqual(clipEdgeValues(space, { lr: 0.01, n: 8.000000000000002 }), { lr: 0.01, n: 8.000000000000002 }, 'integers are never clipped');
});

/** Feeds request lines to a program built on the Python helper; returns its stdout lines as objects. */
function converse(lines: object[]): Array<Record<string, unknown>> {
  const result = spawnSync(need(python, 'python3'), [join(REPO_ROOT, 'test/external/fixtures/sleepy_optimizer.py')], {
    input: lines.map((l) => JSON.stringify(l)).join('\n') + '\n',
    encoding: 'utf8',
    env: { ...process.env, PYTHONPATH: join(REPO_ROOT, 'optimizers/external'), PYTHONDONTWRITEBYTECODE: '1' },
    timeout: 30_000,
  });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout.trim().split('\n').map((l) => JSON.parse(l));
}

const INIT = {
  type: 'init', id: 1, space: view.space.toConfigSpaceJson('v1'), objectives: [{ name: 'f', direction: 'minimize' }],
  fidelity: null, budget: { n_trials: 10, seconds: null }, seed: 1, options: {},
};
const TELL = { type: 'tell', id: 3, trial: 1, config: { x: 0.5 }, fidelity: null, cost: [0.25], status: 'ok', wall_time: 0.001, virtual_time: 0 };

test('the Python helper speaks /2 to a harness that offers it and /1 to one that does not', { skip: skipUnless(python, 'python3') }, () => {
  const current = converse([{ ...INIT, protocol: 'hpoarena-ask-tell/1', protocols: ['hpoarena-ask-tell/2', 'hpoarena-ask-tell/1'] }, { type: 'ask', id: 2 }, TELL, { type: 'close', id: 4 }]);
  assert.deepEqual(current.map((m) => [m.type, m.id]), [['ready', 1], ['proposal', 2], ['bye', 4]]);
  assert.equal(current[0].protocol, 'hpoarena-ask-tell/2');
  const older = converse([{ ...INIT, protocol: 'hpoarena-ask-tell/1' }, { type: 'ask', id: 2 }, TELL, { type: 'close', id: 4 }]);
  assert.deepEqual(older.map((m) => [m.type, m.id]), [['ready', 1], ['proposal', 2], ['ack', 3], ['bye', 4]]);
  assert.equal(older[0].protocol, 'hpoarena-ask-tell/1');
  const unknown = converse([{ ...INIT, protocol: 'hpoarena-ask-tell/9', protocols: ['hpoarena-ask-tell/9'] }]);
  assert.equal(unknown[0].type, 'error');
  assert.match(String(unknown[0].message), /unsupported protocol/);
});
