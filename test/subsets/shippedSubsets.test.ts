import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { TASK_TYPES } from '../../core/index.js';
import { exactDiscrepancy, listSubsets, readSubsetFile, SHIPPED_SUBSETS_DIR, toPointSet } from '../../subsets/index.js';

/** The shipped files hold what they claim: checked from the files alone (no data directory needed). */
describe('shipped subsets', () => {
  const shipped = listSubsets();

  it('ship dev and test for every task type', () => {
    for (const type of TASK_TYPES) {
      for (const set of ['dev', 'test']) assert.ok(shipped.includes(`${type}/${set}`), `subsets/data/${type}/${set}.json is missing`);
    }
  });

  for (const name of shipped) {
    it(`${name}: k tasks, the stated exact discrepancy, drawn from its reference experiment`, () => {
      const file = readSubsetFile(join(SHIPPED_SUBSETS_DIR, `${name}.json`));
      assert.equal(`${file.type}/${file.set}`, name);
      assert.equal(file.tasks.length, file.k);
      assert.equal(new Set(file.tasks.map((t) => t.id)).size, file.k, 'a task appears twice');
      const points = toPointSet(file.tasks.map((t) => [...t.point]), name);
      assert.ok(Math.abs(exactDiscrepancy(points).value - file.discrepancy) < 1e-12, `${name}: recomputed discrepancy differs from the stored ${file.discrepancy}`);
      // The first set is picked from the whole pool to represent it: it should be no worse than the pool (later sets pick from what is left).
      if (file.set === file.source.sets[0]) assert.ok(file.discrepancy <= file.source.fullSetDiscrepancy, `${name}: D* ${file.discrepancy} above the whole pool's ${file.source.fullSetDiscrepancy}`);
      const reference = parse(readFileSync(join(SHIPPED_SUBSETS_DIR, 'reference', `${file.type}.yaml`), 'utf8')) as { experiment: string; tasks: string[] };
      assert.equal(file.source.experiment, reference.experiment);
      assert.equal(reference.tasks.length, file.source.fullSetSize, `${name}: the reference experiment lists ${reference.tasks.length} tasks, the embedding had ${file.source.fullSetSize}`);
      for (const task of file.tasks) assert.ok(reference.tasks.includes(task.id), `${task.id} is not in reference/${file.type}.yaml`);
    });
  }

  it('the sets of one type are disjoint', () => {
    for (const type of TASK_TYPES) {
      const sets = shipped.filter((name) => name.startsWith(`${type}/`)).map((name) => readSubsetFile(join(SHIPPED_SUBSETS_DIR, `${name}.json`)));
      const seen = new Map<string, string>();
      for (const file of sets) {
        for (const task of file.tasks) {
          assert.equal(seen.get(task.id), undefined, `${task.id} is in ${type}/${seen.get(task.id)} and ${type}/${file.set}`);
          seen.set(task.id, file.set);
        }
      }
    }
  });
});
