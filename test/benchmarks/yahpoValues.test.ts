import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { InvalidConfigError, type Config, type Task, type TrialValue } from '../../core/index.js';
import { yahpoCollection } from '../../benchmarks/yahpo/index.js';
import { releaseSurrogateSessions } from '../../benchmarks/yahpo/session.js';
import { DATA_DIR, skipWithoutYahpo } from '../dataDir.js';

const context = { dataDir: DATA_DIR };
const create = (id: string) => Promise.resolve(yahpoCollection.create(id, context));
const info = (v: TrialValue, key: string) => (v.info?.metrics as Record<string, number> | undefined)?.[key] ?? NaN;
const fidelity = (v: TrialValue, key: string) => (v.info?.fidelities as Record<string, number> | undefined)?.[key] ?? NaN;

const RPART = { maxdepth: 30, minbucket: 1, minsplit: 20, 'num.impute.selected.cpo': 'impute.mean' };

after(releaseSurrogateSessions);

/**
 * Checks whose expected values come from the datasets, not from this code: if the instance code,
 * the column order or a transform were wrong, these would not hold.
 */
describe('yahpo surrogate values against facts about the datasets', { skip: skipWithoutYahpo() }, () => {
  it('rbv2_rpart with cp = 1 (a stump that never splits) predicts the majority class', async () => {
    // OpenML 40499 texture: 11 balanced classes; 14 mfeat-fourier: 10 balanced classes; 3 kr-vs-kp: 52.2% majority.
    for (const [instance, majority] of [['40499', 1 / 11], ['14', 0.1], ['3', 0.522]] as const) {
      const task = await create(`yahpo/rbv2_rpart/${instance}/None`);
      const stump = await task.evaluate({ config: { cp: 1, ...RPART } });
      assert.ok(Math.abs(info(stump, 'acc') - majority) < 0.03, `${instance}: stump acc ${info(stump, 'acc')} vs majority ${majority}`);
      assert.ok(Math.abs(info(stump, 'auc') - 0.5) < 0.05, `${instance}: stump auc ${info(stump, 'auc')}`);
      const tree = await task.evaluate({ config: { cp: 0.001, ...RPART } });
      assert.ok(info(tree, 'acc') > info(stump, 'acc') + 0.3, `${instance}: a grown tree beats the stump`);
    }
  });

  it('iaml_glmnet: huge s keeps no feature (auc 0.5, error = minority rate); tiny s keeps about all features', async () => {
    // OpenML 1489 phoneme: 5 features, 29.3% minority; 1067 kc1: 21 features, 15.5%; 40981 Australian: 14 features, 44.5%.
    for (const [instance, features, minority] of [['1489', 5, 0.293], ['1067', 21, 0.155], ['40981', 14, 0.445]] as const) {
      const task = await create(`yahpo/iaml_glmnet/${instance}/None`);
      const sparse = await task.evaluate({ config: { alpha: 1, s: 999 } });
      assert.ok(info(sparse, 'nf') < 0.5 && Math.abs(info(sparse, 'auc') - 0.5) < 0.02, `${instance}: nf ${info(sparse, 'nf')}, auc ${info(sparse, 'auc')}`);
      assert.ok(Math.abs(info(sparse, 'mmce') - minority) < 0.03, `${instance}: mmce ${info(sparse, 'mmce')} vs minority ${minority}`);
      const dense = await task.evaluate({ config: { alpha: 1, s: 0.00011 } });
      assert.ok(Math.abs(info(dense, 'nf') - features) <= 2.5, `${instance}: nf ${info(dense, 'nf')} vs ${features} features`);
    }
  });

  it('lcbench: runtime grows with epochs, covertype (581k rows) is the slowest, accuracies are in percent', async () => {
    const defaults = (await create('yahpo/lcbench/3945/epoch')).space.defaultConfig();
    const times: Record<string, number> = {};
    for (const instance of ['3945', '7593', '34539', '167168']) {
      const task = await create(`yahpo/lcbench/${instance}/epoch`);
      const curve = await Promise.all([1, 5, 20, 52].map((fidelity) => task.evaluate({ config: defaults, fidelity })));
      for (let i = 1; i < curve.length; i++) assert.ok(curve[i].virtualTime > curve[i - 1].virtualTime, `${instance}: time grows with epochs`);
      times[instance] = curve[3].virtualTime;
      assert.ok(info(curve[3], 'val_accuracy') > 1 && info(curve[3], 'val_accuracy') <= 100, 'val_accuracy is a percentage');
      assert.ok(info(curve[3], 'val_balanced_accuracy') <= 1, 'val_balanced_accuracy is a fraction');
    }
    assert.equal(Object.entries(times).sort((a, b) => b[1] - a[1])[0][0], '7593');
  });
});

