import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allCollections } from '../../benchmarks/index.js';
import { checkTaskCollection } from '../../runner/conformance/index.js';
import { DATA_DIR } from '../dataDir.js';

/** Tasks checked per collection: bbob alone lists 360, and surrogate tasks load a model each. */
const LIMIT = 12;

for (const collection of allCollections()) {
  test(`task collection '${collection.name}' keeps its contract (first ${LIMIT} tasks with data)`, { timeout: 300_000 }, async (t) => {
    const context = { dataDir: DATA_DIR };
    const checked = await checkTaskCollection(collection, context, LIMIT);
    if (checked.length === 0) {
      // CI has every collection's data: there, checking nothing is a failure.
      assert.notEqual(process.env.CI, 'true', `no task of '${collection.name}' could be checked under CI=true: ${collection.list(context)[0]?.unavailableReason}`);
      // Only surrogate collections list tasks without data (YAHPO until `hpoarena data fetch yahpo`).
      assert.ok(collection.list(context).every((d) => !d.available && d.unavailableReason), `'${collection.name}' checked nothing`);
      t.diagnostic(`no task of '${collection.name}' has its data here: ${collection.list(context)[0]?.unavailableReason}`);
    }
  });
}
