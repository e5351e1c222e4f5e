import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { DataMissingError, HpoArenaError, SearchSpace, UnknownNameError } from '../../core/index.js';
import { createTask, listTasks } from '../../benchmarks/registry.js';
import { SCENARIO_NAMES, YAHPO_INSTANCES, YAHPO_SCENARIOS, yahpoCollection, yahpoTaskSpecById, yahpoTaskSpecs } from '../../benchmarks/yahpo/index.js';
import { carpsRows, DATA_DIR, metadataDir, readMetadata, skipWithout } from './yahpoData.js';

const SHARED = DATA_DIR;
const skip = skipWithout('reference/carps-tasks.csv');
/** The scenarios whose surrogate is in the data directory; every other one lists its tasks as unavailable. */
const WITH_MODEL = ['lcbench', 'rbv2_xgboost', 'rbv2_rpart', 'iaml_glmnet'];

describe('yahpo catalogue', { skip }, () => {
  it('is exactly the 2,615 CARP-S YAHPO ids, with their types and n_trials', () => {
    const rows = carpsRows((id) => id.startsWith('yahpo/'));
    const ours = new Map(yahpoCollection.list({ dataDir: SHARED }).map((t) => [t.id, t]));
    assert.equal(ours.size, yahpoTaskSpecs.length, 'ids are unique');
    for (const row of rows) {
      const task = ours.get(row.id);
      assert.ok(task, `${row.id} is in carps-tasks.csv but not listed`);
      assert.equal(task.type, row.type, `type of ${row.id}`);
      assert.equal(task.nTrials, row.nTrials, `n_trials of ${row.id}`);
    }
    assert.deepEqual([...ours.keys()].sort(), [...new Set(rows.map((r) => r.id))].sort());
    assert.equal(ours.size, 2615);
  });

  it('counts tasks per family as CARP-S does', () => {
    const count = (prefix: RegExp) => yahpoTaskSpecs.filter((s) => prefix.test(s.id)).length;
    const instances = SCENARIO_NAMES.reduce((n, s) => n + YAHPO_INSTANCES[s].length, 0);
    const fidelityTasks = SCENARIO_NAMES.reduce((n, s) => n + YAHPO_INSTANCES[s].length * YAHPO_SCENARIOS[s].fidelityParams.length, 0);
    assert.equal(count(/^yahpo\/(lcbench|nb301|rbv2_\w+|iaml_\w+)\/\w+\/None$/), instances);
    assert.equal(instances, 852);
    assert.equal(count(/^yahpo\/(lcbench|nb301|rbv2_\w+|iaml_\w+)\/\w+\/(epoch|trainsize|repl)$/), fidelityTasks);
    assert.equal(fidelityTasks, 1649);
    assert.equal(count(/^yahpo\/so\//), 20);
    assert.equal(count(/^yahpo\/multifidelity\/so\//), 36);
    assert.equal(count(/^yahpo\/mo\//), 23);
    assert.equal(count(/^yahpo\/MOMF\//), 35);
    // The original four scenarios keep their 836 tasks, first and in the same order.
    assert.equal(yahpoTaskSpecs.findIndex((t) => !WITH_MODEL.includes(t.scenario)), 836);
  });

  it('embeds the instance lists of the config_space.json files', () => {
    for (const scenario of SCENARIO_NAMES) {
      const space = SearchSpace.fromConfigSpaceJson(JSON.parse(readMetadata(scenario, 'config_space.json')));
      const { instanceParam, catNames, contNames } = YAHPO_SCENARIOS[scenario];
      if (instanceParam === undefined) {
        assert.deepEqual([...YAHPO_INSTANCES[scenario]], ['CIFAR10'], scenario);
      } else {
        const hp = space.get(instanceParam);
        assert.equal(hp?.type, 'categorical');
        assert.deepEqual(hp.type === 'categorical' ? hp.choices.map(String) : [], [...YAHPO_INSTANCES[scenario]], scenario);
      }
      assert.deepEqual([...space.names].sort(), [...catNames, ...contNames].sort(), scenario);
    }
  });

  it('derives dimensions and n_trials = ceil(20 + 40 sqrt(d)) from the optimized parameters', () => {
    const dims = Object.fromEntries(SCENARIO_NAMES.map((s) => [s, yahpoTaskSpecs.find((t) => t.scenario === s)!.dimension]));
    // CARP-S's task metadata `dimensions` (carps/configs/task/YAHPO/**).
    assert.deepEqual(dims, {
      lcbench: 7, rbv2_xgboost: 14, rbv2_rpart: 5, iaml_glmnet: 2, rbv2_svm: 6, rbv2_ranger: 8, rbv2_glmnet: 3, rbv2_aknn: 6,
      rbv2_super: 38, iaml_ranger: 8, iaml_rpart: 4, iaml_xgboost: 13, iaml_super: 28, nb301: 34,
    });
    for (const spec of yahpoTaskSpecs) assert.equal(spec.nTrials, Math.ceil(20 + 40 * Math.sqrt(spec.dimension)));
  });

  it('marks the tasks of scenarios without a surrogate as not runnable here, naming the scenario and the fetch command', () => {
    for (const t of yahpoCollection.list({ dataDir: SHARED })) {
      const scenario = yahpoTaskSpecById.get(t.id)!.scenario;
      if (WITH_MODEL.includes(scenario)) {
        assert.ok(t.available && t.unavailableReason === undefined, t.id);
      } else {
        assert.equal(t.available, false, t.id);
        assert.match(t.unavailableReason ?? '', new RegExp(`^YAHPO data for '${scenario}' is missing .*model\\.onnx.*hpoarena data fetch yahpo`));
      }
    }
  });

  it('lists every task as unavailable, naming the fetch command, when the data is missing', () => {
    const listed = yahpoCollection.list({ dataDir: '/nonexistent/hpoarena-data' });
    assert.equal(listed.length, 2615);
    for (const t of listed) {
      assert.equal(t.available, false);
      assert.match(t.unavailableReason ?? '', /hpoarena data fetch yahpo --data-dir \/nonexistent\/hpoarena-data/);
    }
  });

  it('lists without loading onnxruntime (it loads on the first create)', () => {
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
    assert.deepEqual(JSON.parse(output), [2615, false, true]);
  });

  it('is registered and routes yahpo/ ids', async () => {
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

  it('fails one clear DataMissingError for a scenario whose metadata is there but not its model, and lists it unavailable', async (t) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hpoarena-yahpo-nomodel-'));
    t.after(() => rmSync(dataDir, { recursive: true, force: true }));
    for (const scenario of ['nb301', 'rbv2_svm']) {
      mkdirSync(path.join(dataDir, 'yahpo', scenario), { recursive: true });
      for (const file of ['config_space.json', 'encoding.json']) copyFileSync(path.join(metadataDir(scenario), file), path.join(dataDir, 'yahpo', scenario, file));
    }
    for (const id of ['yahpo/nb301/CIFAR10/None', 'yahpo/mo/iaml_super/1067/None', 'yahpo/multifidelity/so/repl/rbv2_super/15/repl', 'yahpo/rbv2_svm/1493/trainsize']) {
      const scenario = yahpoTaskSpecs.find((s) => s.id === id)!.scenario;
      const message = new RegExp(`^Cannot build '${id.replaceAll('/', '\\/')}': YAHPO data for '${scenario}' is missing \\((.*, )?model\\.onnx not in .*\\)\\. Run 'hpoarena data fetch yahpo --data-dir `);
      await assert.rejects(createTask(id, { dataDir }), (error: Error) => error instanceof DataMissingError && message.test(error.message));
    }
    const listed = yahpoCollection.list({ dataDir }).find((t) => t.id === 'yahpo/nb301/CIFAR10/None')!;
    assert.equal(listed.available, false);
    assert.match(listed.unavailableReason ?? '', /\(model\.onnx not in /);
  });

  it('rejects unknown ids with a suggestion', async () => {
    await assert.rejects(Promise.resolve().then(() => yahpoCollection.create('yahpo/lcbench/3946/None', { dataDir: SHARED })), (error: Error) => {
      assert.ok(error instanceof UnknownNameError);
      assert.match(error.message, /Unknown yahpo task 'yahpo\/lcbench\/3946\/None'\. Did you mean 'yahpo\/lcbench\/3945\/None'\?/);
      return true;
    });
  });
});
