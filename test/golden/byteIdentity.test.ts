import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { registerTaskCollection } from '../../benchmarks/index.js';
import { exportTrials, openSqliteStore, runExperiment, type ExperimentSpec } from '../../runner/index.js';
import { goldenCollection } from '../fixtures/goldenCollection.js';
import { REPO_ROOT, tempDir, exportText } from '../helpers.js';

/**
 * The byte-identity check: a fixed small experiment with every shipped optimizer on tasks of
 * all four types, whose CSV and JSON-lines exports must equal the committed golden files.
 * Refactors must not change any optimizer's trials; when a change is meant to, regenerate
 * with HPOARENA_UPDATE_GOLDEN=1 and say why in the commit. The files are gzipped (3.4 MB as
 * text); a failure prints the first differing line.
 */
const GOLDEN_DIR = join(REPO_ROOT, 'test/fixtures/golden');

const OPTIMIZERS = [
  'random', 'sobol', 'halton', 'lhs', 'de', 'cmaes', 'tpe', 'gp', 'rf',
  'sh', 'hyperband', 'smac-hb', 'asha', 'bohb', 'dehb', 'smac-mf',
  'nsga2', 'motpe', 'parego', 'rf-parego', 'momf-parego',
];

const spec: ExperimentSpec = {
  experiment: 'golden',
  optimizers: [
    ...OPTIMIZERS.map((name) => ({ name, label: name, options: {} })),
    // Non-default paths of shared code (TPE's multivariate and group modes, constant liar).
    { name: 'tpe', label: 'tpe-multivariate', options: { multivariate: true } },
    { name: 'tpe', label: 'tpe-group', options: { multivariate: true, group: true, constant_liar: true } },
  ],
  tasks: ['golden/*', 'bbob/2/1/0', 'mfpbench/SO/mfh/mfh3_good', 'Pymoo/MO/unconstraint/kursawe'],
  seeds: [1, 2],
  nTrials: 20,
};

registerTaskCollection(goldenCollection);

test('exports of the fixed experiment equal the golden files (CSV and JSON lines)', async (t) => {
  const store = openSqliteStore(join(tempDir(t), 'golden.db'));
  try {
    const outcome = await runExperiment(store, spec, { workers: 0 });
    assert.deepEqual(outcome.outcomes.filter((o) => o.status !== 'done').map((o) => o.error), []);
    for (const format of ['csv', 'jsonl'] as const) {
      const actual = await exportText(exportTrials(store, spec.experiment, format));
      const file = join(GOLDEN_DIR, `experiment.${format}.gz`);
      if (process.env.HPOARENA_UPDATE_GOLDEN === '1' && process.env.CI !== 'true') {
        writeFileSync(file, gzipSync(actual, { level: 9 }));
        t.diagnostic(`wrote ${file}`);
        continue;
      }
      assert.ok(existsSync(file), `golden file ${file} is missing (HPOARENA_UPDATE_GOLDEN=1 writes it)`);
      const expected = gunzipSync(readFileSync(file)).toString('utf8');
      if (actual !== expected) assert.fail(firstDifference(expected, actual, format));
    }
  } finally {
    store.close();
  }
});

/** Names the first differing line, so a failure says which optimizer/task/trial changed. */
function firstDifference(expected: string, actual: string, format: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `${format} export differs from the golden file at line ${i + 1}:\n  golden: ${a[i]}\n  actual: ${b[i]}`;
  }
  return `${format} export differs from the golden file`;
}