describe('yahpo task semantics', { skip: skipWithoutYahpo() }, () => {
  const lcbenchDefault = async (): Promise<Config> => (await create('yahpo/lcbench/167168/None')).space.defaultConfig();

  it('is deterministic and negates maximized metrics', async () => {
    const task = await create('yahpo/lcbench/167168/None');
    const config = await lcbenchDefault();
    const [a, b] = [await task.evaluate({ config, seed: 1 }), await task.evaluate({ config, seed: 2 })];
    assert.equal(a.cost, b.cost);
    assert.equal(a.cost, -info(a, 'val_accuracy'));
    assert.equal(a.virtualTime, info(a, 'time'));
    assert.equal(a.status, 'ok');
    assert.equal(fidelity(a, 'epoch'), 52);
  });

  it('blackbox equals multi-fidelity at the maximum, and the SO-suite task equals the plain one', async () => {
    const config = await lcbenchDefault();
    const bb = await (await create('yahpo/lcbench/167168/None')).evaluate({ config });
    const mf = await create('yahpo/lcbench/167168/epoch');
    assert.deepEqual(mf.fidelity, { name: 'epoch', min: 1, max: 52, integer: true });
    assert.equal((await mf.evaluate({ config, fidelity: 52 })).cost, bb.cost);
    assert.equal((await mf.evaluate({ config })).cost, bb.cost);
    assert.equal((await (await create('yahpo/so/lcbench/167168/None')).evaluate({ config })).cost, bb.cost);
    assert.notEqual((await mf.evaluate({ config, fidelity: 3 })).cost, bb.cost);
  });

  it('rbv2: each MF variant varies one fidelity and fixes the other at its maximum', async () => {
    const bb = await create('yahpo/rbv2_xgboost/12/None');
    const config = bb.space.defaultConfig();
    const top = await bb.evaluate({ config });
    assert.deepEqual([fidelity(top, 'trainsize'), fidelity(top, 'repl')], [1, 10]);
    const byRepl = await create('yahpo/rbv2_xgboost/12/repl');
    const bySize = await create('yahpo/rbv2_xgboost/12/trainsize');
    assert.deepEqual(bySize.fidelity, { name: 'trainsize', min: 0.03, max: 1, integer: false });
    assert.deepEqual(bySize.metadata.fixedFidelities, { repl: 10 });
    assert.equal((await byRepl.evaluate({ config, fidelity: 10 })).cost, top.cost);
    assert.equal((await bySize.evaluate({ config, fidelity: 1 })).cost, top.cost);
    const low = await bySize.evaluate({ config, fidelity: 0.1 });
    assert.deepEqual([fidelity(low, 'trainsize'), fidelity(low, 'repl')], [0.1, 10]);
    assert.notEqual(low.cost, top.cost);
    // CARP-S rounds integer budgets with Python's round(): 2.5 -> 2, 3.5 -> 4.
    assert.equal(fidelity(await byRepl.evaluate({ config, fidelity: 2.5 }), 'repl'), 2);
    assert.equal(fidelity(await byRepl.evaluate({ config, fidelity: 3.5 }), 'repl'), 4);
  });

  it('multi-objective tasks return [-acc, memory] and MO-MF adds the fidelity', async () => {
    const mo = await create('yahpo/mo/rbv2_rpart/41163/None');
    const value = await mo.evaluate({ config: { cp: 0.01, ...RPART } });
    assert.deepEqual(value.cost, [-info(value, 'acc'), info(value, 'memory')]);
    const momf = await create('yahpo/MOMF/trainsize/rbv2_rpart/41163/trainsize');
    assert.deepEqual((await momf.evaluate({ config: { cp: 0.01, ...RPART }, fidelity: 1 })).cost, value.cost);
  });

  it('rejects invalid configs and fidelities with InvalidConfigError naming the problem', async () => {
    const xgb: Task = await create('yahpo/MOMF/repl/rbv2_xgboost/12/repl');
    const config = xgb.space.defaultConfig();
    const cases: Array<[Config, number | undefined, RegExp]> = [
      [{ ...config, eta: 0.1 }, undefined, /'eta' is inactive/],
      [{ ...config, nrounds: 5 }, undefined, /'nrounds' = 5 is outside its range/],
      [{ ...config, booster: 'linear' }, undefined, /'booster' = 'linear' is not among its choices/],
      [{ ...config, task_id: '12' }, undefined, /task_id/],
      [{ ...config, repl: 3 }, undefined, /repl/],
      [config, 11, /fidelity repl in \[1, 10\]/],
      [config, 0.4, /fidelity repl in \[1, 10\]/],
    ];
    for (const [bad, fidelity, message] of cases) {
      await assert.rejects(Promise.resolve().then(() => xgb.evaluate({ config: bad, fidelity })), (e: Error) => e instanceof InvalidConfigError && message.test(e.message));
    }
    const bb = await create('yahpo/rbv2_xgboost/12/None');
    await assert.rejects(Promise.resolve().then(() => bb.evaluate({ config, fidelity: 3 })), InvalidConfigError);
  });

  it('fills inactive parameters as yahpo_gym does, so gblinear ignores tree-only settings', async () => {
    const task = await create('yahpo/rbv2_xgboost/1501/None');
    const gblinear = { alpha: 0.1, booster: 'gblinear', lambda: 2, nrounds: 300, 'num.impute.selected.cpo': 'impute.median', subsample: 0.7 };
    const a = await task.evaluate({ config: gblinear });
    const gbtree = await task.evaluate({ config: { ...gblinear, booster: 'gbtree', eta: 0.1, gamma: 0.01, max_depth: 6, min_child_weight: 3, colsample_bytree: 0.8, colsample_bylevel: 0.8 } });
    assert.notEqual(a.cost, gbtree.cost);
    assert.ok(Number.isFinite(a.cost as number) && Number.isFinite(gbtree.cost as number));
  });
});
