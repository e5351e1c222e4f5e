import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { carpsCoverage, CARPS_COLLECTIONS, CARPS_TASK_IDS, listTasks } from '../../benchmarks/index.js';
import { carpsRows, DATA_DIR, skipWithout } from './yahpoData.js';

/** CARP-S collection -> which of its task ids (carps-tasks.csv) belong to it. */
const MEMBERS: Readonly<Record<string, (id: string) => boolean>> = {
  BBOB: (id) => id.startsWith('bbob/'),
  BBOBVizier: (id) => id.startsWith('bbob_vizier/'),
  Pymoo: (id) => id.startsWith('Pymoo/'),
  'MFPBench MF-Hartmann': (id) => id.startsWith('mfpbench/SO/mfh/'),
  YAHPO: (id) => id.startsWith('yahpo/'),
  'HPO-B': (id) => id.startsWith('hpob/'),
  HPOBench: (id) => id.startsWith('hpobench/'),
  'MFPBench PD1': (id) => /^mfpbench\/(SO|MO)\/pd1\//.test(id),
};

describe("CARP-S's catalogue against hpoarena's", { skip: skipWithout('reference/carps-tasks.csv') }, () => {
  const rows = carpsRows(() => true);
  const ids = new Set(rows.map((r) => r.id));

  it('names every CARP-S collection with its number of task ids', () => {
    assert.equal(ids.size, 5358);
    assert.equal(CARPS_TASK_IDS, ids.size);
    for (const c of CARPS_COLLECTIONS) assert.equal([...ids].filter(MEMBERS[c.carps]).length, c.ids, c.carps);
    assert.ok([...ids].every((id) => CARPS_COLLECTIONS.filter((c) => MEMBERS[c.carps](id)).length === 1), 'each id in one collection');
  });

  it('lists every id of the supported collections, and only those, with CARP-S type and n_trials', () => {
    const listed = listTasks({ dataDir: DATA_DIR });
    const byId = new Map(listed.map((t) => [t.id, t]));
    for (const c of CARPS_COLLECTIONS.filter((c) => c.collection)) {
      const theirs = rows.filter((r) => MEMBERS[c.carps](r.id));
      for (const row of theirs) {
        const task = byId.get(row.id);
        assert.ok(task, `${row.id} is not listed`);
        assert.equal(task.collection, c.collection, row.id);
        assert.equal(task.type, row.type, `type of ${row.id}`);
        assert.equal(task.nTrials, row.nTrials, `n_trials of ${row.id}`);
      }
      assert.equal(listed.filter((t) => t.collection === c.collection).length, new Set(theirs.map((r) => r.id)).size, c.carps);
    }
    const carpsCollections = new Set(CARPS_COLLECTIONS.map((c) => c.collection).filter(Boolean));
    assert.ok(listed.filter((t) => carpsCollections.has(t.collection)).every((t) => ids.has(t.id)), 'no id outside CARP-S in a CARP-S collection');
    // hpoarena's own collections (real training on TensorFlow.js) have no CARP-S ids.
    assert.deepEqual([...new Set(listed.filter((t) => !carpsCollections.has(t.collection)).map((t) => t.collection))], ['tfjs']);
  });

  it('counts runnable, waiting-for-data and unsupported ids', () => {
    const here = carpsCoverage(listTasks({ dataDir: DATA_DIR }));
    // The data directory holds four YAHPO surrogates (lcbench, rbv2_xgboost, rbv2_rpart, iaml_glmnet: 836 tasks).
    assert.deepEqual([here.ids, here.listed, here.runnable, here.needData, here.unsupported], [5358, 3044, 429 + 836, 2615 - 836, 1957 + 349 + 8]);
    const bare = carpsCoverage(listTasks({ dataDir: '/nonexistent/hpoarena-data' }));
    assert.deepEqual([bare.runnable, bare.needData], [429, 2615]);
    assert.deepEqual(bare.collections.filter((c) => c.unsupported).map((c) => c.carps), ['HPO-B', 'HPOBench', 'MFPBench PD1']);
  });
});
