import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { resolveOptions, type Config, type Options, type TaskView } from '../../core/index.js';
import { findPythonSync, optunaFactories, optunaSamplerOf, SAMPLER_MODULES, type ExternalOptimizer } from '../../optimizers/external/index.js';
import { getOptimizerFactory } from '../../optimizers/registry.js';
import { openSqliteStore, runExperiment, type SqliteStore } from '../../runner/index.js';
import { conformanceCase, primaryType, conformanceSpaces, mixedSpace, viewFor } from '../../runner/conformance/index.js';
import { tempDir } from '../helpers.js';
import { liveChildren } from './processes.js';
import { need, skipUnless } from './requirements.js';

const optuna = findPythonSync(['optuna']);
const skip = skipUnless(optuna, 'python3 with optuna');

function requirementsOf(name: string): { found: string | undefined; what: string } {
  const modules = SAMPLER_MODULES[optunaSamplerOf(name)!];
  return { found: findPythonSync(modules), what: `python3 with ${modules.join(' and ')}` };
}

describe('every external:optuna-* adapter passes the conformance checks on the conditional space (define-by-run)', () => {
  const conditional = conformanceSpaces().find((s) => s.name === 'conditional')!;
  for (const factory of optunaFactories) {
    const { found, what } = requirementsOf(factory.name);
    test(factory.name, { skip: skipUnless(found, what), timeout: 120_000 }, async () => {
      need(found, what);
      await conformanceCase(factory, conditional.space, primaryType(factory), 40, "space 'conditional'");
    });
  }
});

async function proposals(name: string, view: TaskView, seed: number, n: number, options: Options = {}): Promise<Config[]> {
  const factory = getOptimizerFactory(name);
  const optimizer = factory.create(view, seed, resolveOptions(factory, options));
  const configs: Config[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const info = await optimizer.ask();
      configs.push(info.config);
      const cost = Object.values(info.config).reduce<number>((s, v) => s + (typeof v === 'number' ? Math.abs(v) : 0), 0);
      await optimizer.tell(info, { cost, status: 'ok', wallTime: 0, virtualTime: 0 });
    }
  } finally {
    await optimizer.close?.();
  }
  return configs;
}

test("Optuna's option names reach the sampler: TPE with n_startup_trials=30 samples like Optuna's RandomSampler", { skip }, async () => {
  need(optuna, 'python3 with optuna');
  const view = viewFor(mixedSpace(), 30, { objectives: 1 });
  const random = await proposals('external:optuna-random', view, 5, 15);
  const startup = await proposals('external:optuna-tpe', view, 5, 15, { n_startup_trials: 30 });
  const model = await proposals('external:optuna-tpe', view, 5, 15, { n_startup_trials: 2 });
  assert.deepEqual(startup, random);
  assert.notDeepEqual(model, random);
});

test('trials told without an ask (warm start) are added to the Optuna study', { skip }, async () => {
  need(optuna, 'python3 with optuna');
  const factory = getOptimizerFactory('external:optuna-tpe');
  const view = viewFor(mixedSpace(), 30, { objectives: 1 });
  const optimizer = factory.create(view, 1, resolveOptions(factory, { n_startup_trials: 3 })) as ExternalOptimizer;
  try {
    const warm: Config[] = [
      { lr: 0.01, depth: 2, act: 'relu' },
      { lr: 0.5, depth: 6, act: 'tanh' },
      { lr: 0.001, depth: 3, act: 'gelu' },
      { lr: 0.02, depth: 2, act: 'relu' },
    ];
    for (const [i, config] of warm.entries()) await optimizer.tell({ config }, { cost: i === 1 ? 9 : i, status: 'ok', wallTime: 0, virtualTime: 0 });
    const info = await optimizer.ask(); // past n_startup_trials thanks to the told trials: TPE proposes
    view.space.validate(info.config);
    assert.deepEqual(optimizer.incumbent()[0].config, warm[0]);
    assert.deepEqual((await optimizer.programIncumbent())[0].config, warm[0]);
  } finally {
    await optimizer.close();
  }
});

function finalBest(store: SqliteStore, runId: number): number {
  return Math.min(...store.trials(runId).map((t) => (t.cost as number | null) ?? Infinity));
}

test('a real small experiment: external:optuna-tpe on Pymoo sphere through runExperiment (workers 0), reproducible', { skip, timeout: 180_000 }, async (t) => {
  need(optuna, 'python3 with optuna');
  const dir = tempDir(t);
  const run = async (file: string) => {
    const store = openSqliteStore(join(dir, file));
    t.after(() => store.close());
    const spec = {
      experiment: 'optuna-small',
      optimizers: [
        { name: 'external:optuna-tpe', label: 'optuna-tpe', options: {} },
        { name: 'random', label: 'random', options: {} },
      ],
      tasks: ['Pymoo/SO/unconstraint/sphere'],
      seeds: [1, 2],
      nTrials: 40,
    };
    await runExperiment(store, spec, { workers: 0 });
    return store;
  };
  const first = await run('a.db');
  const runs = first.listRuns('optuna-small');
  for (const r of runs) {
    assert.equal(r.status, 'done', r.error ?? '');
    assert.equal(first.trials(r.id).length, 40);
  }
  const tpe = runs.filter((r) => r.optimizer === 'external:optuna-tpe');
  const random = runs.filter((r) => r.optimizer === 'random');
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  assert.ok(mean(tpe.map((r) => finalBest(first, r.id))) < mean(random.map((r) => finalBest(first, r.id))), 'TPE should beat random search on the sphere after 40 trials');
  const second = await run('b.db');
  for (const r of tpe) {
    const again = second.listRuns('optuna-small').find((x) => x.optimizer === r.optimizer && x.seed === r.seed)!;
    assert.deepEqual(second.trials(again.id).map((x) => x.config), first.trials(r.id).map((x) => x.config), `seed ${r.seed} is not reproducible`);
  }
  assert.deepEqual(liveChildren(), []);
});
