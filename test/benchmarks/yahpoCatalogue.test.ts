import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DataMissingError, HpoArenaError, SearchSpace, UnknownNameError, type TaskType } from '../../core/index.js';
import { createTask, listTasks } from '../../benchmarks/registry.js';
import { SCENARIO_NAMES, YAHPO_INSTANCES, YAHPO_SCENARIOS, yahpoCollection, yahpoTaskSpecs } from '../../benchmarks/yahpo/index.js';
import { DATA_DIR, dataPath, skipWithoutData, skipWithoutYahpo } from '../dataDir.js';

const SHARED = DATA_DIR;
const CARPS_TYPES: Readonly<Record<string, TaskType>> = {
  BB: 'blackbox', MF: 'multi-fidelity', MO: 'multi-objective', MOMF: 'multi-fidelity-multi-objective',
};

/** Every CARP-S row (collection YAHPO or a subset) of our four scenarios. */
function carpsRows(): Array<{ id: string; type: TaskType; nTrials: number }> {
  const [header, ...lines] = readFileSync(dataPath('reference/carps-tasks.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
  const col = (name: string) => header.indexOf(name);
  return lines
    .filter((cells) => cells[col('task_id')].startsWith('yahpo/') && SCENARIO_NAMES.some((s) => cells[col('task_id')].split('/').includes(s)))
    .map((cells) => ({ id: cells[col('task_id')], type: CARPS_TYPES[cells[col('task_type')]], nTrials: Number(cells[col('n_trials')]) }));
}

describe('yahpo catalogue', () => {
  it('is exactly the CARP-S rows of lcbench, rbv2_xgboost, rbv2_rpart and iaml_glmnet, with their types and n_trials', { skip: skipWithoutData('reference/carps-tasks.csv') }, () => {
    const rows = carpsRows();
    const ours = new Map(yahpoCollection.list({ dataDir: SHARED }).map((t) => [t.id, t]));
    assert.equal(ours.size, yahpoTaskSpecs.length, 'ids are unique');
    for (const row of rows) {
      const task = ours.get(row.id);
      assert.ok(task, `${row.id} is in carps-tasks.csv but not listed`);
      assert.equal(task.type, row.type, `type of ${row.id}`);
      assert.equal(task.nTrials, row.nTrials, `n_trials of ${row.id}`);
    }
    assert.deepEqual([...ours.keys()].sort(), [...new Set(rows.map((r) => r.id))].sort());
    assert.equal(ours.size, 836);
  });

  it('counts tasks per family as CARP-S does', () => {
    const count = (prefix: RegExp) => yahpoTaskSpecs.filter((s) => prefix.test(s.id)).length;
    assert.equal(count(/^yahpo\/(lcbench|rbv2_\w+|iaml_glmnet)\/\d+\/None$/), 34 + 119 + 117 + 4);
    assert.equal(count(/^yahpo\/(lcbench|rbv2_\w+|iaml_glmnet)\/\d+\/(epoch|trainsize|repl)$/), 34 + 2 * 119 + 2 * 117 + 4);
    assert.equal(count(/^yahpo\/so\//), 9);
    assert.equal(count(/^yahpo\/multifidelity\/so\//), 15);
    assert.equal(count(/^yahpo\/mo\//), 11);
    assert.equal(count(/^yahpo\/MOMF\//), 17);
  });

  it('embeds the instance lists of the config_space.json files', { skip: skipWithoutYahpo() }, () => {
    for (const scenario of SCENARIO_NAMES) {
      const json = JSON.parse(readFileSync(dataPath(`yahpo/${scenario}/config_space.json`), 'utf8'));
      const space = SearchSpace.fromConfigSpaceJson(json);
      const hp = space.get(YAHPO_SCENARIOS[scenario].instanceParam);
      assert.equal(hp?.type, 'categorical');
      assert.deepEqual(hp.type === 'categorical' ? hp.choices.map(String) : [], [...YAHPO_INSTANCES[scenario]], scenario);
      assert.deepEqual([...space.names].sort(), [...YAHPO_SCENARIOS[scenario].catNames, ...YAHPO_SCENARIOS[scenario].contNames].sort(), scenario);
    }
  });

  it('derives dimensions and n_trials = ceil(20 + 40 sqrt(d)) from the optimized parameters', () => {
    const dims = Object.fromEntries(SCENARIO_NAMES.map((s) => [s, yahpoTaskSpecs.find((t) => t.scenario === s)!.dimension]));
    assert.deepEqual(dims, { lcbench: 7, rbv2_xgboost: 14, rbv2_rpart: 5, iaml_glmnet: 2 });
    for (const spec of yahpoTaskSpecs) assert.equal(spec.nTrials, Math.ceil(20 + 40 * Math.sqrt(spec.dimension)));
  });

  it('lists every task as unavailable, naming the fetch command, when the data is missing', { skip: skipWithoutYahpo() }, () => {
    const listed = yahpoCollection.list({ dataDir: '/nonexistent/hpoarena-data' });
    assert.equal(listed.length, 836);
    for (const t of listed) {
      assert.equal(t.available, false);
      assert.match(t.unavailableReason ?? '', /hpoarena data fetch yahpo --data-dir \/nonexistent\/hpoarena-data/);
    }
    assert.ok(yahpoCollection.list({ dataDir: SHARED }).every((t) => t.available && t.unavailableReason === undefined));
  });

  it('lists without loading onnxruntime (it loads on the first create)', { skip: skipWithoutYahpo('lcbench') }, () => {
    const registry = new URL('../../benchmarks/registry.js', import.meta.url).href;
    const script = `
      import { createRequire } from 'node:module';
      const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('onnxruntime'));
      const { listTasks, createTask } = await import(${JSON.stringify(registry)});
      const n = listTasks({ dataDir: ${JSON.stringify(SHARED)} }).filter((t) => t.collection === 'yahpo').length;
      const before = loaded();
      await createTask('yahpo/lcbench/3945/None', { dataDir: ${JSON.stringify(SHARED)} });
      console.log(JSON.stringify([n, before, loaded()]));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    assert.deepEqual(JSON.parse(output), [836, false, true]);
  });

  it('is registered and routes yahpo/ ids', { skip: skipWithoutYahpo('iaml_glmnet') }, async () => {
    assert.ok(listTasks({ dataDir: SHARED }).some((t) => t.id === 'yahpo/lcbench/3945/None'));
    assert.ok(yahpoCollection.owns('yahpo/MOMF/epoch/lcbench/167152/epoch'));
    assert.ok(!yahpoCollection.owns('Pymoo/SO/unconstraint/ackley'));
    const task = await createTask('yahpo/mo/iaml_glmnet/1067/None', { dataDir: SHARED });
    assert.deepEqual(task.objectives, [{ name: 'mmce', direction: 'minimize' }, { name: 'nf', direction: 'minimize' }]);
  });

  it('throws one clear DataMissingError when the data is missing', async () => {
    await assert.rejects(createTask('yahpo/lcbench/3945/None', { dataDir: '/nonexistent/hpoarena-data' }), (error: Error) => {
      assert.ok(error instanceof DataMissingError && error instanceof HpoArenaError);
      assert.match(error.message, /^Cannot build 'yahpo\/lcbench\/3945\/None': YAHPO data for 'lcbench' is missing .*hpoarena data fetch yahpo/);
      return true;
    });
  });

  it('rejects unknown ids with a suggestion', async () => {
    await assert.rejects(Promise.resolve().then(() => yahpoCollection.create('yahpo/lcbench/3946/None', { dataDir: SHARED })), (error: Error) => {
      assert.ok(error instanceof UnknownNameError);
      assert.match(error.message, /Unknown yahpo task 'yahpo\/lcbench\/3946\/None'\. Did you mean 'yahpo\/lcbench\/3945\/None'\?/);
      return true;
    });
  });
});
