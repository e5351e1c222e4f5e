import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DataMissingError, SpecError } from '../../core/index.js';
import type { TaskDescriptor } from '../../benchmarks/index.js';
import { CARPS_SUBSETS_PATH, carpsSubsetsFromCsv, listCarpsSubsets, readCarpsSubsets, requireRunnable, resolveCarpsSubset, splitRunnable } from '../../subsets/index.js';
import { DATA_DIR, dataPath, skipWithoutData } from '../dataDir.js';
import { cli, tempDir } from '../helpers.js';
import { listTasks } from '../../benchmarks/index.js';

const CATALOGUE = 'reference/carps-tasks.csv';

describe("CARP-S's published subsets", () => {
  it('the shipped id list is what the CARP-S task catalogue says (dev and test per type, CARP-S sizes)', { skip: skipWithoutData(CATALOGUE) }, () => {
    const shipped = readCarpsSubsets();
    const fromCsv = carpsSubsetsFromCsv(readFileSync(dataPath(CATALOGUE), 'utf8'), shipped.source);
    assert.deepEqual(shipped, fromCsv, `regenerate ${CARPS_SUBSETS_PATH} with carpsSubsetsFromCsv`);
  });

  it('ships the eight sets with CARP-S sizes (BB 20, MF 30, MO 50, MOMF 9), dev and test disjoint but for CARP-S\'s own two shared MF tasks', () => {
    const sizes = Object.fromEntries(Object.entries(readCarpsSubsets().sets).map(([name, ids]) => [name, ids.length]));
    assert.deepEqual(sizes, {
      'blackbox/dev': 20, 'blackbox/test': 20, 'multi-fidelity-multi-objective/dev': 9, 'multi-fidelity-multi-objective/test': 9,
      'multi-fidelity/dev': 30, 'multi-fidelity/test': 30, 'multi-objective/dev': 50, 'multi-objective/test': 50,
    });
    for (const type of ['blackbox', 'multi-fidelity', 'multi-objective', 'multi-fidelity-multi-objective']) {
      const dev = new Set(resolveCarpsSubset(`carps:${type}/dev`));
      const shared = resolveCarpsSubset(`carps:${type}/test`).filter((id) => dev.has(id));
      // CARP-S's published lists put these two HPOBench tasks in both MF sets; they are kept as published.
      assert.deepEqual(shared, type === 'multi-fidelity' ? ['hpobench/multifidelity/real/ml/nn/146821/iter', 'hpobench/multifidelity/real/ml/nn/146821/subsample'] : [], type);
    }
    assert.equal(listCarpsSubsets().length, 8);
  });

  it('parses the catalogue columns and maps CARP-S type names', () => {
    const csv = 'task_id,collection,task_type,n_trials,subset,subset_task_type\na/1,X,BB,10,,\nb/2,subselection,MOMF,10,dev,multi-fidelity-objective\nc/3,subselection,BB,10,test,blackbox\n';
    assert.deepEqual(carpsSubsetsFromCsv(csv, 's').sets, { 'blackbox/test': ['c/3'], 'multi-fidelity-multi-objective/dev': ['b/2'] });
    assert.throws(() => carpsSubsetsFromCsv('task_id,subset\n', 's'), (e: unknown) => e instanceof SpecError && /no 'subset_task_type' column/.test(e.message));
  });

  it('names unknown sets and malformed references with what is valid', () => {
    assert.throws(() => resolveCarpsSubset('carps:blackbox/train'), (e: unknown) => e instanceof SpecError && /carps:blackbox\/dev, carps:blackbox\/test/.test(e.message));
    assert.throws(() => resolveCarpsSubset('carps:bb/dev'), (e: unknown) => e instanceof SpecError && /carps:<type>\/<set>/.test(e.message));
  });

  it('splits a set into runnable tasks and the others with their reasons; refuses or skips them', () => {
    const listed: TaskDescriptor[] = [
      { id: 'bbob/2/1/0', collection: 'bbob', type: 'blackbox', dimension: 2, nObjectives: 1, nTrials: 77, available: true },
      { id: 'yahpo/rbv2_svm/24/None', collection: 'yahpo', type: 'blackbox', dimension: 6, nObjectives: 1, nTrials: 90, available: false, unavailableReason: "YAHPO data for 'rbv2_svm' is missing." },
    ];
    const ids = ['bbob/2/1/0', 'yahpo/rbv2_svm/24/None', 'hpobench/blackbox/tabular/ml/lr/146818', 'nowhere/1'];
    const { runnable, unavailable } = splitRunnable(ids, listed);
    assert.deepEqual(runnable, ['bbob/2/1/0']);
    assert.deepEqual(unavailable.map((u) => u.id), ids.slice(1));
    assert.match(unavailable[0].reason, /rbv2_svm/);
    assert.match(unavailable[1].reason, /HPOBench is not supported/);
    assert.match(unavailable[2].reason, /no hpoarena task collection/);
    assert.throws(() => requireRunnable('carps:blackbox/dev', ids, listed), (e: unknown) => e instanceof DataMissingError && /3 of the 4 tasks of 'carps:blackbox\/dev' cannot run here/.test(e.message) && /--skip-unavailable/.test(e.message));
    const skipped: string[] = [];
    assert.deepEqual(requireRunnable('carps:blackbox/dev', ids, listed, { skip: true, onSkip: (m) => skipped.push(m) }), ['bbob/2/1/0']);
    assert.match(skipped.join(''), /skipped 3 of the 4 tasks/);
    assert.throws(() => requireRunnable('s', ids.slice(1), listed, { skip: true }), (e: unknown) => e instanceof DataMissingError && /None of its tasks can run here/.test(e.message));
  });

  it('CLI: run --tasks carps:blackbox/dev names what cannot run (exit 2, nothing stored); --skip-unavailable runs the rest and names the skipped', (t) => {
    const store = join(tempDir(t), 's.db');
    const { runnable, unavailable } = splitRunnable(resolveCarpsSubset('carps:blackbox/dev'), listTasks({ dataDir: DATA_DIR }));
    const args = ['run', '--optimizers', 'random', '--tasks', 'carps:blackbox/dev', '--n-trials', '2', '--store', store, '--workers', '0', '--data-dir', DATA_DIR];
    const refused = cli(args);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, new RegExp(`^hpoarena: ${unavailable.length} of the 20 tasks of 'carps:blackbox/dev' cannot run here:`));
    assert.match(refused.stderr, /hpobench\/blackbox\/tabular\/ml\/lr\/146818.*HPOBench is not supported/);
    assert.equal(existsSync(store), false, 'nothing was stored');
    const skipped = cli([...args, '--skip-unavailable']);
    assert.equal(skipped.status, 0, skipped.stderr);
    assert.match(skipped.stderr, new RegExp(`skipped ${unavailable.length} of the 20 tasks of 'carps:blackbox/dev'`));
    assert.match(skipped.stdout, new RegExp(`${runnable.length} runs planned, 0 already done, ${runnable.length} finished now`));
  });
});
