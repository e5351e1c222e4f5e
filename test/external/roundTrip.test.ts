import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { resolveOptions, SearchSpace, SpecError, type TaskView, type TrialValue } from '../../core/index.js';
import { ExternalOptimizer, externalFactory } from '../../optimizers/external/index.js';
import { getOptimizerFactory } from '../../optimizers/registry.js';
import { openSqliteStore, runExperiment, type ExperimentSpec } from '../../runner/index.js';
import { REPO_ROOT, tempDir } from '../helpers.js';
import { goneWithin, liveChildren } from './processes.js';

const space = new SearchSpace({
  hyperparameters: [
    { name: 'x', type: 'float', lower: -5, upper: 5, log: false, default: 0 },
    { name: 'kind', type: 'categorical', choices: ['a', 'b', true, 3], default: 'a' },
    { name: 'n', type: 'int', lower: 1, upper: 64, log: true, default: 8 },
  ],
  conditions: [{ child: 'n', clause: { type: 'EQ', parent: 'kind', value: 'b' } }],
});

function view(objectives = 1, fidelity = false): TaskView {
  return {
    space,
    objectives: Array.from({ length: objectives }, (_, k) => ({ name: `f${k}`, direction: 'minimize' as const })),
    fidelity: fidelity ? { name: 'epochs', min: 1, max: 9, integer: true } : undefined,
    budget: { nTrials: 20 },
    type: objectives > 1 ? (fidelity ? 'multi-fidelity-multi-objective' : 'multi-objective') : fidelity ? 'multi-fidelity' : 'blackbox',
  };
}

const ok = (cost: number | number[]): TrialValue => ({ cost, status: 'ok', wallTime: 0.01, virtualTime: 0 });

function reference(v: TaskView, seed = 1): ExternalOptimizer {
  return externalFactory.create(v, seed, resolveOptions(externalFactory, {})) as ExternalOptimizer;
}

test('the reference client round-trips init, ask, tell, incumbent and close; its process is reaped', async () => {
  const optimizer = reference(view());
  const costs: number[] = [];
  for (let i = 0; i < 15; i++) {
    const info = await optimizer.ask();
    space.validate(info.config);
    assert.equal(info.fidelity, undefined);
    const cost = (info.config.x as number) ** 2;
    costs.push(cost);
    await optimizer.tell({ ...info, seed: 100 + i }, i === 3 ? { cost: NaN, status: 'crashed', wallTime: 0, virtualTime: 0 } : ok(cost));
  }
  const best = Math.min(...costs.filter((_, i) => i !== 3));
  assert.equal(optimizer.incumbent()[0].cost, best);
  const theirs = await optimizer.programIncumbent();
  assert.deepEqual(theirs, optimizer.incumbent().map((e) => ({ config: e.config, cost: e.cost })));
  const pid = (await optimizer.pid())!;
  await optimizer.close();
  assert.ok(await goneWithin(pid, 1000), `reference client ${pid} still alive after close()`);
  await optimizer.close(); // idempotent
});

test('the same seed gives the same proposals; another seed others', async () => {
  const run = async (seed: number) => {
    const optimizer = reference(view(), seed);
    const configs = [];
    for (let i = 0; i < 5; i++) {
      const info = await optimizer.ask();
      configs.push(info.config);
      await optimizer.tell(info, ok(1));
    }
    await optimizer.close();
    return configs;
  };
  assert.deepEqual(await run(7), await run(7));
  assert.notDeepEqual(await run(7), await run(8));
});

test('multi-objective costs, fidelities and tells of trials never asked travel both ways', async () => {
  const optimizer = reference(view(2, true));
  const info = await optimizer.ask();
  assert.equal(info.fidelity, 9);
  await optimizer.tell(info, ok([1, 2]));
  await optimizer.tell({ config: { x: 0.5, kind: 'a' }, fidelity: 9 }, ok([2, 1])); // a warm-start trial
  await optimizer.tell({ config: { x: 0.7, kind: 'a' }, fidelity: 3 }, ok([0, 0])); // low fidelity: not an incumbent
  await optimizer.tell({ config: { x: 0.1, kind: true } }, { cost: [Infinity, 0], status: 'ok', wallTime: 0, virtualTime: 0 });
  assert.equal(optimizer.incumbent().length, 2);
  const theirs = await optimizer.programIncumbent();
  assert.deepEqual(theirs.map((e) => e.cost).sort(), [[1, 2], [2, 1]]);
  await optimizer.close();
});

test('an optimizer that is built but never asked starts no process; close() is then a no-op', async () => {
  const before = liveChildren().length;
  const optimizer = reference(view());
  assert.equal(liveChildren().length, before);
  await optimizer.close();
});

test('options are checked up front: args must be strings, env a mapping of strings', () => {
  assert.throws(() => resolveOptions(externalFactory, { command: 'python3', args: 'my_opt.py' }), (e: Error) => e instanceof SpecError && /args.*list of strings/.test(e.message));
  assert.throws(() => resolveOptions(externalFactory, { env: { N: 1 } }), (e: Error) => e instanceof SpecError && /env.*mapping/.test(e.message));
  assert.throws(() => resolveOptions(externalFactory, { startup_timeout: 0 }), SpecError);
  const resolved = resolveOptions(externalFactory, { command: 'python3', args: ['a.py'], env: { A: '1' }, options: { depth: 3 } });
  assert.deepEqual(resolved.args, ['a.py']);
  assert.equal(getOptimizerFactory('external'), externalFactory);
});

test('a YAML-style external entry runs through runExperiment (workers 0) and the children are gone after', async (t) => {
  const store = openSqliteStore(join(tempDir(t), 'external.db'));
  t.after(() => store.close());
  const spec: ExperimentSpec = {
    experiment: 'external-roundtrip',
    optimizers: [
      { name: 'external', label: 'reference', options: {} },
      { name: 'external', label: 'reference-by-command', options: { command: process.execPath, args: [join(REPO_ROOT, 'dist/optimizers/external/referenceClient.js')], env: { HPOARENA_TEST: '1' }, cwd: REPO_ROOT } },
    ],
    tasks: ['Pymoo/SO/unconstraint/sphere'],
    seeds: [1, 2],
    nTrials: 25,
  };
  const outcome = await runExperiment(store, spec, { workers: 0 });
  const runs = store.listRuns('external-roundtrip');
  assert.equal(runs.length, 4);
  for (const run of runs) {
    assert.equal(run.status, 'done', run.error ?? '');
    assert.equal(store.trials(run.id).length, 25);
  }
  // Both entries run the same program with the same seeds: the same trials.
  const first = runs.filter((r) => r.optimizerLabel === 'reference').map((r) => store.trials(r.id).map((tr) => tr.config));
  const second = runs.filter((r) => r.optimizerLabel === 'reference-by-command').map((r) => store.trials(r.id).map((tr) => tr.config));
  assert.deepEqual(first, second);
  assert.equal(outcome.outcomes.length, 4);
  assert.deepEqual(liveChildren(), []);
});
